"""Tests for gridworld_rl.py. Run with:  python3 -m pytest -q"""
import numpy as np
import pytest

import gridworld_rl as RL
from gridworld_rl import GridWorld

UP, RIGHT, DOWN, LEFT = 0, 1, 2, 3


def exact_q(env, gamma):
    """Q* and V* by solving with value iteration written here, independently of yours."""
    V = np.zeros(env.n_states)
    for _ in range(5000):
        Q = np.array([[sum(p * (r + (0 if d else gamma * V[s2])) for p, s2, r, d in env.transitions(s, a))
                       for a in range(4)] for s in range(env.n_states)])
        Q[env.terminal] = 0.0
        V = Q.max(axis=1)
    return Q, V


def solve_policy(env, policy, gamma):
    """V^pi from the linear system (I - gamma P) V = R."""
    n = env.n_states
    P, R = np.zeros((n, n)), np.zeros(n)
    for s in range(n):
        if env.terminal[s]:
            continue
        for p, s2, r, done in env.transitions(s, policy[s]):
            R[s] += p * r
            if not done:
                P[s, s2] += p
    return np.linalg.solve(np.eye(n) - gamma * P, R)


# ----------------------------------------------------------------------------- planning
def test_one_step_look_ahead_by_hand():
    env = GridWorld(slip=0.2)
    s = env.state_of[(1, 2)]  # the free cell left of the pit, right of the wall
    V = np.arange(env.n_states, dtype=float)
    V[env.state_of[(1, 3)]] = 5.0  # a terminal's value must never be used
    v02, v12, v22 = V[env.state_of[(0, 2)]], V[s], V[env.state_of[(2, 2)]]
    q = RL.q_from_v(env, V, s, gamma=0.9)
    # up: 0.8 to (0, 2); 0.1 into the wall on the left (stay); 0.1 into the pit on the right
    expected_up = 0.8 * (-0.04 + 0.9 * v02) + 0.1 * (-0.04 + 0.9 * v12) + 0.1 * (-0.04 - 1.0)
    # right: 0.8 into the pit; 0.1 up to (0, 2); 0.1 down to (2, 2)
    expected_right = 0.8 * (-0.04 - 1.0) + 0.1 * (-0.04 + 0.9 * v02) + 0.1 * (-0.04 + 0.9 * v22)
    assert np.shape(q) == (4,)
    assert q[UP] == pytest.approx(expected_up, rel=1e-12)
    assert q[RIGHT] == pytest.approx(expected_right, rel=1e-12), (
        "sum over outcomes of p * (r + gamma * V[s']), without the V[s'] term when the move ends the episode"
    )


@pytest.mark.parametrize("gamma", [0.9, 0.5])
def test_value_iteration_on_a_corridor(gamma):
    env = GridWorld(layout=("S...G",))
    V = RL.value_iteration(env, gamma)
    for col in range(4):
        d = 4 - col  # moves to the goal
        expected = sum(gamma**k * -0.04 for k in range(d - 1)) + gamma ** (d - 1) * (1.0 - 0.04)
        assert V[env.state_of[(0, col)]] == pytest.approx(expected, abs=1e-8), (
            f"column {col}: {d} moves, each costing 0.04 and discounted by gamma^k, the last one paying +1"
        )
    assert V[env.state_of[(0, 4)]] == 0.0, "a terminal state has value 0"


def test_value_iteration_reproduces_the_aima_grid():
    env = GridWorld(slip=0.2)  # Russell & Norvig: 80% intended, 10% to each side, gamma = 1
    V = RL.value_iteration(env, gamma=1.0)
    aima = {(0, 0): 0.812, (0, 1): 0.868, (0, 2): 0.918, (1, 0): 0.762, (1, 2): 0.660,
            (2, 0): 0.705, (2, 1): 0.655, (2, 2): 0.611, (2, 3): 0.388}
    for cell, value in aima.items():
        assert V[env.state_of[cell]] == pytest.approx(value, abs=1e-3), f"V{cell}"
    policy = RL.greedy_policy_from_v(env, V, gamma=1.0)
    assert RL.render_policy(env, policy) == ">>>G\n^#^P\n^<<<", (
        "the textbook policy: go round by the top, and from the bottom right go left, away from the pit"
    )


def test_value_iteration_reaches_the_bellman_fixed_point():
    env = GridWorld(slip=0.1)
    Q_star, V_star = exact_q(env, 0.9)
    V = RL.value_iteration(env, 0.9)
    np.testing.assert_allclose(V, V_star, atol=1e-8)
    for s in range(env.n_states):
        if not env.terminal[s]:
            assert V[s] == pytest.approx(RL.q_from_v(env, V, s, 0.9).max(), abs=1e-8)


def test_policy_evaluation_matches_the_linear_solve():
    env = GridWorld(slip=0.2)
    rng = np.random.default_rng(0)
    for _ in range(3):
        policy = rng.integers(4, size=env.n_states)
        np.testing.assert_allclose(RL.policy_evaluation(env, policy, 0.9), solve_policy(env, policy, 0.9), atol=1e-7)
    _, V_star = exact_q(env, 0.9)
    optimal = RL.greedy_policy_from_v(env, V_star, 0.9)
    np.testing.assert_allclose(RL.policy_evaluation(env, optimal, 0.9), V_star, atol=1e-7)


# ----------------------------------------------------------------------------- acting and updating
def _frequencies(Q, s, epsilon, n=8000, seed=0):
    rng = np.random.default_rng(seed)
    return np.bincount([RL.epsilon_greedy(Q, s, epsilon, rng) for _ in range(n)], minlength=Q.shape[1]) / n


def test_epsilon_greedy_probabilities():
    Q = np.zeros((3, 4))
    Q[1] = [0.0, 2.0, 1.0, 0.0]
    assert _frequencies(Q, 1, 0.0, n=200).tolist() == [0, 1, 0, 0], "epsilon = 0 is purely greedy"
    np.testing.assert_allclose(_frequencies(Q, 1, 1.0), 0.25, atol=0.025, err_msg="epsilon = 1 is uniform over all actions")
    np.testing.assert_allclose(
        _frequencies(Q, 1, 0.4), [0.1, 0.7, 0.1, 0.1], atol=0.025,
        err_msg="greedy with probability 1 - eps + eps/4: the random action may also be the greedy one",
    )


def test_epsilon_greedy_breaks_ties_at_random():
    Q = np.zeros((2, 4))
    Q[0] = [1.0, 1.0, 0.0, 1.0]
    freq = _frequencies(Q, 0, 0.0, n=6000)
    assert freq[2] == 0
    np.testing.assert_allclose(freq[[0, 1, 3]], 1 / 3, atol=0.03, err_msg=(
        "ties between greedy actions must be broken uniformly at random; np.argmax always picks the first, "
        "so an all-zero Q table would always try the same action"
    ))


def test_q_learning_update_formula():
    Q = np.zeros((6, 4))
    Q[5] = [1.0, 3.0, 2.0, 0.0]
    Q[0, 1] = 1.0
    before = Q.copy()
    td = RL.q_learning_update(Q, s=0, a=1, r=-0.04, s_next=5, done=False, alpha=0.5, gamma=0.9)
    target = -0.04 + 0.9 * 3.0  # the max over the next state's actions
    assert td == pytest.approx(target - 1.0)
    assert Q[0, 1] == pytest.approx(1.0 + 0.5 * (target - 1.0))
    changed = np.argwhere(Q != before).tolist()
    assert changed == [[0, 1]], "only Q[s, a] changes"


def test_q_learning_update_does_not_bootstrap_past_the_end():
    Q = np.zeros((6, 4))
    Q[5] = [4.0, 4.0, 4.0, 4.0]
    td = RL.q_learning_update(Q, s=2, a=3, r=0.96, s_next=5, done=True, alpha=0.25, gamma=0.9)
    assert td == pytest.approx(0.96), "when the episode ends the target is just r"
    assert Q[2, 3] == pytest.approx(0.25 * 0.96)


# ----------------------------------------------------------------------------- learning
@pytest.fixture(scope="module")
def learnt():
    env = GridWorld(slip=0.0)
    Q, returns = RL.q_learning(env, n_episodes=2000, alpha=0.5, gamma=0.9, epsilon=0.3, seed=0)
    return env, Q, returns


def test_q_learning_finds_an_optimal_action_in_every_state(learnt):
    env, Q, _ = learnt
    Q_star, V_star = exact_q(env, 0.9)
    assert Q.shape == (env.n_states, 4)
    for s in range(env.n_states):
        if env.terminal[s]:
            continue
        a = int(np.argmax(Q[s]))
        assert Q_star[s, a] >= V_star[s] - 1e-9, (
            f"state {env.cells[s]}: the learnt greedy action {RL.ARROWS[a]} is not optimal "
            f"(Q* = {np.round(Q_star[s], 3)})"
        )
    assert Q[env.start].max() == pytest.approx(V_star[env.start], abs=1e-6), "Q(start, best) should converge to V*(start)"
    assert np.all(Q[env.terminal] == 0.0), "terminal states are never updated"


def test_returns_are_recorded_and_improve(learnt):
    env, _, returns = learnt
    assert len(returns) == 2000, "one return per episode"
    early, late = np.mean(returns[:20]), np.mean(returns[-500:])
    assert late > early + 0.15, f"mean return went from {early:.3f} to {late:.3f}; it should clearly improve"
    assert max(returns) == pytest.approx(1.0 - 5 * 0.04), "the best episode is the shortest path: 5 moves then +1"


def test_q_learning_handles_slippery_moves():
    env = GridWorld(slip=0.2)
    _, V_star = exact_q(env, 0.9)
    Q, _ = RL.q_learning(env, n_episodes=3000, alpha=0.1, gamma=0.9, epsilon=0.3, seed=0)
    value = solve_policy(env, Q.argmax(axis=1), 0.9)[env.start]
    assert value >= V_star[env.start] - 0.01, (
        f"with random slips the learnt policy is worth {value:.3f} from the start, optimal is {V_star[env.start]:.3f}"
    )


def test_q_learning_is_seeded():
    env = GridWorld(slip=0.2)
    a, _ = RL.q_learning(env, n_episodes=50, seed=1)
    b, _ = RL.q_learning(env, n_episodes=50, seed=1)
    c, _ = RL.q_learning(env, n_episodes=50, seed=2)
    np.testing.assert_array_equal(a, b, err_msg="use np.random.default_rng(seed) for every random choice")
    assert not np.array_equal(a, c)


def test_q_learning_learns_from_samples_only():
    env = GridWorld(slip=0.2)

    def forbidden(*args, **kwargs):
        raise AssertionError("Q-learning is model-free: use env.step(...), not env.transitions(...)")

    env.transitions = forbidden
    Q, returns = RL.q_learning(env, n_episodes=20, seed=0)
    assert len(returns) == 20 and np.any(Q != 0)
