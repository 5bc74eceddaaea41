"""Tests for decoding.py. Run with:  python3 -m pytest -q"""
import itertools
import math

import pytest
import torch
import torch.nn.functional as F

import decoding as D

torch.set_num_threads(1)


class StubLM:
    """A model whose logits are any function of the context; it records every call and
    refuses to be called more than ``limit`` times (a beam search that never prunes would
    otherwise run for hours)."""

    def __init__(self, fn, limit=2000):
        self.fn = fn
        self.limit = limit
        self.contexts = []

    def __call__(self, tokens):
        self.contexts.append(list(tokens))
        assert len(self.contexts) <= self.limit, f"more than {self.limit} model calls: is the beam pruned?"
        return torch.as_tensor(self.fn(list(tokens)), dtype=torch.float32)


def log_probs_of(probs):
    return torch.log(torch.tensor(probs, dtype=torch.float32))


def sequence_log_prob(model, prompt, new):
    """Sum of log p(token | everything before it), recomputed independently."""
    total, ctx = 0.0, list(prompt)
    for t in new:
        total += float(F.log_softmax(model(ctx).double(), -1)[t])
        ctx.append(t)
    return total


def empirical(n, draw, vocab):
    counts = torch.zeros(vocab)
    for _ in range(n):
        counts[draw()] += 1
    return counts / n


def tv(a, b):
    return 0.5 * float((a - b).abs().sum())


# ----------------------------------------------------------------------------- filters
def test_apply_temperature():
    logits = torch.tensor([2.0, 1.0, -1.0])
    assert torch.allclose(D.apply_temperature(logits, 0.5), torch.tensor([4.0, 2.0, -2.0]))
    assert torch.allclose(D.apply_temperature(logits, 2.0), torch.tensor([1.0, 0.5, -0.5]))
    for bad in (0.0, -1.0):
        with pytest.raises(ValueError):
            D.apply_temperature(logits, bad)


def test_top_k_keeps_exactly_the_k_largest():
    logits = torch.tensor([1.0, 3.0, 2.0, 0.0, -1.0])
    before = logits.clone()
    out = D.top_k_filter(logits, 2)
    assert torch.equal(logits, before), "filters must not modify their input"
    assert torch.isfinite(out).tolist() == [False, True, True, False, False]
    assert out[1] == 3.0 and out[2] == 2.0, "kept logits are unchanged"
    assert torch.equal(D.top_k_filter(logits, 5), logits) and torch.equal(D.top_k_filter(logits, 9), logits)
    tied = D.top_k_filter(torch.tensor([1.0, 3.0, 3.0, 0.0]), 1)
    assert int(torch.isfinite(tied).sum()) == 1, "keep exactly k tokens, even when two logits tie"
    assert float(tied.max()) == 3.0


@pytest.mark.parametrize(
    "p, kept",
    [(0.3, [0]), (0.75, [0, 1]), (0.9, [0, 1, 2]), (0.97, [0, 1, 2, 3]), (1.0, [0, 1, 2, 3])],
)
def test_top_p_keeps_the_smallest_nucleus_reaching_p(p, kept):
    logits = log_probs_of([0.5, 0.3, 0.15, 0.05])
    before = logits.clone()
    out = D.top_p_filter(logits, p)
    assert torch.equal(logits, before), "filters must not modify their input"
    got = [i for i in range(4) if math.isfinite(float(out[i]))]
    assert got == kept, (
        f"p={p}: keep the most likely tokens until their total reaches p, including the token "
        f"that crosses p (expected {kept}, kept {got})"
    )
    assert torch.equal(out[kept], logits[kept])


def test_top_p_order_does_not_depend_on_position():
    logits = log_probs_of([0.05, 0.15, 0.5, 0.3])  # the same distribution, shuffled
    out = D.top_p_filter(logits, 0.75)
    assert [i for i in range(4) if math.isfinite(float(out[i]))] == [2, 3]


# ----------------------------------------------------------------------------- one sampling step
def test_temperature_zero_is_argmax():
    g = torch.Generator().manual_seed(0)
    for _ in range(20):
        assert D.sample_next(torch.tensor([0.1, 2.0, 1.9, -1.0]), temperature=0, generator=g) == 1


@pytest.mark.parametrize("temperature", [1.0, 0.5, 2.0])
def test_samples_follow_the_tempered_softmax(temperature):
    logits = torch.tensor([2.0, 1.0, 0.0, -1.0])
    g = torch.Generator().manual_seed(0)
    freq = empirical(4000, lambda: D.sample_next(logits, temperature=temperature, generator=g), 4)
    expected = torch.softmax(logits / temperature, -1)
    assert tv(freq, expected) < 0.04, f"T={temperature}: sampled {freq.tolist()}, expected {expected.tolist()}"


def test_top_k_samples_renormalise_over_the_k_best():
    logits = torch.tensor([2.0, 1.0, 0.0, -1.0, 1.5])
    g = torch.Generator().manual_seed(1)
    freq = empirical(4000, lambda: D.sample_next(logits, top_k=2, generator=g), 5)
    expected = torch.softmax(D.top_k_filter(logits, 2), -1)
    assert freq[1] == freq[2] == freq[3] == 0, "tokens outside the top k must never be sampled"
    assert tv(freq, expected) < 0.04


def test_top_p_samples_renormalise_over_the_nucleus():
    logits = log_probs_of([0.5, 0.3, 0.15, 0.05])
    g = torch.Generator().manual_seed(2)
    freq = empirical(4000, lambda: D.sample_next(logits, top_p=0.75, generator=g), 4)
    assert freq[2] == freq[3] == 0
    assert tv(freq, torch.tensor([0.625, 0.375, 0.0, 0.0])) < 0.04


def test_temperature_is_applied_before_top_p():
    # At T=2 the distribution flattens to about [0.38, 0.29, 0.21, 0.12], so a 0.75 nucleus
    # holds three tokens; on the raw logits it would hold only two.
    logits = log_probs_of([0.5, 0.3, 0.15, 0.05])
    g = torch.Generator().manual_seed(3)
    freq = empirical(3000, lambda: D.sample_next(logits, temperature=2.0, top_p=0.75, generator=g), 4)
    assert freq[2] > 0.15, "apply the temperature first, then choose the nucleus on the tempered probabilities"
    assert freq[3] == 0


def test_sample_next_draws_from_the_given_generator():
    logits = torch.zeros(50)
    g1, g2 = torch.Generator().manual_seed(7), torch.Generator().manual_seed(7)
    first = []
    for i in range(30):
        torch.manual_seed(i)  # the global RNG must not matter
        first.append(D.sample_next(logits, generator=g1))
    second = [D.sample_next(logits, generator=g2) for _ in range(30)]
    assert first == second, "pass generator= to torch.multinomial so a seeded generator fixes the draws"
    assert len(set(first)) > 10


# ----------------------------------------------------------------------------- sequences
def test_a_model_that_always_predicts_one_token():
    always3 = StubLM(lambda ctx: [0.0, 0.0, 0.0, 5.0, 0.0, 0.0])
    assert D.greedy_decode(always3, [1], 6) == [3] * 6
    for seed in range(3):
        assert D.sample_decode(always3, [1], 6, temperature=0, seed=seed) == [3] * 6
        assert D.sample_decode(always3, [1], 6, temperature=1.5, top_k=1, seed=seed) == [3] * 6
        assert D.sample_decode(always3, [1], 6, top_p=0.5, seed=seed) == [3] * 6
    tokens, score = D.beam_search(always3, [1], beam_width=3, max_new_tokens=4)
    p3 = math.exp(5) / (math.exp(5) + 5)
    assert tokens == [3] * 4
    assert score == pytest.approx(4 * math.log(p3), rel=1e-5)


def test_greedy_follows_the_argmax_chain_and_stops_at_eos():
    model = D.toy_bigram_model()
    expected, last = [], D.EOS
    while True:
        last = int(torch.argmax(model.logits[last]))
        expected.append(last)
        if last == D.EOS or len(expected) == 20:
            break
    got = D.greedy_decode(model, [D.EOS], 20, eos_id=D.EOS)
    assert got == expected, "new tokens only (no prompt), each the arg-max, ending with the EOS token"
    assert got[-1] == D.EOS and D.EOS not in got[:-1]


def test_greedy_without_eos_produces_exactly_max_new_tokens():
    model = D.toy_bigram_model()
    assert len(D.greedy_decode(model, [D.EOS], 15)) == 15
    assert D.greedy_decode(model, [D.EOS], 0) == []


def test_sample_decode_is_seeded():
    model = D.toy_bigram_model()
    torch.manual_seed(123)
    a = D.sample_decode(model, [D.EOS], 30, seed=0)
    torch.manual_seed(456)
    b = D.sample_decode(model, [D.EOS], 30, seed=0)
    assert a == b, "the same seed must give the same text, whatever the global RNG state"
    outs = {tuple(D.sample_decode(model, [D.EOS], 30, seed=s)) for s in range(6)}
    assert len(outs) >= 3, "different seeds should give different samples"
    assert len(a) == 30
    uniform = StubLM(lambda ctx: [0.0] * 50)
    assert len(set(D.sample_decode(uniform, [0], 30, seed=0))) > 10, (
        "create the generator once per sequence: re-seeding it at every step repeats the same draw"
    )


def test_sample_decode_passes_its_settings_to_every_step():
    flat = StubLM(lambda ctx: -0.01 * torch.arange(50.0))  # almost uniform over 50 tokens
    assert set(D.sample_decode(flat, [0], 40, top_k=3, seed=0)) <= {0, 1, 2}, "top_k must reach sample_next"
    nucleus = set(range(5))  # the mass before token 4 is 0.0997 < 0.11, before token 5 it is 0.124
    assert set(D.sample_decode(flat, [0], 40, top_p=0.11, seed=0)) <= nucleus, "top_p must reach sample_next"
    steep = StubLM(lambda ctx: -0.5 * torch.arange(50.0))
    assert D.sample_decode(steep, [0], 20, temperature=0.01, seed=0) == [0] * 20, "temperature must reach sample_next"


def test_sample_decode_stops_right_after_eos():
    stops = StubLM(lambda ctx: [9.0, 0.0, 0.0] if len(ctx) >= 3 else [-9.0, 0.0, 0.0])
    out = D.sample_decode(stops, [1], 10, eos_id=0, seed=0)
    assert len(out) == 3 and out[-1] == 0


# ----------------------------------------------------------------------------- beam search
def test_beam_width_one_is_greedy():
    bigram = D.toy_bigram_model()
    model = StubLM(bigram)
    tokens, score = D.beam_search(model, [D.EOS], beam_width=1, max_new_tokens=10, eos_id=D.EOS)
    assert tokens == D.greedy_decode(model, [D.EOS], 10, eos_id=D.EOS)
    assert score == pytest.approx(sequence_log_prob(model, [D.EOS], tokens), abs=1e-5)


def _misleading(ctx):
    # After the prompt: token 1 is slightly more likely than token 2.
    # After 1 the next token is uniform (but its raw logits are huge); after 2, token 1 is near-certain.
    if ctx == [0]:
        return [-20.0, 1.0, 0.9]
    if ctx == [0, 1]:
        return [10.0, 10.0, 10.0]
    if ctx == [0, 2]:
        return [0.0, 5.0, 0.0]
    return [0.0, 0.0, 0.0]


def test_beam_search_finds_what_greedy_misses():
    model = StubLM(_misleading)
    greedy = D.greedy_decode(model, [0], 2)
    assert greedy[0] == 1
    tokens, score = D.beam_search(model, [0], beam_width=2, max_new_tokens=2)
    assert tokens == [2, 1], (
        "beam search must rank by total log-probability: log p(2) + log p(1 | 2) beats log p(1) + log(1/3); "
        "raw logits would pick the other path"
    )
    assert score == pytest.approx(sequence_log_prob(model, [0], [2, 1]), abs=1e-5)
    assert score > sequence_log_prob(model, [0], greedy)


def test_a_wide_beam_is_exhaustive():
    g = torch.Generator().manual_seed(0)
    table = torch.randn(4, 4, 4, generator=g) * 2  # a trigram model: logits depend on two tokens
    model = StubLM(lambda ctx: table[ctx[-2], ctx[-1]])
    prompt = [1, 2]
    best = max(itertools.product(range(4), repeat=3), key=lambda s: sequence_log_prob(model, prompt, s))
    tokens, score = D.beam_search(model, prompt, beam_width=16, max_new_tokens=3)
    assert tokens == list(best), "a beam as wide as all partial sequences must find the most likely sequence"
    assert score == pytest.approx(sequence_log_prob(model, prompt, best), abs=1e-5)


def test_finished_beams_are_set_aside():
    def fn(ctx):
        assert 0 not in ctx[1:], "a beam that emitted EOS must never be extended"
        if ctx == [5]:
            return [math.log(0.6), math.log(0.4), -30.0, -30.0, -30.0, -30.0]
        return [-30.0, -30.0, 0.0, -30.0, -30.0, -30.0]  # then token 2, almost surely

    model = StubLM(fn)
    tokens, score = D.beam_search(model, [5], beam_width=2, max_new_tokens=4, eos_id=0)
    assert tokens == [0], "the finished [EOS] (p = 0.6) beats every longer continuation (p <= 0.4)"
    assert score == pytest.approx(math.log(0.6), abs=1e-4)


def test_one_model_call_per_live_beam_per_step():
    model = StubLM(lambda ctx: torch.randn(10, generator=torch.Generator().manual_seed(sum(ctx) * 31 + len(ctx))))
    D.beam_search(model, [1], beam_width=3, max_new_tokens=5)
    assert len(model.contexts) == 1 + 3 * 4, (
        f"{len(model.contexts)} model calls; expected 1 for the first step and then 3 per step: "
        "keep only the beam_width best extensions"
    )
    assert all(ctx[0] == 1 for ctx in model.contexts), "every call sees the prompt followed by the beam's tokens"
