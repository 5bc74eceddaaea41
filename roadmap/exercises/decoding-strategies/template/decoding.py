"""Decoding strategies for a language model.

Fill in every ``TODO`` below, then run the tests:  python3 -m pytest -q

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
    # TODO: raise ValueError for temperature <= 0, otherwise divide.
    raise NotImplementedError("TODO: apply_temperature")


def top_k_filter(logits: torch.Tensor, k: int) -> torch.Tensor:
    """A copy of ``logits`` where all but the ``k`` largest are ``-inf`` (exactly k kept,
    even when values tie). ``k >= len(logits)`` keeps everything."""
    # TODO: if k covers the whole vocabulary return a clone. Otherwise take the indices of the
    #       k largest logits (torch.topk) and build a tensor of -inf with only those copied in.
    raise NotImplementedError("TODO: top_k_filter")


def top_p_filter(logits: torch.Tensor, p: float) -> torch.Tensor:
    """A copy of ``logits`` keeping only the nucleus: the smallest set of most likely tokens
    whose probabilities add up to at least ``p``; the rest become ``-inf``. The most likely
    token is always kept; ``p >= 1`` keeps everything."""
    # TODO: if p >= 1 return a clone. Otherwise sort the probabilities (softmax) in descending
    #       order; a token belongs to the nucleus while the mass of the tokens BEFORE it is
    #       still below p. Set every other token's logit to -inf in a copy.
    raise NotImplementedError("TODO: top_p_filter")


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
    # TODO: temperature 0 -> arg-max. Otherwise temperature, then top_k_filter if top_k is
    #       not None, then top_p_filter if top_p is not None, then softmax and one
    #       torch.multinomial draw that uses `generator`. Return a Python int.
    raise NotImplementedError("TODO: sample_next")


# ---------------------------------------------------------------------------
# 3. Whole sequences
# ---------------------------------------------------------------------------
def greedy_decode(model: Model, prompt: Sequence[int], max_new_tokens: int, eos_id: Optional[int] = None) -> List[int]:
    """The new tokens (prompt excluded), each the arg-max given everything before it.
    Stops after ``max_new_tokens`` or right after emitting ``eos_id`` (which is included)."""
    # TODO: loop max_new_tokens times: arg-max of model(prompt + new tokens so far), append it;
    #       stop right after appending eos_id.
    raise NotImplementedError("TODO: greedy_decode")


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
    # TODO: one torch.Generator().manual_seed(seed) for the whole sequence; the same loop as
    #       greedy_decode, with sample_next(...) instead of the arg-max.
    raise NotImplementedError("TODO: sample_decode")


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
    beams: List[Tuple[List[int], float]] = [([], 0.0)]  # (new tokens, total log-probability)
    finished: List[Tuple[List[int], float]] = []
    # TODO: for each step: call the model once per live beam, turn its logits into
    #       log-probabilities (F.log_softmax), and collect every one-token extension with its
    #       new total. Keep the beam_width best extensions; those ending in eos_id go to
    #       `finished`, the others become the new beams. Stop early when no beam is live.
    # TODO: return the best (tokens, score) among finished + beams, score as a float.
    raise NotImplementedError("TODO: beam_search")


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
