"""Efficient inference: speculative decoding and a KV cache (starter code).

Part 1 - Speculative decoding (Leviathan et al., 2023; Chen et al., 2023).
    A cheap *draft* model proposes k tokens one by one; the expensive *target* model scores
    all of them in ONE forward pass. Tokens are accepted left to right with probability
    min(1, p(x) / q(x)); at the first rejection a replacement is drawn from the residual
    distribution norm(max(p - q, 0)), and if all k are accepted the target's distribution at
    the next position gives one bonus token. The output has exactly the target's distribution
    (with greedy decoding: exactly the target's greedy output), but the target is called
    about once per 1 + (accepted tokens) instead of once per token.

Part 2 - KV cache.
    During generation the keys and values of past tokens never change, so a decoder can keep
    them and compute q, k, v only for the new token: O(T) projections instead of O(T^2).

The toy language models are lookup tables over a 16-token vocabulary: the target is an
order-2 Markov model, the draft the order-1 approximation that ignores the older token.
The target also runs a deliberate fixed amount of extra compute per call, like a big model
whose forward pass costs about the same whether it scores 1 or 5 positions.

The models, the baseline decoder and the benchmark are provided. Fill in the TODOs;
``python3 -m pytest -q -s`` shows your progress and the measured speed-ups.
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

import torch
import torch.nn as nn

VOCAB_SIZE = 16


# =============================================================================
# Part 1 - toy draft and target models
# =============================================================================
class ToyLM:
    """Base class: ``probs(tokens)`` returns the next-token distribution after every prefix.

    Row i of the (len(tokens), V) result is p(next | tokens[: i + 1]). One call = one
    forward pass; ``calls`` counts them.
    """

    vocab_size = VOCAB_SIZE

    def __init__(self):
        self.calls = 0

    def probs(self, tokens: Sequence[int]) -> torch.Tensor:
        self.calls += 1
        return self._probs(torch.as_tensor(list(tokens), dtype=torch.long))

    def _probs(self, tokens: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError


def _language_tables(vocab_size: int, seed: int) -> Tuple[torch.Tensor, torch.Tensor]:
    """Logits of a peaked bigram model and a smaller order-2 correction."""
    g = torch.Generator().manual_seed(seed)
    bigram = 3.0 * torch.randn(vocab_size, vocab_size, generator=g)  # [prev, next]
    correction = 1.2 * torch.randn(vocab_size, vocab_size, vocab_size, generator=g)  # [prev2, prev, next]
    return bigram, correction


class TargetModel(ToyLM):
    """Order-2 Markov model: p(next | previous two tokens). Costly by construction."""

    def __init__(self, seed: int = 0, work: int = 40, vocab_size: int = VOCAB_SIZE):
        super().__init__()
        self.vocab_size = vocab_size
        bigram, correction = _language_tables(vocab_size, seed)
        self.table = torch.softmax(bigram.unsqueeze(0) + correction, dim=-1)  # [prev2, prev, next]
        self.work = work
        self._w = torch.randn(128, 128, generator=torch.Generator().manual_seed(seed + 1)) / math.sqrt(128)

    def _simulate_big_model(self) -> None:
        # Stand-in for the cost of a large network: a fixed number of matmuls per call,
        # independent of how many positions are scored (decoding is memory-bound).
        h = torch.ones(8, 128)
        for _ in range(self.work):
            h = torch.tanh(h @ self._w)

    def _probs(self, tokens: torch.Tensor) -> torch.Tensor:
        self._simulate_big_model()
        prev2 = torch.cat([tokens[:1], tokens[:-1]])  # the first position reuses itself
        return self.table[prev2, tokens]


class DraftModel(ToyLM):
    """Order-1 approximation of the target (the same bigram, no correction): cheap."""

    def __init__(self, seed: int = 0, vocab_size: int = VOCAB_SIZE):
        super().__init__()
        self.vocab_size = vocab_size
        bigram, _ = _language_tables(vocab_size, seed)
        self.table = torch.softmax(bigram, dim=-1)  # [prev, next]

    def _probs(self, tokens: torch.Tensor) -> torch.Tensor:
        return self.table[tokens]


# =============================================================================
# Part 1 - decoding
# =============================================================================
def _pick(p: torch.Tensor, greedy: bool, generator: Optional[torch.Generator]) -> int:
    if greedy:
        return int(torch.argmax(p))
    return int(torch.multinomial(p, 1, generator=generator))


def autoregressive_generate(
    model: ToyLM, prompt: Sequence[int], n_new: int, greedy: bool = True, generator: Optional[torch.Generator] = None
) -> Tuple[List[int], Dict[str, float]]:
    """Baseline: one model call per generated token."""
    start_calls, t0 = model.calls, time.perf_counter()
    seq = list(prompt)
    for _ in range(n_new):
        seq.append(_pick(model.probs(seq)[-1], greedy, generator))
    stats = {"target_calls": model.calls - start_calls, "wall_time": time.perf_counter() - t0}
    return seq[len(prompt):], stats


def acceptance_probability(p: torch.Tensor, q: torch.Tensor, token: int) -> float:
    """min(1, p(x) / q(x)) for the drafted token x (q(x) > 0 since x was drawn from q)."""
    # TODO 1
    raise NotImplementedError("TODO 1: acceptance_probability")


def residual_distribution(p: torch.Tensor, q: torch.Tensor) -> torch.Tensor:
    """norm(max(p - q, 0)): where to resample after a rejection.

    Together with the acceptance rule it makes the emitted token exactly p-distributed:
    P(x) = q(x) min(1, p(x)/q(x)) + P(reject) * residual(x) = min(p, q)(x) + (p - q)^+(x) = p(x).
    """
    # TODO 2: clamp p - q at 0 and normalise it to sum to 1 (if it sums to 0, return p).
    raise NotImplementedError("TODO 2: residual_distribution")


def speculative_generate(
    target: ToyLM,
    draft: ToyLM,
    prompt: Sequence[int],
    n_new: int,
    k: int = 4,
    greedy: bool = True,
    generator: Optional[torch.Generator] = None,
) -> Tuple[List[int], Dict[str, float]]:
    """Generate ``n_new`` tokens with draft proposals verified by the target.

    Returns (tokens, stats) with stats: target_calls, draft_calls, proposed (drafted
    tokens), accepted (drafted tokens kept), acceptance_rate = accepted / proposed, and
    wall_time in seconds.
    """
    # TODO 3: the speculative loop. Until n_new tokens are produced:
    #   1. k_eff = min(k, tokens still needed). The draft proposes k_eff tokens one at a time:
    #      q = draft.probs(seq + drafted)[-1]; x = _pick(q, greedy, generator); keep q.
    #   2. ONE target call: p_rows = target.probs(seq + drafted)[len(seq) - 1:]
    #      (row i is the target's distribution for the position of drafted[i]; the extra
    #      last row is the distribution after all the drafted tokens).
    #   3. Left to right, accept drafted[i] if
    #        greedy:   it equals argmax(p_rows[i])
    #        sampling: torch.rand(1, generator=generator) < acceptance_probability(p, q, x)
    #      At the first rejection append the target's choice instead (greedy: argmax;
    #      sampling: a draw from residual_distribution(p, q)) and stop this round.
    #      If none was rejected, append a bonus token picked from p_rows[k_eff].
    #   4. Add the new tokens to seq and to the output.
    #   Cut the output to n_new tokens and return (tokens, stats) with the keys
    #   target_calls, draft_calls (count them with the models' .calls), proposed (number
    #   of drafted tokens), accepted, acceptance_rate = accepted / proposed, and wall_time:
    #   the seconds the whole call took (time.perf_counter() at the start and at the end).
    raise NotImplementedError("TODO 3: speculative_generate")


def benchmark(n_new: int = 64, k: int = 4, seed: int = 0, work: int = 40) -> Dict[str, float]:
    """Greedy generation with and without speculation; speed-ups in calls and in wall time."""
    prompt = [1, 2, 3]
    target, draft = TargetModel(seed, work), DraftModel(seed)
    base_tokens, base = autoregressive_generate(target, prompt, n_new)
    spec_tokens, spec = speculative_generate(target, draft, prompt, n_new, k)
    assert base_tokens == spec_tokens
    return {
        "baseline_target_calls": base["target_calls"],
        "speculative_target_calls": spec["target_calls"],
        "call_speedup": base["target_calls"] / spec["target_calls"],
        "baseline_wall_time": base["wall_time"],
        "speculative_wall_time": spec["wall_time"],
        "wall_speedup": base["wall_time"] / spec["wall_time"],
        "acceptance_rate": spec["acceptance_rate"],
    }


# =============================================================================
# Part 2 - a KV cache for a tiny causal self-attention layer
# =============================================================================
@dataclass
class KVCache:
    k: torch.Tensor  # (B, H, T_past, d_head)
    v: torch.Tensor  # (B, H, T_past, d_head)

    @property
    def length(self) -> int:
        return self.k.size(2)


class TinySelfAttention(nn.Module):
    def __init__(self, d_model: int = 32, n_heads: int = 4):
        super().__init__()
        assert d_model % n_heads == 0
        self.n_heads, self.d_head = n_heads, d_model // n_heads
        self.qkv = nn.Linear(d_model, 3 * d_model)
        self.out = nn.Linear(d_model, d_model)

    def _project(self, x: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        b, t, d = x.shape
        q, k, v = self.qkv(x).split(d, dim=-1)
        shape = (b, t, self.n_heads, self.d_head)
        return tuple(z.view(shape).transpose(1, 2) for z in (q, k, v))  # each (B, H, T, d_head)

    def _attend(self, q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, offset: int) -> torch.Tensor:
        """Queries sit at absolute positions offset..offset+T_q-1; keys at 0..T_k-1."""
        # TODO 4: scores = q k^T / sqrt(d_head); query j is at absolute position offset + j,
        #         key i at position i: mask (-inf) every key whose position is greater than
        #         the query's; softmax; weight v; merge the heads to (B, T_q, D); self.out.
        raise NotImplementedError("TODO 4: TinySelfAttention._attend")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Full recomputation over the whole sequence: (B, T, D) -> (B, T, D)."""
        q, k, v = self._project(x)
        return self._attend(q, k, v, offset=0)

    def forward_with_cache(self, x_new: torch.Tensor, cache: Optional[KVCache] = None) -> Tuple[torch.Tensor, KVCache]:
        """Process only the new tokens (B, T_new, D), reusing cached keys/values.

        Returns the outputs for the new positions and the extended cache.
        """
        # TODO 5: project ONLY x_new; the number of cached positions is the offset of the
        #         new queries; concatenate the cached k and v before the new ones (dim=2);
        #         attend; return (output, KVCache(all keys, all values)).
        raise NotImplementedError("TODO 5: TinySelfAttention.forward_with_cache")


if __name__ == "__main__":
    torch.set_num_threads(1)
    for key, value in benchmark().items():
        print(f"{key:>24}: {value:.3f}" if isinstance(value, float) else f"{key:>24}: {value}")
