"""Tests for speculative.py. Run with:  python3 -m pytest -q -s   (-s shows the timings)"""
import time

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
    target, draft = S.TargetModel(seed=0, work=300), S.DraftModel(seed=0)  # slow target: measurable time
    t0 = time.perf_counter()
    _, stats = S.speculative_generate(target, draft, [1, 2, 3], 50, k=4)
    elapsed = time.perf_counter() - t0
    for key in ("target_calls", "draft_calls", "proposed", "accepted", "acceptance_rate", "wall_time"):
        assert key in stats
    assert stats["target_calls"] == target.calls and stats["draft_calls"] == draft.calls
    assert stats["proposed"] == stats["draft_calls"], "one draft call per proposed token"
    assert stats["acceptance_rate"] == pytest.approx(stats["accepted"] / stats["proposed"])
    # Each target call yields the accepted tokens plus exactly one more; with k_eff = min(k, still
    # needed) at most one token is cut at the end.
    assert stats["accepted"] + stats["target_calls"] in (50, 51), "each target call yields accepted + 1 tokens"
    assert 0.25 * elapsed <= stats["wall_time"] <= elapsed, (
        f"wall_time {stats['wall_time']:.4f} s, but the call took {elapsed:.4f} s: measure the time "
        "from the start to the end of speculative_generate (time.perf_counter() before and after)"
    )


class PerfectDraft(S.ToyLM):
    """A free draft that predicts exactly like the target: every proposal is accepted."""

    def __init__(self, target):
        super().__init__()
        self.table = target.table

    def _probs(self, tokens):
        prev2 = torch.cat([tokens[:1], tokens[:-1]])
        return self.table[prev2, tokens]


class ContrarianDraft(S.ToyLM):
    """A draft that always proposes a token the target's arg-max never picks."""

    def __init__(self, target):
        super().__init__()
        self.target_table = target.table

    def _probs(self, tokens):
        prev2 = torch.cat([tokens[:1], tokens[:-1]])
        wrong = (self.target_table[prev2, tokens].argmax(-1) + 1) % S.VOCAB_SIZE
        return torch.nn.functional.one_hot(wrong, S.VOCAB_SIZE).float()


@pytest.mark.parametrize("n_new, target_calls, proposed", [(12, 3, 9), (10, 3, 8)])
def test_all_accepted_rounds_end_with_a_bonus_token(n_new, target_calls, proposed):
    """With a draft that is always right, each target call yields k drafted tokens + 1 bonus."""
    target = S.TargetModel(seed=0, work=0)
    draft = PerfectDraft(target)
    expected, _ = S.autoregressive_generate(target, [4, 5], n_new)
    got, stats = S.speculative_generate(target, draft, [4, 5], n_new, k=3)
    assert got == expected
    assert stats["target_calls"] == target_calls, (
        f"{stats['target_calls']} target calls for {n_new} tokens with k=3 and every draft accepted; "
        f"expected {target_calls}: when no proposal is rejected, the target's row after the last "
        "drafted token gives one bonus token for free"
    )
    assert stats["proposed"] == stats["draft_calls"] == proposed, (
        "the last round drafts only as many tokens as are still needed: k_eff = min(k, n_new - produced)"
    )
    assert stats["accepted"] == proposed and stats["acceptance_rate"] == pytest.approx(1.0)


def test_rejected_rounds_yield_one_target_token_each():
    """A draft that is always wrong costs draft calls but one target call still yields one token."""
    target = S.TargetModel(seed=0, work=0)
    draft = ContrarianDraft(target)
    expected, _ = S.autoregressive_generate(target, [3], 5)
    got, stats = S.speculative_generate(target, draft, [3], 5, k=3)
    assert got == expected, "after a rejection the target's own choice must be emitted"
    assert stats["target_calls"] == 5 and stats["accepted"] == 0
    assert stats["proposed"] == stats["draft_calls"] == 3 + 3 + 3 + 2 + 1, "k_eff = min(k, tokens still needed)"
    assert stats["acceptance_rate"] == 0.0


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
    assert report["call_speedup"] == pytest.approx(report["baseline_target_calls"] / report["speculative_target_calls"])
    assert report["wall_speedup"] == pytest.approx(report["baseline_wall_time"] / report["speculative_wall_time"])


# ---------------------------------------------------------------------------
# Sampling: the output distribution is the target's
# ---------------------------------------------------------------------------
def _exact_first_three(target, prompt):
    """Exact distributions of the first three tokens the target generates after ``prompt``."""
    T = target.table  # [prev2, prev, next]
    a, b = prompt[-2], prompt[-1]
    p1 = T[a, b]  # p(x1 | prompt)
    p12 = p1.unsqueeze(1) * T[b]  # p(x1, x2)
    p2 = p12.sum(0)
    p3 = torch.einsum("ij,ijk->k", p12, T)  # sum over x1, x2 of p(x1, x2) p(x3 | x1, x2)
    return p1, p2, p3


def _tv(a, b):
    return 0.5 * float((a - b).abs().sum())


def test_sampled_tokens_follow_the_target_distribution():
    prompt, n = [0, 9], 4000  # a context where the draft and the target disagree a lot
    target, draft = S.TargetModel(seed=0, work=0), S.DraftModel(seed=0)
    g = torch.Generator().manual_seed(0)
    counts = torch.zeros(3, S.VOCAB_SIZE)
    accepted = proposed = 0
    for _ in range(n):
        tokens, stats = S.speculative_generate(target, draft, prompt, 3, k=2, greedy=False, generator=g)
        assert len(tokens) == 3
        for i in range(3):
            counts[i, tokens[i]] += 1
        accepted += stats["accepted"]
        proposed += stats["proposed"]
    p1, p2, p3 = _exact_first_three(target, prompt)
    assert _tv(p1, draft.table[9]) > 0.5, "sanity: the draft really differs from the target here"
    assert _tv(counts[0] / n, p1) < 0.05, "first tokens are not distributed like the target's"
    assert _tv(counts[1] / n, p2) < 0.05, "second tokens are not distributed like the target's"
    assert _tv(counts[2] / n, p3) < 0.05, (
        "third tokens are not distributed like the target's: with k=2 the third token is often the "
        "bonus token, which must be sampled from the target's row after the last drafted token"
    )
    assert 0.3 < accepted / proposed < 0.95


def test_sampled_bonus_token_follows_the_target_distribution():
    """With a perfect draft every third token is a bonus token: it must be sampled from p."""
    prompt, n = [0, 9], 3000
    target = S.TargetModel(seed=0, work=0)
    draft = PerfectDraft(target)
    g = torch.Generator().manual_seed(1)
    third = torch.zeros(S.VOCAB_SIZE)
    for _ in range(n):
        tokens, stats = S.speculative_generate(target, draft, prompt, 3, k=2, greedy=False, generator=g)
        assert stats["target_calls"] == 1, "two accepted drafts + the bonus token = 3 tokens from one target call"
        third[tokens[2]] += 1
    _, _, p3 = _exact_first_three(target, prompt)
    assert _tv(third / n, p3) < 0.05, "the bonus token must be sampled (not arg-maxed) from the target's last row"


# ---------------------------------------------------------------------------
# KV cache
# ---------------------------------------------------------------------------
def _reference_attention(attn, x):
    """Causal multi-head attention written out from the layer's own weights (B, T, D)."""
    B, T, D = x.shape
    H, dh = attn.n_heads, attn.d_head
    q, k, v = (x @ attn.qkv.weight.T + attn.qkv.bias).split(D, dim=-1)
    q, k, v = (z.reshape(B, T, H, dh).permute(0, 2, 1, 3) for z in (q, k, v))
    scores = q @ k.transpose(-2, -1) / dh ** 0.5
    future = torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1)
    weights = torch.softmax(scores.masked_fill(future, float("-inf")), dim=-1)
    y = (weights @ v).permute(0, 2, 1, 3).reshape(B, T, D)
    return y @ attn.out.weight.T + attn.out.bias


def test_full_forward_matches_the_attention_formula():
    torch.manual_seed(4)
    attn = S.TinySelfAttention(d_model=32, n_heads=4).eval()
    x = 3 * torch.randn(2, 7, 32)  # large inputs: a missing 1/sqrt(d_head) changes the softmax a lot
    with torch.no_grad():
        assert torch.allclose(attn(x), _reference_attention(attn, x), atol=1e-5), (
            "forward must compute softmax(q k^T / sqrt(d_head) + causal mask) v per head, "
            "merge the heads back to (B, T, D) and apply self.out"
        )


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


def test_kv_cache_appends_several_tokens_to_a_non_empty_cache():
    """Chunks of several new tokens (as in speculative verification) on top of a cache."""
    torch.manual_seed(5)
    attn = S.TinySelfAttention(d_model=16, n_heads=2).eval()
    x = 2 * torch.randn(2, 12, 16)
    with torch.no_grad():
        full = attn(x)
        cache, outs, start = None, [], 0
        for size in [4, 3, 1, 2, 2]:
            y, cache = attn.forward_with_cache(x[:, start : start + size], cache)
            assert y.shape == (2, size, 16)
            start += size
            assert cache.length == start
            outs.append(y)
    assert torch.allclose(torch.cat(outs, dim=1), full, atol=1e-5), (
        "new tokens at absolute positions offset..offset+T_new-1 must see every cached key and "
        "the new keys up to their own position, not the later new ones"
    )


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
