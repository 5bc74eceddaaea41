"""Tests for transformer.py. Run with:  python3 -m pytest -q"""
import importlib.util
import math
from pathlib import Path

import pytest
import torch
import torch.nn as nn
import torch.nn.functional as F

import transformer as T

torch.set_num_threads(1)


# ---------------------------------------------------------------------------
# Scaled dot-product attention
# ---------------------------------------------------------------------------
def test_attention_shapes_and_weights_sum_to_one():
    torch.manual_seed(0)
    q = torch.randn(2, 3, 5, 8)
    k = torch.randn(2, 3, 7, 8)
    v = torch.randn(2, 3, 7, 4)
    out, w = T.scaled_dot_product_attention(q, k, v)
    assert out.shape == (2, 3, 5, 4)
    assert w.shape == (2, 3, 5, 7)
    assert torch.allclose(w.sum(-1), torch.ones(2, 3, 5), atol=1e-6)
    assert (w >= 0).all()


def test_attention_matches_manual_formula():
    torch.manual_seed(1)
    q, k, v = torch.randn(4, 6), torch.randn(5, 6), torch.randn(5, 3)
    out, w = T.scaled_dot_product_attention(q, k, v)
    expected_w = torch.softmax(q @ k.T / math.sqrt(6), dim=-1)
    assert torch.allclose(w, expected_w, atol=1e-6)
    assert torch.allclose(out, expected_w @ v, atol=1e-6)


def test_attention_mask_gives_zero_weight_to_blocked_keys():
    torch.manual_seed(2)
    q, k, v = torch.randn(1, 4, 8), torch.randn(1, 4, 8), torch.randn(1, 4, 8)
    mask = torch.tensor([[True, False, True, False]] * 4)
    _, w = T.scaled_dot_product_attention(q, k, v, mask)
    assert torch.all(w[..., 1] == 0) and torch.all(w[..., 3] == 0)
    assert torch.allclose(w.sum(-1), torch.ones(1, 4), atol=1e-6)


# ---------------------------------------------------------------------------
# Causal mask and positional encoding
# ---------------------------------------------------------------------------
def test_causal_mask_is_lower_triangular_bool():
    m = T.causal_mask(4)
    assert m.dtype == torch.bool and m.shape == (4, 4)
    expected = torch.tensor(
        [[1, 0, 0, 0], [1, 1, 0, 0], [1, 1, 1, 0], [1, 1, 1, 1]], dtype=torch.bool
    )
    assert torch.equal(m, expected)


def test_positional_encoding_values():
    pe = T.sinusoidal_positional_encoding(50, 16)
    assert pe.shape == (50, 16)
    # Position 0: sin(0) = 0 on even dims, cos(0) = 1 on odd dims.
    assert torch.allclose(pe[0, 0::2], torch.zeros(8))
    assert torch.allclose(pe[0, 1::2], torch.ones(8))
    # Spot-check the formula PE[pos, 2i] = sin(pos / 10000^(2i/d)), PE[pos, 2i+1] = cos(...).
    for pos, i in [(1, 0), (7, 3), (31, 5), (49, 7)]:
        angle = pos / 10000 ** (2 * i / 16)
        assert pe[pos, 2 * i].item() == pytest.approx(math.sin(angle), abs=1e-5)
        assert pe[pos, 2 * i + 1].item() == pytest.approx(math.cos(angle), abs=1e-5)
    assert pe.abs().max() <= 1.0 + 1e-6


# ---------------------------------------------------------------------------
# Multi-head attention and the model
# ---------------------------------------------------------------------------
def test_multi_head_attention_shape_and_heads():
    torch.manual_seed(3)
    mha = T.MultiHeadAttention(d_model=32, n_heads=4)
    x = torch.randn(2, 6, 32)
    y = mha(x, T.causal_mask(6))
    assert y.shape == (2, 6, 32)
    w = mha.last_attention
    assert w is not None and w.shape == (2, 4, 6, 6), "store the (B, H, T, T) weights in last_attention"
    assert torch.allclose(w.sum(-1), torch.ones(2, 4, 6), atol=1e-5)
    assert torch.all(w.triu(diagonal=1) == 0), "the causal mask must zero the weights on future keys"


def test_multi_head_attention_matches_the_formula():
    """Project, split the features into heads, attend within each head, merge, project."""
    torch.manual_seed(7)
    B, L, D, H = 2, 5, 12, 3
    mha = T.MultiHeadAttention(d_model=D, n_heads=H)
    x = torch.randn(B, L, D)
    mask = T.causal_mask(L)
    with torch.no_grad():
        out = mha(x, mask)

        def heads(t):  # (B, L, D) -> (B, H, L, D / H): head h owns features h*D/H .. (h+1)*D/H
            return t.reshape(B, L, H, D // H).permute(0, 2, 1, 3)

        q, k, v = heads(mha.w_q(x)), heads(mha.w_k(x)), heads(mha.w_v(x))
        scores = (q @ k.transpose(-2, -1) / math.sqrt(D // H)).masked_fill(~mask, float("-inf"))
        mixed = (torch.softmax(scores, dim=-1) @ v).permute(0, 2, 1, 3).reshape(B, L, D)
        expected = mha.w_o(mixed)
    assert torch.allclose(out, expected, atol=1e-5), (
        "multi-head attention differs from: q, k, v = w_q(x), w_k(x), w_v(x); view each as (B, T, H, d_head) and "
        "transpose to (B, H, T, d_head); attend with scale 1/sqrt(d_head); transpose back, merge to (B, T, d_model); w_o"
    )


_BUILTINS = [
    (F, "multi_head_attention_forward"),
    (F, "_scaled_dot_product_attention"),
    (F, "scaled_dot_product_attention"),
    (torch, "_native_multi_head_attention"),
    (torch, "_scaled_dot_product_attention_math"),
]


def test_no_builtin_attention_anywhere(monkeypatch):
    """Make PyTorch's built-in attention unusable, re-import your module (so names bound at
    import time are caught too), and run it: every piece must be your own code."""

    def forbidden(*args, **kwargs):
        raise AssertionError(
            "PyTorch's built-in attention was called: write scaled dot-product and multi-head attention yourself"
        )

    for owner, name in _BUILTINS:
        if hasattr(owner, name):
            monkeypatch.setattr(owner, name, forbidden)
    for cls in (nn.MultiheadAttention, nn.Transformer, nn.TransformerEncoder, nn.TransformerDecoder,
                nn.TransformerEncoderLayer, nn.TransformerDecoderLayer):
        monkeypatch.setattr(cls, "forward", forbidden)
    path = Path(__file__).with_name("transformer.py")
    spec = importlib.util.spec_from_file_location("_transformer_by_hand", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    calls = []
    own = module.scaled_dot_product_attention

    def counting(q, k, v, mask=None):
        calls.append(tuple(q.shape))
        return own(q, k, v, mask)

    monkeypatch.setattr(module, "scaled_dot_product_attention", counting)
    torch.manual_seed(8)
    model = module.DecoderOnlyTransformer(vocab_size=T.VOCAB_SIZE, d_model=16, n_heads=2, n_layers=2, d_ff=32, max_len=16)
    assert not any(isinstance(m, (nn.Transformer, nn.MultiheadAttention)) for m in model.modules())
    assert model(torch.randint(0, T.VOCAB_SIZE, (3, 7))).shape == (3, 7, T.VOCAB_SIZE)
    assert calls == [(3, 2, 7, 8)] * 2, (
        f"each block's MultiHeadAttention should call your scaled_dot_product_attention once, on (B, H, T, d_head) = "
        f"(3, 2, 7, 8) tensors; saw calls with {calls}"
    )


def test_model_logits_shape():
    torch.manual_seed(4)
    model = T.DecoderOnlyTransformer(vocab_size=T.VOCAB_SIZE, d_model=32, n_heads=4, n_layers=2, d_ff=64, max_len=16)
    tokens = torch.randint(0, T.VOCAB_SIZE, (3, 11))
    logits = model(tokens)
    assert logits.shape == (3, 11, T.VOCAB_SIZE)
    assert not any(isinstance(m, (torch.nn.Transformer, torch.nn.MultiheadAttention)) for m in model.modules())


def _zero_(linear):
    with torch.no_grad():
        linear.weight.zero_()
        linear.bias.zero_()


def _block_and_input(seed=9):
    torch.manual_seed(seed)
    block = T.DecoderBlock(d_model=16, n_heads=4, d_ff=32)
    with torch.no_grad():  # non-trivial LayerNorms, so pre-LN and post-LN layouts differ
        for ln in (block.ln1, block.ln2):
            ln.weight.uniform_(0.5, 1.5)
            ln.bias.normal_(0, 0.3)
    return block, 3.0 + 2.0 * torch.randn(2, 6, 16), T.causal_mask(6)


def test_block_is_an_identity_when_both_sublayers_output_zero():
    """Residual connections: with the attention's and the MLP's output layers zeroed, x passes
    through unchanged (a post-LN block would normalise it, a block without residuals would zero it)."""
    block, x, mask = _block_and_input()
    _zero_(block.attn.w_o)
    _zero_(block.mlp[-1])
    with torch.no_grad():
        out = block(x, mask)
    assert torch.allclose(out, x, atol=1e-5), (
        "with both sublayers outputting zero the block must return x itself: x = x + Attn(LN1(x)), then "
        "x = x + MLP(LN2(x)), with nothing applied after the additions"
    )


def test_block_matches_the_pre_ln_formula():
    block, x, mask = _block_and_input()
    with torch.no_grad():
        out = block(x, mask)
        h = x + block.attn(block.ln1(x), mask)
        expected = h + block.mlp(block.ln2(h))
    assert torch.allclose(out, expected, atol=1e-5), (
        "the block must compute h = x + attn(ln1(x), mask), then h + mlp(ln2(h)): two pre-LN residual sublayers, "
        "attention first, then the MLP"
    )
    _zero_(block.attn.w_o)
    with torch.no_grad():
        assert not torch.allclose(block(x, mask), x, atol=1e-3), "the MLP sublayer must contribute to the output"


def test_model_forward_matches_the_formula():
    torch.manual_seed(10)
    model = T.DecoderOnlyTransformer(vocab_size=T.VOCAB_SIZE, d_model=16, n_heads=2, n_layers=2, d_ff=32, max_len=16)
    model.eval()
    tokens = torch.randint(0, T.VOCAB_SIZE, (2, 9))
    with torch.no_grad():
        x = model.embed(tokens) * math.sqrt(16) + T.sinusoidal_positional_encoding(16, 16)[:9]
        for block in model.blocks:
            x = block(x, T.causal_mask(9))
        expected = model.head(model.ln_f(x))
        out = model(tokens)
    assert torch.allclose(out, expected, atol=1e-5), (
        "the model must compute head(ln_f(blocks(embed(tokens) * sqrt(d_model) + PE[:T]))) with a causal mask"
    )


def test_causal_mask_blocks_the_future():
    """Changing the token at position t must not change the outputs at positions < t."""
    torch.manual_seed(5)
    model = T.DecoderOnlyTransformer(vocab_size=T.VOCAB_SIZE, d_model=32, n_heads=4, n_layers=2, d_ff=64, max_len=16)
    model.eval()
    tokens = torch.randint(0, T.NUM_DIGITS, (2, 10))
    changed = tokens.clone()
    t = 6
    changed[:, t] = (changed[:, t] + 3) % T.NUM_DIGITS
    with torch.no_grad():
        a, b = model(tokens), model(changed)
    assert torch.allclose(a[:, :t], b[:, :t], atol=1e-5), "earlier positions saw a future token"
    assert not torch.allclose(a[:, t:], b[:, t:], atol=1e-5), "later positions should see the change"


def test_positional_encoding_makes_order_matter():
    """Without positions, attention is permutation-equivariant; with them, order changes outputs."""
    torch.manual_seed(6)
    model = T.DecoderOnlyTransformer(vocab_size=T.VOCAB_SIZE, d_model=32, n_heads=4, n_layers=1, d_ff=64, max_len=16)
    model.eval()
    tokens = torch.tensor([[1, 2, 3, 4]])
    swapped = torch.tensor([[2, 1, 3, 4]])
    with torch.no_grad():
        a, b = model(tokens), model(swapped)
    assert not torch.allclose(a[:, -1], b[:, -1], atol=1e-4)


# ---------------------------------------------------------------------------
# Training: the model must learn to reverse digit sequences
# ---------------------------------------------------------------------------
class RuleModel(nn.Module):
    """A stub 'trained model': the next token is a fixed function of the current token.
    It records every sequence it is given, to check how greedy_decode feeds it."""

    def __init__(self, rule):
        super().__init__()
        self.rule = rule
        self.inputs = []

    def forward(self, tokens):
        self.inputs.append(tokens.clone())
        nxt = self.rule(tokens)
        logits = torch.full((*tokens.shape, T.VOCAB_SIZE), -5.0)
        return logits.scatter(-1, nxt.unsqueeze(-1), 5.0)


def test_greedy_decode_on_a_stub_returns_its_predictions():
    src = torch.tensor([[1, 2, 3, 4, 5], [9, 9, 0, 0, 7]])
    sevens = RuleModel(lambda tokens: torch.full_like(tokens, 7))
    out = T.greedy_decode(sevens, src)
    assert torch.equal(out, torch.full_like(src, 7)), (
        f"a model that always predicts 7 must decode to all 7s, got {out.tolist()}: greedy_decode must return "
        "the model's own predictions, not something computed from src"
    )


def test_greedy_decode_on_a_stub_feeds_back_its_tokens():
    src = torch.tensor([[1, 2, 3], [4, 0, 8]])
    stub = RuleModel(lambda tokens: (3 * tokens + 1) % T.NUM_DIGITS)  # SEP=10 -> 1
    out = T.greedy_decode(stub, src)
    # After <sep> the stub says 1; then 3*1+1 = 4; then 3*4+1 = 13 -> 3.
    assert out.tolist() == [[1, 4, 3], [1, 4, 3]], (
        f"got {out.tolist()}: at each step take the arg-max of the LAST position's logits and append it"
    )
    lengths = [x.shape[1] for x in stub.inputs]
    assert lengths == [4, 5, 6], (
        f"the model should see src + <sep> (length 4), then one more token per step; saw lengths {lengths}"
    )
    assert torch.equal(stub.inputs[0], torch.tensor([[1, 2, 3, T.SEP], [4, 0, 8, T.SEP]])), "start from src followed by <sep>"
    assert torch.equal(stub.inputs[-1][:, 4:], out[:, :2]), "the generated tokens are fed back in"


@pytest.fixture(scope="module")
def trained():
    return T.train_reverser(seed=0)


def test_training_loss_decreases(trained):
    _, losses = trained
    start = sum(losses[:20]) / 20
    end = sum(losses[-20:]) / 20
    assert end < 0.1 * start, f"loss went from {start:.3f} to {end:.3f} (the reference ends near 1% of the start)"


def test_greedy_decode_shape(trained):
    model, _ = trained
    src = torch.tensor([[1, 2, 3, 4, 5], [9, 9, 0, 0, 7]])
    out = T.greedy_decode(model, src)
    assert out.shape == src.shape and out.dtype == torch.long


def test_greedy_reversal_accuracy(trained):
    model, _ = trained
    acc = T.sequence_accuracy(model, n=500, seed=123)
    assert acc >= 0.85, f"exact-match reversal accuracy {acc:.3f} < 0.85 (the reference gets 0.97)"
