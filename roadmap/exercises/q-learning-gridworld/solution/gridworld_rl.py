"""Value iteration and tabular Q-learning on a small grid world (reference solution).

MDP:              states = free cells, actions = up / right / down / left, a move may slip
                  sideways; every move costs 0.04, landing on G pays +1, on P costs 1
Value iteration:  V(s) <- max_a sum_s' p(s' | s, a) [r + gamma V(s')]      (needs the model)
Q-learning:       Q(s, a) <- Q(s, a) + alpha [r + gamma max_a' Q(s', a') - Q(s, a)]
                  from sampled transitions only, acting epsilon-greedily

Run this file to compare the optimal policy with the one Q-learning finds:

    python3 gridworld_rl.py
"""
from __future__ import annotations

from typing import Dict, List, Sequence, Tuple

import numpy as np

# ---------------------------------------------------------------------------
# Given: the grid world. The default layout is the 4 x 3 world of Russell & Norvig's AIMA.
# ---------------------------------------------------------------------------
LAYOUT = (
    "...G",
    ".#.P",
    "S...",
)
MOVES = [(-1, 0), (0, 1), (1, 0), (0, -1)]  # action 0 = up, 1 = right, 2 = down, 3 = left
ARROWS = "^>v<"

Transition = Tuple[float, int, float, bool]  # (probability, next state, reward, done)


class GridWorld:
    """A grid MDP. ``S`` start, ``G`` goal (+1), ``P`` pit (-1), ``#`` wall, ``.`` free.

    States are the non-wall cells, numbered row by row (``cells[s]`` is ``(row, col)``).
    An action moves in its direction with probability ``1 - slip`` and to each of the two
    perpendicular directions with probability ``slip / 2``; moving into a wall or off the
    grid leaves the agent where it is. Every move earns ``step_reward``; landing on G adds
    ``goal_reward``, landing on P adds ``pit_reward``, and both end the episode. Terminal
    states have no moves: their value is 0.
    """

    n_actions = 4

    def __init__(
        self,
        layout: Sequence[str] = LAYOUT,
        slip: float = 0.0,
        step_reward: float = -0.04,
        goal_reward: float = 1.0,
        pit_reward: float = -1.0,
    ) -> None:
        self.layout = [str(row) for row in layout]
        self.height, self.width = len(self.layout), len(self.layout[0])
        self.slip, self.step_reward = slip, step_reward
        self.cells: List[Tuple[int, int]] = [
            (r, c) for r in range(self.height) for c in range(self.width) if self.layout[r][c] != "#"
        ]
        self.state_of: Dict[Tuple[int, int], int] = {cell: s for s, cell in enumerate(self.cells)}
        self.n_states = len(self.cells)
        kinds = [self.layout[r][c] for r, c in self.cells]
        self.start = kinds.index("S")
        self.terminal = np.array([k in "GP" for k in kinds])
        self.bonus = np.array([goal_reward if k == "G" else pit_reward if k == "P" else 0.0 for k in kinds])
        self._model = [[self._outcomes(s, a) for a in range(self.n_actions)] for s in range(self.n_states)]

    def _move(self, s: int, direction: int) -> int:
        r, c = self.cells[s]
        dr, dc = MOVES[direction]
        nr, nc = r + dr, c + dc
        if 0 <= nr < self.height and 0 <= nc < self.width and self.layout[nr][nc] != "#":
            return self.state_of[(nr, nc)]
        return s

    def _outcomes(self, s: int, a: int) -> List[Transition]:
        if self.terminal[s]:
            return [(1.0, s, 0.0, True)]
        options = [(1.0 - self.slip, a), (self.slip / 2, (a + 1) % 4), (self.slip / 2, (a + 3) % 4)]
        out = []
        for p, direction in options:
            if p > 0:
                s2 = self._move(s, direction)
                out.append((p, s2, self.step_reward + self.bonus[s2], bool(self.terminal[s2])))
        return out

    def transitions(self, s: int, a: int) -> List[Transition]:
        """The model: every ``(probability, next_state, reward, done)`` of action ``a`` in ``s``."""
        return self._model[s][a]

    def step(self, s: int, a: int, rng: np.random.Generator) -> Tuple[int, float, bool]:
        """Sample one move: ``(next_state, reward, done)``. This is all Q-learning may use."""
        outcomes = self._model[s][a]
        i = rng.choice(len(outcomes), p=[o[0] for o in outcomes]) if len(outcomes) > 1 else 0
        _, s2, r, done = outcomes[i]
        return s2, r, done


def render_policy(env: GridWorld, policy: Sequence[int]) -> str:
    """The policy as arrows on the grid (terminals shown as G / P, walls as #)."""
    rows = []
    for r in range(env.height):
        row = ""
        for c in range(env.width):
            ch = env.layout[r][c]
            row += ch if ch in "#GP" else ARROWS[policy[env.state_of[(r, c)]]]
        rows.append(row)
    return "\n".join(rows)


# ---------------------------------------------------------------------------
# 1. Planning with the model: the Bellman backup and value iteration
# ---------------------------------------------------------------------------
def q_from_v(env: GridWorld, V: np.ndarray, s: int, gamma: float) -> np.ndarray:
    """One-step look-ahead: for each action, ``sum p * (r + gamma * V[s'] * (not done))``."""
    q = np.zeros(env.n_actions)
    for a in range(env.n_actions):
        for p, s2, r, done in env.transitions(s, a):
            q[a] += p * (r + (0.0 if done else gamma * V[s2]))
    return q


def value_iteration(env: GridWorld, gamma: float, tol: float = 1e-10, max_sweeps: int = 100_000) -> np.ndarray:
    """V* by repeated Bellman optimality backups over all states until the largest change in
    a sweep is below ``tol``. Terminal states keep the value 0."""
    V = np.zeros(env.n_states)
    for _ in range(max_sweeps):
        new = np.array([0.0 if env.terminal[s] else q_from_v(env, V, s, gamma).max() for s in range(env.n_states)])
        delta = np.abs(new - V).max()
        V = new
        if delta < tol:
            break
    return V


def greedy_policy_from_v(env: GridWorld, V: np.ndarray, gamma: float) -> np.ndarray:
    """For each state, the action with the best one-step look-ahead (0 for terminals)."""
    return np.array([int(np.argmax(q_from_v(env, V, s, gamma))) for s in range(env.n_states)])


def policy_evaluation(env: GridWorld, policy: Sequence[int], gamma: float, tol: float = 1e-10, max_sweeps: int = 100_000) -> np.ndarray:
    """V^pi of a deterministic policy, by repeated Bellman expectation backups."""
    V = np.zeros(env.n_states)
    for _ in range(max_sweeps):
        new = np.array([0.0 if env.terminal[s] else q_from_v(env, V, s, gamma)[policy[s]] for s in range(env.n_states)])
        delta = np.abs(new - V).max()
        V = new
        if delta < tol:
            break
    return V


# ---------------------------------------------------------------------------
# 2. Learning from experience: epsilon-greedy Q-learning
# ---------------------------------------------------------------------------
def epsilon_greedy(Q: np.ndarray, s: int, epsilon: float, rng: np.random.Generator) -> int:
    """With probability ``epsilon`` a uniformly random action (any of them), otherwise a
    greedy one; ties between greedy actions are broken uniformly at random."""
    if rng.random() < epsilon:
        return int(rng.integers(Q.shape[1]))
    best = np.flatnonzero(Q[s] == Q[s].max())
    return int(rng.choice(best))


def q_learning_update(
    Q: np.ndarray, s: int, a: int, r: float, s_next: int, done: bool, alpha: float, gamma: float
) -> float:
    """One Q-learning step, in place; returns the TD error ``target - Q[s, a]`` (before the
    update). The target is ``r`` at the end of an episode, else ``r + gamma * max Q[s_next]``."""
    target = r if done else r + gamma * Q[s_next].max()
    td_error = target - Q[s, a]
    Q[s, a] += alpha * td_error
    return float(td_error)


def q_learning(
    env: GridWorld,
    n_episodes: int,
    alpha: float = 0.5,
    gamma: float = 0.9,
    epsilon: float = 0.2,
    seed: int = 0,
    max_steps: int = 100,
) -> Tuple[np.ndarray, List[float]]:
    """Tabular Q-learning from ``env.start``. Returns ``Q`` (n_states, n_actions), starting
    from zeros, and the undiscounted return (sum of rewards) of every episode."""
    rng = np.random.default_rng(seed)
    Q = np.zeros((env.n_states, env.n_actions))
    returns: List[float] = []
    for _ in range(n_episodes):
        s, total = env.start, 0.0
        for _ in range(max_steps):
            a = epsilon_greedy(Q, s, epsilon, rng)
            s_next, r, done = env.step(s, a, rng)
            q_learning_update(Q, s, a, r, s_next, done, alpha, gamma)
            total += r
            s = s_next
            if done:
                break
        returns.append(total)
    return Q, returns


if __name__ == "__main__":
    env = GridWorld(slip=0.2)
    V = value_iteration(env, gamma=0.95)
    print("optimal policy (slip 0.2, gamma 0.95):")
    print(render_policy(env, greedy_policy_from_v(env, V, 0.95)))
    Q, returns = q_learning(env, n_episodes=5000, alpha=0.1, gamma=0.95, epsilon=0.2)
    policy = Q.argmax(axis=1)
    print("Q-learning policy:")
    print(render_policy(env, policy))
    print(f"value of the start state: optimal {V[env.start]:.3f}, "
          f"learnt policy {policy_evaluation(env, policy, 0.95)[env.start]:.3f}")
    print(f"mean return, first 500 episodes {np.mean(returns[:500]):.3f}, last 500 {np.mean(returns[-500:]):.3f}")
