"""Tests for speculative.py. Run with:  python3 -m pytest -q -s   (-s shows the timings)"""
import pytest
import torch

import speculative as S

torch.set_num_threads(1)

PROMPTS = [[1, 2, 3], [0], [7, 7, 7, 7], [15, 4, 9, 2, 11]]


# ---------------------------------------------------------------------------
# The accept/reject rule
# ---------------------------------------------------------------------------
def test_acceptance_probability():
    p = torch.tensor([0.5, 0.3, 0.2])
    q = torch.tensor([0.25, 0.6, 0.15])
    assert S.acceptance_probability(p, q, 0) == pytest.approx(1.0)  # p > q: always keep
    assert S.acceptance_probability(p, q, 1) == pytest.approx(0.5)  # 0.3 / 0.6
    assert S.acceptance_probability(p, q, 2) == pytest.approx(1.0)


def test_residual_distribution():
    p = torch.tensor([0.5, 0.3, 0.2])
    q = torch.tensor([0.25, 0.6, 0.15])
    r = S.residual_distribution(p, q)
    assert torch.allclose(r, torch.tensor([0.25, 0.0, 0.05]) / 0.3, atol=1e-6)
    assert float(r.sum()) == pytest.approx(1.0)


def test_rule_reproduces_the_target_distribution_exactly():
    """q(x) * accept(x) + P(reject) * residual(x) must equal p(x) for any p, q."""
    g = torch.Generator().manual_seed(0)
    for _ in range(20):
        p = torch.softmax(2 * torch.randn(10, generator=g), 0)
        q = torch.softmax(2 * torch.randn(10, generator=g), 0)
        accept = torch.tensor([S.acceptance_probability(p, q, x) for x in range(10)])
        p_reject = 1 - float((q * accept).sum())
        emitted = q * accept + p_reject * S.residual_distribution(p, q)
        assert torch.allclose(emitted, p, atol=1e-5)


# ---------------------------------------------------------------------------
# Greedy speculative decoding
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("k", [1, 2, 4, 6])
def test_greedy_speculative_equals_target_greedy(k):
    for prompt in PROMPTS:
        target, draft = S.TargetModel(seed=0, work=0), S.DraftModel(seed=0)
        expected, _ = S.autoregressive_generate(target, prompt, 40)
        got, stats = S.speculative_generate(target, draft, prompt, 40, k=k)
        assert got == expected, f"prompt {prompt}, k={k}"
        assert len(got) == 40


def test_greedy_equality_with_a_poor_draft():
    """Even a draft from a different 'language' must not change the greedy output."""
    for prompt in PROMPTS:
        target, bad_draft = S.TargetModel(seed=0, work=0), S.DraftModel(seed=123)
        expected, _ = S.autoregressive_generate(target, prompt, 30)
        got, stats = S.speculative_generate(target, bad_draft, prompt, 30, k=4)
        assert got == expected
        assert stats["acceptance_rate"] < 0.5


def test_stats_are_reported_and_consistent():
    target, draft = S.TargetModel(seed=0, work=0), S.DraftModel(seed=0)
    _, stats = S.speculative_generate(target, draft, [1, 2, 3], 50, k=4)
    for key in ("target_calls", "draft_calls", "proposed", "accepted", "acceptance_rate", "wall_time"):
        assert key in stats
    assert stats["target_calls"] == target.calls and stats["draft_calls"] == draft.calls
    assert stats["proposed"] == stats["draft_calls"], "one draft call per proposed token"
    assert 0 <= stats["accepted"] <= stats["proposed"]
    assert stats["acceptance_rate"] == pytest.approx(stats["accepted"] / stats["proposed"])
    assert stats["wall_time"] > 0
    # Each target call yields the accepted tokens plus exactly one more (minus the final cut).
    assert stats["accepted"] + stats["target_calls"] >= 50


def test_speedup_in_target_calls():
    results = []
    for prompt in PROMPTS:
        target, draft = S.TargetModel(seed=0, work=40), S.DraftModel(seed=0)
        base_tokens, base = S.autoregressive_generate(target, prompt, 64)
        spec_tokens, spec = S.speculative_generate(target, draft, prompt, 64, k=4)
        assert spec_tokens == base_tokens
        assert base["target_calls"] == 64
        results.append((base, spec))
    call_speedup = sum(b["target_calls"] for b, _ in results) / sum(s["target_calls"] for _, s in results)
    wall_speedup = sum(b["wall_time"] for b, _ in results) / sum(s["wall_time"] for _, s in results)
    acceptance = sum(s["accepted"] for _, s in results) / sum(s["proposed"] for _, s in results)
    print(f"\ncall speed-up {call_speedup:.2f}x, wall-time speed-up {wall_speedup:.2f}x, acceptance {acceptance:.2f}")
    assert call_speedup > 1.2
    assert acceptance > 0.25


def test_benchmark_reports_both_speedups():
    report = S.benchmark(n_new=48, k=4, work=40)
    assert report["call_speedup"] > 1.2
    assert report["wall_speedup"] > 0 and report["baseline_wall_time"] > 0
    assert 0 < report["acceptance_rate"] <= 1


# ---------------------------------------------------------------------------
# Sampling: the output distribution is the target's
# ---------------------------------------------------------------------------
def test_sampled_tokens_follow_the_target_distribution():
    prompt, n = [0, 9], 4000  # a context where the draft and the target disagree a lot
    target, draft = S.TargetModel(seed=0, work=0), S.DraftModel(seed=0)
    g = torch.Generator().manual_seed(0)
    first = torch.zeros(S.VOCAB_SIZE)
    second = torch.zeros(S.VOCAB_SIZE)
    accepted = proposed = 0
    for _ in range(n):
        tokens, stats = S.speculative_generate(target, draft, prompt, 2, k=2, greedy=False, generator=g)
        first[tokens[0]] += 1
        second[tokens[1]] += 1
        accepted += stats["accepted"]
        proposed += stats["proposed"]
    p1 = target.table[0, 9]  # exact p(x1 | prompt)
    p2 = (p1.unsqueeze(1) * target.table[9]).sum(0)  # exact p(x2 | prompt) = sum_x1 p(x1) p(x2 | 9, x1)
    q1 = draft.table[9]
    tv = lambda a, b: 0.5 * float((a - b).abs().sum())  # noqa: E731
    assert tv(p1, q1) > 0.5, "sanity: the draft really differs from the target here"
    assert tv(first / n, p1) < 0.05, "first tokens are not distributed like the target's"
    assert tv(second / n, p2) < 0.05, "second tokens are not distributed like the target's"
    assert 0.3 < accepted / proposed < 0.95


# ---------------------------------------------------------------------------
# KV cache
# ---------------------------------------------------------------------------
def test_kv_cache_matches_full_recomputation():
    torch.manual_seed(0)
    attn = S.TinySelfAttention(d_model=32, n_heads=4).eval()
    x = torch.randn(2, 9, 32)
    with torch.no_grad():
        full = attn(x)
        cache, outs = None, []
        for t in range(9):
            y, cache = attn.forward_with_cache(x[:, t : t + 1], cache)
            outs.append(y)
    assert torch.allclose(torch.cat(outs, dim=1), full, atol=1e-5)
    assert cache.k.shape == (2, 4, 9, 8) and cache.v.shape == (2, 4, 9, 8)
    assert cache.length == 9


def test_kv_cache_with_prefill_then_steps():
    torch.manual_seed(1)
    attn = S.TinySelfAttention(d_model=16, n_heads=2).eval()
    x = torch.randn(1, 12, 16)
    with torch.no_grad():
        full = attn(x)
        y_prefill, cache = attn.forward_with_cache(x[:, :5])  # the prompt in one go
        assert cache.length == 5
        outs = [y_prefill]
        for t in range(5, 12):
            y, cache = attn.forward_with_cache(x[:, t : t + 1], cache)
            outs.append(y)
    assert torch.allclose(torch.cat(outs, dim=1), full, atol=1e-5)


def test_full_forward_is_causal():
    torch.manual_seed(2)
    attn = S.TinySelfAttention(d_model=16, n_heads=2).eval()
    x = torch.randn(1, 6, 16)
    x2 = x.clone()
    x2[:, 4] += 1.0
    with torch.no_grad():
        assert torch.allclose(attn(x)[:, :4], attn(x2)[:, :4], atol=1e-6)


def test_kv_cache_projects_each_token_once():
    """With the cache, T decoding steps project T tokens, not 1 + 2 + ... + T."""
    torch.manual_seed(3)
    attn = S.TinySelfAttention(d_model=16, n_heads=2).eval()
    rows = []
    attn.qkv.register_forward_hook(lambda mod, inp, out: rows.append(inp[0].shape[0] * inp[0].shape[1]))
    x = torch.randn(1, 10, 16)
    with torch.no_grad():
        cache = None
        for t in range(10):
            _, cache = attn.forward_with_cache(x[:, t : t + 1], cache)
    assert sum(rows) == 10
    rows.clear()
    with torch.no_grad():
        for t in range(10):
            attn(x[:, : t + 1])  # what decoding without a cache does
    assert sum(rows) == 55
