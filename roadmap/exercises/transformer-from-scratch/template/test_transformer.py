"""Tests for transformer.py. Run with:  python3 -m pytest -q"""
import math

import pytest
import torch

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


def test_multi_head_attention_is_not_torch_builtin():
    mha = T.MultiHeadAttention(d_model=16, n_heads=2)
    assert not any(isinstance(m, torch.nn.MultiheadAttention) for m in mha.modules())


def test_model_logits_shape():
    torch.manual_seed(4)
    model = T.DecoderOnlyTransformer(vocab_size=T.VOCAB_SIZE, d_model=32, n_heads=4, n_layers=2, d_ff=64, max_len=16)
    tokens = torch.randint(0, T.VOCAB_SIZE, (3, 11))
    logits = model(tokens)
    assert logits.shape == (3, 11, T.VOCAB_SIZE)
    assert not any(isinstance(m, (torch.nn.Transformer, torch.nn.MultiheadAttention)) for m in model.modules())


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
@pytest.fixture(scope="module")
def trained():
    return T.train_reverser(seed=0)


def test_training_loss_decreases(trained):
    _, losses = trained
    start = sum(losses[:20]) / 20
    end = sum(losses[-20:]) / 20
    assert end < 0.3 * start, f"loss went from {start:.3f} to {end:.3f}"


def test_greedy_decode_shape(trained):
    model, _ = trained
    src = torch.tensor([[1, 2, 3, 4, 5], [9, 9, 0, 0, 7]])
    out = T.greedy_decode(model, src)
    assert out.shape == src.shape and out.dtype == torch.long


def test_greedy_reversal_accuracy(trained):
    model, _ = trained
    acc = T.sequence_accuracy(model, n=500, seed=123)
    assert acc >= 0.75, f"exact-match reversal accuracy {acc:.3f} < 0.75"
