"""Decoding strategies for a language model (reference solution).

A "model" here is any callable ``model(tokens) -> logits``: given the token ids so far (a
list of ints), it returns a 1-D tensor of unnormalised scores for the next token.

Greedy:       always take the arg-max
Temperature:  divide the logits by T before the softmax (T < 1 sharper, T > 1 flatter)
Top-k:        sample only among the k most likely tokens
Top-p:        sample only among the smallest set of tokens whose probability reaches p
Beam search:  keep the beam_width best partial sequences by total log-probability

Run this file to decode from a small bigram model with each strategy:

    python3 decoding.py
"""
from __future__ import annotations

from typing import Callable, List, Optional, Sequence, Tuple

import torch
import torch.nn.functional as F

Model = Callable[[Sequence[int]], torch.Tensor]

# ---------------------------------------------------------------------------
# Given: a tiny bigram language model over ten words.
# ---------------------------------------------------------------------------
VOCAB = ["<eos>", "the", "cat", "dog", "sat", "ran", "on", "a", "mat", "."]
EOS = 0


class BigramLM:
    """Next-token logits depend only on the last token: ``logits[tokens[-1]]``."""

    def __init__(self, logits: torch.Tensor) -> None:
        self.logits = logits
        self.calls = 0

    def __call__(self, tokens: Sequence[int]) -> torch.Tensor:
        self.calls += 1
        return self.logits[tokens[-1]].clone()


def toy_bigram_model() -> BigramLM:
    """A fixed bigram table: 'the cat sat on a mat .' is likely, but not the only story."""
    V = len(VOCAB)
    table = torch.full((V, V), -3.0)
    likely = {  # previous word -> {next word: logit}
        "<eos>": {"the": 2.0, "a": 1.5},
        "the": {"cat": 2.0, "dog": 1.8, "mat": 0.5},
        "a": {"mat": 1.5, "cat": 1.2, "dog": 1.2},
        "cat": {"sat": 2.0, "ran": 1.0, ".": 0.5},
        "dog": {"ran": 2.0, "sat": 1.0, ".": 0.5},
        "sat": {"on": 2.5, ".": 1.0},
        "ran": {"on": 1.0, ".": 1.5},
        "on": {"the": 1.5, "a": 1.6},
        "mat": {".": 2.5, "on": 0.5},
        ".": {"<eos>": 3.0, "the": 0.5},
    }
    for prev, nexts in likely.items():
        for word, logit in nexts.items():
            table[VOCAB.index(prev), VOCAB.index(word)] = logit
    return BigramLM(table)


# ---------------------------------------------------------------------------
# 1. Reshaping the distribution
# ---------------------------------------------------------------------------
def apply_temperature(logits: torch.Tensor, temperature: float) -> torch.Tensor:
    """``logits / temperature``; a temperature <= 0 raises ``ValueError`` (use greedy)."""
    if temperature <= 0:
        raise ValueError("temperature must be > 0; temperature 0 means greedy decoding")
    return logits / temperature


def top_k_filter(logits: torch.Tensor, k: int) -> torch.Tensor:
    """A copy of ``logits`` where all but the ``k`` largest are ``-inf`` (exactly k kept,
    even when values tie). ``k >= len(logits)`` keeps everything."""
    if k >= logits.numel():
        return logits.clone()
    keep = torch.topk(logits, k).indices
    out = torch.full_like(logits, float("-inf"))
    out[keep] = logits[keep]
    return out


def top_p_filter(logits: torch.Tensor, p: float) -> torch.Tensor:
    """A copy of ``logits`` keeping only the nucleus: the smallest set of most likely tokens
    whose probabilities add up to at least ``p``; the rest become ``-inf``. The most likely
    token is always kept; ``p >= 1`` keeps everything."""
    if p >= 1.0:
        return logits.clone()
    probs = torch.softmax(logits, dim=-1)
    sorted_probs, order = torch.sort(probs, descending=True)
    mass_before = torch.cumsum(sorted_probs, dim=-1) - sorted_probs
    drop = order[mass_before >= p]  # the nucleus was already complete before these tokens
    out = logits.clone()
    out[drop] = float("-inf")
    return out


# ---------------------------------------------------------------------------
# 2. One sampling step
# ---------------------------------------------------------------------------
def sample_next(
    logits: torch.Tensor,
    temperature: float = 1.0,
    top_k: Optional[int] = None,
    top_p: Optional[float] = None,
    generator: Optional[torch.Generator] = None,
) -> int:
    """Draw the next token id. Temperature 0 is greedy (arg-max). Otherwise: temperature,
    then top-k, then top-p, then one draw from the softmax with ``generator``."""
    if temperature == 0:
        return int(torch.argmax(logits))
    logits = apply_temperature(logits, temperature)
    if top_k is not None:
        logits = top_k_filter(logits, top_k)
    if top_p is not None:
        logits = top_p_filter(logits, top_p)
    probs = torch.softmax(logits, dim=-1)
    return int(torch.multinomial(probs, 1, generator=generator))


# ---------------------------------------------------------------------------
# 3. Whole sequences
# ---------------------------------------------------------------------------
def greedy_decode(model: Model, prompt: Sequence[int], max_new_tokens: int, eos_id: Optional[int] = None) -> List[int]:
    """The new tokens (prompt excluded), each the arg-max given everything before it.
    Stops after ``max_new_tokens`` or right after emitting ``eos_id`` (which is included)."""
    tokens = list(prompt)
    new: List[int] = []
    for _ in range(max_new_tokens):
        token = int(torch.argmax(model(tokens)))
        tokens.append(token)
        new.append(token)
        if token == eos_id:
            break
    return new


def sample_decode(
    model: Model,
    prompt: Sequence[int],
    max_new_tokens: int,
    temperature: float = 1.0,
    top_k: Optional[int] = None,
    top_p: Optional[float] = None,
    seed: int = 0,
    eos_id: Optional[int] = None,
) -> List[int]:
    """Like ``greedy_decode`` but each token comes from ``sample_next``. All randomness
    comes from one ``torch.Generator`` seeded with ``seed``, so a seed fixes the output."""
    generator = torch.Generator().manual_seed(seed)
    tokens = list(prompt)
    new: List[int] = []
    for _ in range(max_new_tokens):
        token = sample_next(model(tokens), temperature, top_k, top_p, generator)
        tokens.append(token)
        new.append(token)
        if token == eos_id:
            break
    return new


def beam_search(
    model: Model,
    prompt: Sequence[int],
    beam_width: int,
    max_new_tokens: int,
    eos_id: Optional[int] = None,
) -> Tuple[List[int], float]:
    """``(new_tokens, log_prob)``: the best continuation found, scored by the sum of the
    log-probabilities of its tokens.

    At every step each live beam is extended by every token, and only the ``beam_width`` best
    extensions (by total log-probability) survive. An extension ending in ``eos_id`` is
    finished: it is set aside and never extended. The search stops after ``max_new_tokens``
    steps or when no beam is live; the best of the finished and the live beams wins.
    """
    beams: List[Tuple[List[int], float]] = [([], 0.0)]
    finished: List[Tuple[List[int], float]] = []
    for _ in range(max_new_tokens):
        candidates = []
        for new, score in beams:
            log_probs = F.log_softmax(model(list(prompt) + new).double(), dim=-1)
            for token, lp in enumerate(log_probs.tolist()):
                candidates.append((new + [token], score + lp))
        candidates.sort(key=lambda c: c[1], reverse=True)
        beams = []
        for new, score in candidates[:beam_width]:
            if eos_id is not None and new[-1] == eos_id:
                finished.append((new, score))
            else:
                beams.append((new, score))
        if not beams:
            break
    best_new, best_score = max(finished + beams, key=lambda c: c[1])
    return best_new, float(best_score)


def words(tokens: Sequence[int]) -> str:
    return " ".join(VOCAB[t] for t in tokens)


if __name__ == "__main__":
    model = toy_bigram_model()
    prompt = [EOS]  # start of text
    print("greedy     :", words(greedy_decode(model, prompt, 12, eos_id=EOS)))
    for seed in range(3):
        print(f"T=1.0 s={seed} :", words(sample_decode(model, prompt, 12, seed=seed, eos_id=EOS)))
    print("T=0.7 k=3  :", words(sample_decode(model, prompt, 12, temperature=0.7, top_k=3, eos_id=EOS)))
    print("top-p 0.9  :", words(sample_decode(model, prompt, 12, top_p=0.9, eos_id=EOS)))
    tokens, score = beam_search(model, prompt, beam_width=4, max_new_tokens=12, eos_id=EOS)
    print(f"beam 4     : {words(tokens)}  (log p = {score:.3f})")
