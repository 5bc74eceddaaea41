"""Direct Preference Optimization (DPO) on toy preferences - reference solution.

A tiny policy writes short token sequences ("responses") for a handful of prompts. A hidden rule
decides which of two responses a "labeller" prefers. DPO trains the policy directly on the
(prompt, chosen, rejected) triples, with no reward model and no sampling:

    log-ratio      h(y)  = log pi_theta(y | x) - log pi_ref(y | x)
    loss           -log sigmoid( beta * (h(y_w) - h(y_l)) )          (averaged over pairs)
    implicit reward r(x, y) = beta * h(y)

The reference pi_ref is a frozen copy of the starting policy; beta sets how far the policy may
move away from it. Run the tests with ``python3 -m pytest -q``; run ``python3 dpo.py`` to train.
"""
from __future__ import annotations

import copy
import random
from dataclasses import dataclass
from typing import Dict, List, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F

VOCAB = 6  # tokens 0 .. 5
N_PROMPTS = 8


# ---------------------------------------------------------------------------
# The policy (given): a bigram logit table per prompt
# ---------------------------------------------------------------------------
class BigramPolicy(nn.Module):
    """p(token_j | prompt, token_{j-1}) = softmax(logits[prompt, token_{j-1}]).

    Row ``vocab`` of each prompt's table is the start-of-response context (BOS).
    """

    def __init__(self, n_prompts: int = N_PROMPTS, vocab: int = VOCAB, seed: int = 0):
        super().__init__()
        self.vocab = vocab
        g = torch.Generator().manual_seed(seed)
        self.logits = nn.Parameter(0.5 * torch.randn(n_prompts, vocab + 1, vocab, generator=g))

    def forward(self, prompts: torch.Tensor, responses: torch.Tensor) -> torch.Tensor:
        """prompts (B,), responses (B, L) -> next-token logits (B, L, vocab); position j is
        the distribution of responses[:, j] given the prompt and the previous token."""
        bos = torch.full_like(responses[:, :1], self.vocab)
        previous = torch.cat([bos, responses[:, :-1]], dim=1)
        return self.logits[prompts.unsqueeze(1), previous]


# ---------------------------------------------------------------------------
# Toy preference data (given)
# ---------------------------------------------------------------------------
@dataclass
class Preferences:
    prompts: torch.Tensor  # (N,) long
    chosen: torch.Tensor  # (N, L) long, padded with 0
    chosen_mask: torch.Tensor  # (N, L) float, 1 for real tokens, 0 for padding
    rejected: torch.Tensor
    rejected_mask: torch.Tensor

    def __len__(self) -> int:
        return self.prompts.numel()


def true_reward(prompt: int, tokens: List[int]) -> int:
    """The labeller's hidden taste: token (prompt % VOCAB) is good, token (prompt + 1) % VOCAB bad."""
    good, bad = prompt % VOCAB, (prompt + 1) % VOCAB
    return sum(t == good for t in tokens) - sum(t == bad for t in tokens)


def make_preferences(n_pairs: int = 1000, seed: int = 0, max_len: int = 5) -> Preferences:
    """Random pairs of responses (3 to max_len tokens) for random prompts; the one with the higher
    true reward is 'chosen'. Ties are skipped."""
    rng = random.Random(seed)
    rows = []
    while len(rows) < n_pairs:
        p = rng.randrange(N_PROMPTS)
        a, b = ([rng.randrange(VOCAB) for _ in range(rng.randint(3, max_len))] for _ in range(2))
        ra, rb = true_reward(p, a), true_reward(p, b)
        if ra != rb:
            rows.append((p, a, b) if ra > rb else (p, b, a))

    def pad(seqs):
        out = torch.zeros(len(seqs), max_len, dtype=torch.long)
        mask = torch.zeros(len(seqs), max_len)
        for i, s in enumerate(seqs):
            out[i, : len(s)] = torch.tensor(s)
            mask[i, : len(s)] = 1.0
        return out, mask

    chosen, chosen_mask = pad([r[1] for r in rows])
    rejected, rejected_mask = pad([r[2] for r in rows])
    return Preferences(torch.tensor([r[0] for r in rows]), chosen, chosen_mask, rejected, rejected_mask)


# ---------------------------------------------------------------------------
# 1. Log-probability of a whole response
# ---------------------------------------------------------------------------
def sequence_log_prob(
    policy: nn.Module, prompts: torch.Tensor, responses: torch.Tensor, mask: torch.Tensor
) -> torch.Tensor:
    """log pi(y | x) = sum over the real tokens j of log p(y_j | x, y_<j). Returns (B,)."""
    logits = policy(prompts, responses)  # (B, L, V)
    token_logps = torch.log_softmax(logits, dim=-1).gather(-1, responses.unsqueeze(-1)).squeeze(-1)
    return (token_logps * mask).sum(dim=-1)


# ---------------------------------------------------------------------------
# 2. The frozen reference
# ---------------------------------------------------------------------------
def make_reference(policy: nn.Module) -> nn.Module:
    """An independent copy of the policy that never trains: eval mode, no gradients."""
    reference = copy.deepcopy(policy)
    reference.eval()
    for p in reference.parameters():
        p.requires_grad_(False)
    return reference


# ---------------------------------------------------------------------------
# 3. The DPO loss
# ---------------------------------------------------------------------------
def dpo_loss(
    policy_chosen_logps: torch.Tensor,
    policy_rejected_logps: torch.Tensor,
    ref_chosen_logps: torch.Tensor,
    ref_rejected_logps: torch.Tensor,
    beta: float = 0.1,
) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Return (loss, chosen_rewards, rejected_rewards).

    loss    = mean of -log sigmoid(beta * ((pi_w - ref_w) - (pi_l - ref_l)))
    rewards = beta * (pi - ref) for the chosen and the rejected responses, detached.
    """
    chosen_ratio = policy_chosen_logps - ref_chosen_logps
    rejected_ratio = policy_rejected_logps - ref_rejected_logps
    logits = beta * (chosen_ratio - rejected_ratio)
    loss = -F.logsigmoid(logits).mean()
    return loss, (beta * chosen_ratio).detach(), (beta * rejected_ratio).detach()


# ---------------------------------------------------------------------------
# 4. Training
# ---------------------------------------------------------------------------
def train_dpo(
    policy: nn.Module,
    reference: nn.Module,
    data: Preferences,
    beta: float = 0.1,
    steps: int = 150,
    lr: float = 0.05,
) -> Dict[str, List[float]]:
    """Full-batch Adam on the DPO loss. Only the policy trains; the reference's log-probs are
    computed without gradients. Returns {"loss": [...], "margin": [...], "accuracy": [...]},
    one entry per step, measured before that step's update: the mean loss, the mean reward
    margin (chosen_rewards - rejected_rewards) and the fraction of pairs with a positive margin."""
    optimizer = torch.optim.Adam(policy.parameters(), lr=lr)
    with torch.no_grad():
        ref_w = sequence_log_prob(reference, data.prompts, data.chosen, data.chosen_mask)
        ref_l = sequence_log_prob(reference, data.prompts, data.rejected, data.rejected_mask)
    history: Dict[str, List[float]] = {"loss": [], "margin": [], "accuracy": []}
    policy.train()
    for _ in range(steps):
        pi_w = sequence_log_prob(policy, data.prompts, data.chosen, data.chosen_mask)
        pi_l = sequence_log_prob(policy, data.prompts, data.rejected, data.rejected_mask)
        loss, r_w, r_l = dpo_loss(pi_w, pi_l, ref_w, ref_l, beta)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        history["loss"].append(loss.item())
        history["margin"].append((r_w - r_l).mean().item())
        history["accuracy"].append((r_w > r_l).float().mean().item())
    return history


# ---------------------------------------------------------------------------
# 5. The implicit reward
# ---------------------------------------------------------------------------
@torch.no_grad()
def implicit_reward(
    policy: nn.Module,
    reference: nn.Module,
    prompts: torch.Tensor,
    responses: torch.Tensor,
    mask: torch.Tensor,
    beta: float = 0.1,
) -> torch.Tensor:
    """r(x, y) = beta * (log pi(y | x) - log pi_ref(y | x)). Returns (B,)."""
    return beta * (
        sequence_log_prob(policy, prompts, responses, mask) - sequence_log_prob(reference, prompts, responses, mask)
    )


def preference_accuracy(policy, reference, data: Preferences, beta: float = 0.1) -> float:
    """Fraction of pairs whose chosen response gets the higher implicit reward. (given)"""
    r_w = implicit_reward(policy, reference, data.prompts, data.chosen, data.chosen_mask, beta)
    r_l = implicit_reward(policy, reference, data.prompts, data.rejected, data.rejected_mask, beta)
    return (r_w > r_l).float().mean().item()


if __name__ == "__main__":
    torch.set_num_threads(1)
    train, held_out = make_preferences(1000, seed=0), make_preferences(500, seed=1)
    policy = BigramPolicy(seed=0)
    reference = make_reference(policy)
    history = train_dpo(policy, reference, train, beta=0.1)
    print(f"loss {history['loss'][0]:.3f} -> {history['loss'][-1]:.3f}, "
          f"margin {history['margin'][0]:.3f} -> {history['margin'][-1]:.3f}")
    print(f"held-out preference accuracy of the implicit reward: {preference_accuracy(policy, reference, held_out):.3f}")
