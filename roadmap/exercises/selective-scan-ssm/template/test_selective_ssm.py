"""Tests for selective_ssm.py. Run with:  python3 -m pytest -q"""
import math

import pytest
import torch
import torch.nn.functional as F

import selective_ssm as S

torch.set_num_threads(1)


def random_inputs(batch=2, L=9, D=3, N=4, seed=0):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(batch, L, D, generator=g)
    delta = F.softplus(torch.randn(batch, L, D, generator=g))
    A = -torch.rand(D, N, generator=g) * 2 - 0.1
    B = torch.randn(batch, L, N, generator=g)
    C = torch.randn(batch, L, N, generator=g)
    D_skip = torch.randn(D, generator=g)
    return x, delta, A, B, C, D_skip


# ----------------------------------------------------------------------------- discretisation
def test_discretize_zero_order_hold_closed_form():
    delta = torch.tensor([[[0.5, 2.0]]])  # (batch 1, L 1, D 2)
    A = torch.tensor([[-1.0, -3.0], [-0.5, -2.0]])  # (D 2, N 2)
    B = torch.tensor([[[0.7, -1.2]]])  # (1, 1, N 2)
    A_bar, B_bar = S.discretize(delta, A, B)
    assert A_bar.shape == B_bar.shape == (1, 1, 2, 2), "both come out as (batch, L, D, N)"
    for d in range(2):
        for n in range(2):
            a = math.exp(delta[0, 0, d].item() * A[d, n].item())
            assert A_bar[0, 0, d, n].item() == pytest.approx(a, rel=1e-5)
            assert B_bar[0, 0, d, n].item() == pytest.approx((a - 1) / A[d, n].item() * B[0, 0, n].item(), rel=1e-5), (
                "zero-order hold: B_bar = (exp(delta A) - 1) / A * B, not the Euler step delta * B"
            )


def test_zero_order_hold_solves_the_ode_exactly():
    """One discrete step equals integrating h' = A h + B x over delta with x held constant."""
    A, B, x, delta, h0 = -1.5, 0.8, 2.0, 0.9, 0.3
    h, n = h0, 200_000
    for _ in range(n):  # a very fine Euler integration of the continuous system
        h += (delta / n) * (A * h + B * x)
    A_bar, B_bar = S.discretize(torch.tensor([[[delta]]]), torch.tensor([[A]]), torch.tensor([[[B]]]))
    assert A_bar.item() * h0 + B_bar.item() * x == pytest.approx(h, rel=1e-4)


# ----------------------------------------------------------------------------- the recurrence
def test_sequential_scan_closed_form():
    # Scalar system, constant everything, x = 1: h_t = b (1 - a^(t+1)) / (1 - a), y_t = c h_t + D.
    L = 6
    delta = torch.full((1, L, 1), 0.4)
    A = torch.tensor([[-1.0]])
    B = torch.full((1, L, 1), 2.0)
    C = torch.full((1, L, 1), 0.5)
    x = torch.ones(1, L, 1)
    D = torch.tensor([0.25])
    y = S.selective_scan_sequential(x, delta, A, B, C, D)
    assert y.shape == (1, L, 1)
    a = math.exp(-0.4)
    b = (a - 1) / -1.0 * 2.0
    expected = [0.5 * b * (1 - a ** (t + 1)) / (1 - a) + 0.25 for t in range(L)]
    assert y[0, :, 0].tolist() == pytest.approx(expected, rel=1e-5), (
        "h starts at 0; each step h = A_bar_t * h + B_bar_t * x_t; then y_t = C_t . h_t + D * x_t"
    )


def test_sequential_scan_uses_each_steps_own_parameters():
    L = 4
    delta = torch.tensor([0.1, 1.0, 0.3, 2.0]).view(1, L, 1)
    B = torch.tensor([1.0, -2.0, 0.5, 3.0]).view(1, L, 1)
    C = torch.tensor([0.2, 1.0, -1.0, 0.7]).view(1, L, 1)
    x = torch.tensor([1.0, 2.0, -1.0, 0.5]).view(1, L, 1)
    A, D = torch.tensor([[-2.0]]), torch.tensor([0.0])
    h, expected = 0.0, []
    for t in range(L):
        a = math.exp(delta[0, t, 0].item() * -2.0)
        h = a * h + (a - 1) / -2.0 * B[0, t, 0].item() * x[0, t, 0].item()
        expected.append(C[0, t, 0].item() * h)
    y = S.selective_scan_sequential(x, delta, A, B, C, D)
    assert y[0, :, 0].tolist() == pytest.approx(expected, rel=1e-5)


def test_scan_is_causal_and_keeps_examples_and_channels_apart():
    x, delta, A, B, C, D = random_inputs()
    y = S.selective_scan_sequential(x, delta, A, B, C, D)
    x2 = x.clone()
    x2[0, 5, 1] += 1.0  # change example 0, step 5, channel 1
    y2 = S.selective_scan_sequential(x2, delta, A, B, C, D)
    assert torch.allclose(y[:, :5], y2[:, :5]), "the past must not see the future"
    assert torch.allclose(y[1], y2[1]), "examples in a batch are independent"
    assert torch.allclose(y[0, :, [0, 2]], y2[0, :, [0, 2]]), "each channel has its own state"
    assert not torch.allclose(y[0, 5:, 1], y2[0, 5:, 1])


# ----------------------------------------------------------------------------- the parallel scan
def test_combine_composes_two_affine_steps():
    a, b = S.combine(torch.tensor(2.0), torch.tensor(3.0), torch.tensor(5.0), torch.tensor(7.0))
    assert (a.item(), b.item()) == (10.0, 22.0), "h -> 5 (2 h + 3) + 7 = 10 h + 22"


def test_combine_is_associative():
    g = torch.Generator().manual_seed(0)
    p, q, r = [(torch.rand(5, generator=g), torch.randn(5, generator=g)) for _ in range(3)]
    left = S.combine(*S.combine(*p, *q), *r)
    right = S.combine(*p, *S.combine(*q, *r))
    assert torch.allclose(left[0], right[0]) and torch.allclose(left[1], right[1])


@pytest.mark.parametrize("L", [1, 2, 5, 16, 37])
def test_parallel_scan_matches_the_recurrence(L):
    x, delta, A, B, C, D = random_inputs(L=L, seed=L)
    seq = S.selective_scan_sequential(x, delta, A, B, C, D)
    par = S.selective_scan_parallel(x, delta, A, B, C, D)
    assert par.shape == seq.shape == x.shape
    assert torch.allclose(par, seq, atol=1e-5), f"L={L}: max difference {(par - seq).abs().max().item():.2e}"


def test_parallel_scan_gradients_match():
    inputs = [t.clone().requires_grad_(True) for t in random_inputs(L=13, seed=3)]
    grads = []
    for scan in (S.selective_scan_sequential, S.selective_scan_parallel):
        out = scan(*inputs)
        g = torch.autograd.grad(out.pow(2).sum(), inputs)
        grads.append(g)
    for name, gs, gp in zip(["x", "delta", "A", "B", "C", "D"], *grads):
        assert torch.allclose(gs, gp, atol=1e-4), f"gradient with respect to {name} differs"


@pytest.mark.parametrize("L, rounds", [(1, 0), (2, 1), (37, 6), (64, 6)])
def test_parallel_scan_takes_log2_rounds_of_combine(monkeypatch, L, rounds):
    calls = []
    original = S.combine

    def spy(a_left, b_left, a_right, b_right):
        calls.append(a_left.shape[1])
        return original(a_left, b_left, a_right, b_right)

    monkeypatch.setattr(S, "combine", spy)
    S.selective_scan_parallel(*random_inputs(L=L))
    assert len(calls) == rounds, (
        f"L={L}: {len(calls)} calls of combine; a parallel scan needs ceil(log2 L) = {rounds} rounds, "
        "each combining all positions at once (not one call per time step)"
    )
    if rounds:
        assert calls[0] == L - 1, "the first round combines every position t >= 1 with t - 1, in one call"


# ----------------------------------------------------------------------------- the layer
def test_layer_parameters_and_initialisation():
    torch.manual_seed(0)
    layer = S.SelectiveSSM(d_model=6, d_state=4)
    assert layer.A_log.shape == (6, 4) and layer.D.shape == (6,)
    delta, A, B, C = layer.ssm_params(torch.randn(2, 5, 6))
    assert torch.allclose(A, -torch.arange(1.0, 5.0).expand(6, 4)), "S4D-real init: A = -(1, 2, ..., N) per channel"
    assert delta.shape == (2, 5, 6) and B.shape == (2, 5, 4) and C.shape == (2, 5, 4)


def test_delta_is_positive_and_A_negative_whatever_the_input():
    torch.manual_seed(1)
    layer = S.SelectiveSSM(d_model=4, d_state=3)
    with torch.no_grad():
        layer.A_log.uniform_(-3, 3)
        delta, A, _, _ = layer.ssm_params(5 * torch.randn(2, 7, 4))
    assert bool((delta > 0).all()), "delta is a step size: softplus keeps it positive"
    assert bool((A < 0).all()), "A = -exp(A_log) < 0 keeps every state decaying (|A_bar| < 1)"


def test_delta_B_and_C_depend_on_the_input_but_A_does_not():
    torch.manual_seed(2)
    layer = S.SelectiveSSM(d_model=4, d_state=3)
    x1, x2 = torch.randn(1, 5, 4), torch.randn(1, 5, 4)
    p1, p2 = layer.ssm_params(x1), layer.ssm_params(x2)
    for name, a, b in zip(["delta", "B", "C"], [p1[0], p1[2], p1[3]], [p2[0], p2[2], p2[3]]):
        assert not torch.allclose(a, b), f"{name} must be computed from x: that is what makes the SSM selective"
    assert torch.equal(p1[1], p2[1]), "A is a parameter, the same for every input"
    assert not torch.allclose(p1[2][0, 0], p1[2][0, 1]), "B changes from one time step to the next"


def test_layer_modes_agree_and_every_parameter_learns():
    torch.manual_seed(3)
    layer = S.SelectiveSSM(d_model=5, d_state=4)
    x = torch.randn(2, 11, 5)
    par, seq = layer(x), layer(x, mode="sequential")
    assert par.shape == x.shape
    assert torch.allclose(par, seq, atol=1e-5)
    par.pow(2).sum().backward()
    for name, p in layer.named_parameters():
        assert p.grad is not None and p.grad.abs().sum() > 0, f"{name} gets no gradient: it is not used"
    with pytest.raises(ValueError):
        layer(x, mode="fast")


def test_long_sequences_stay_bounded():
    torch.manual_seed(4)
    layer = S.SelectiveSSM(d_model=4, d_state=4)
    with torch.no_grad():
        y = layer(torch.ones(1, 512, 4))
    assert torch.isfinite(y).all() and y.abs().max() < 1e3, "with A < 0 the state cannot blow up"


# ----------------------------------------------------------------------------- training
def test_the_latch_task_is_learnt():
    torch.manual_seed(0)
    model = S.LatchModel()
    losses = S.train_latch(model, steps=150, seed=0)
    assert len(losses) == 150, "one loss per optimisation step"
    assert losses[-1] < losses[0] / 20, f"training loss {losses[0]:.3f} -> {losses[-1]:.4f}"
    u, target = S.make_latch_batch(256, 64, torch.Generator().manual_seed(99))
    with torch.no_grad():
        mse = F.mse_loss(model(u), target).item()
        seq = F.mse_loss(model(u, mode="sequential"), target).item()
    # predicting 0 scores 1/3; a time-invariant SSM cannot do much better on this task
    assert mse < 0.01, f"test MSE {mse:.4f} on sequences of length 64 (trained on 32); expected < 0.01"
    assert seq == pytest.approx(mse, rel=1e-3, abs=1e-6)
