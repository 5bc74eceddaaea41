"""Tests for flow_matching.py. Run with:  python3 -m pytest -q"""
import math

import pytest
import torch

import flow_matching as FM

torch.set_num_threads(1)


# ----------------------------------------------------------------------------- the path
def test_interpolate_matches_the_formula():
    g = torch.Generator().manual_seed(0)
    x0, x1 = torch.randn(5, 2, generator=g), torch.randn(5, 2, generator=g) + 3.0
    t = torch.tensor([0.0, 0.1, 0.5, 0.75, 1.0])
    out = FM.interpolate(x0, x1, t)
    assert out.shape == (5, 2)
    expected = (1 - t).unsqueeze(1) * x0 + t.unsqueeze(1) * x1
    assert torch.allclose(out, expected, atol=1e-6), (
        "x_t = (1 - t) x0 + t x1, with row i using its own t[i] (make t a (B, 1) column)"
    )
    assert torch.allclose(out[0], x0[0]) and torch.allclose(out[-1], x1[-1]), "t = 0 gives x0 (noise), t = 1 gives x1 (data)"


def test_interpolate_broadcasts_over_any_number_of_features():
    g = torch.Generator().manual_seed(1)
    x0, x1 = torch.randn(4, 3, generator=g), torch.randn(4, 3, generator=g)
    t = torch.tensor([0.2, 0.4, 0.6, 0.8])
    expected = torch.stack([(1 - t[i]) * x0[i] + t[i] * x1[i] for i in range(4)])
    assert torch.allclose(FM.interpolate(x0, x1, t), expected, atol=1e-6)


def test_target_velocity_is_the_time_derivative_of_the_path():
    g = torch.Generator().manual_seed(2)
    x0, x1 = torch.randn(6, 2, generator=g), torch.randn(6, 2, generator=g) + torch.tensor([1.0, -2.0])
    v = FM.target_velocity(x0, x1)
    assert v.shape == (6, 2)
    assert torch.allclose(v, x1 - x0, atol=1e-6), "the target velocity is x1 - x0 (from noise towards data)"
    t, h = torch.full((6,), 0.3), 1e-2
    finite_difference = (FM.interpolate(x0, x1, t + h) - FM.interpolate(x0, x1, t)) / h
    assert torch.allclose(finite_difference, v, atol=1e-3), (
        "d x_t / dt of your interpolate must equal your target_velocity: the path is a straight line "
        "walked at constant speed"
    )


# ----------------------------------------------------------------------------- the model
def test_velocity_field_is_an_mlp_on_x_and_t():
    torch.manual_seed(0)
    model = FM.VelocityField(dim=2, hidden=32)
    linears = [m for m in model.net.modules() if isinstance(m, torch.nn.Linear)]
    assert len(linears) >= 2, "self.net needs a few Linear layers"
    assert linears[0].in_features == 3, "the first layer sees [x, t]: dim + 1 = 3 inputs"
    assert linears[-1].out_features == 2, "the last layer outputs one velocity component per dimension"
    assert any(isinstance(m, (torch.nn.SiLU, torch.nn.ReLU, torch.nn.GELU, torch.nn.Tanh)) for m in model.net.modules()), (
        "put non-linearities between the Linear layers, or the field is just affine in x and t"
    )
    x = torch.randn(7, 2)
    t = torch.rand(7)
    out = model(x, t)
    assert out.shape == (7, 2)
    assert torch.allclose(out, model.net(torch.cat([x, t.unsqueeze(1)], dim=1)), atol=1e-6), (
        "forward(x, t) must be self.net([x, t]) with t as the last input column"
    )
    same_x = x[:1].expand(2, 2)
    out = model(same_x, torch.tensor([0.1, 0.9]))
    assert not torch.allclose(out[0], out[1]), "the velocity must depend on the time t"


def test_velocity_field_works_in_other_dimensions():
    torch.manual_seed(0)
    model = FM.VelocityField(dim=5, hidden=16)
    assert model(torch.randn(3, 5), torch.rand(3)).shape == (3, 5)


# ----------------------------------------------------------------------------- the loss
class AffineSpy(torch.nn.Module):
    """A fake velocity field, v = 0.5 x + t, that records what it is called with."""

    def __init__(self):
        super().__init__()
        self.calls = []

    def forward(self, x, t):
        self.calls.append((x.detach().clone(), t.detach().clone()))
        return 0.5 * x + t.reshape(-1, 1)


def test_loss_matches_the_formula_with_given_noise_and_times():
    g = torch.Generator().manual_seed(3)
    x1 = FM.make_target(64, seed=1)
    x0 = torch.randn(64, 2, generator=g)
    t = torch.rand(64, generator=g)
    spy = AffineSpy()
    loss = FM.flow_matching_loss(spy, x1, x0=x0, t=t)
    x_t = (1 - t).unsqueeze(1) * x0 + t.unsqueeze(1) * x1
    expected = ((0.5 * x_t + t.unsqueeze(1) - (x1 - x0)) ** 2).mean()
    assert len(spy.calls) == 1, "call the model once, on the whole batch"
    assert torch.allclose(spy.calls[0][0], x_t, atol=1e-6), "the model gets x_t = interpolate(x0, x1, t)"
    assert torch.allclose(spy.calls[0][1].reshape(-1), t), "the model gets the same t that built x_t"
    assert loss.dim() == 0, "return a scalar"
    assert loss.item() == pytest.approx(expected.item(), rel=1e-5), (
        "loss = mean over examples and coordinates of (v(x_t, t) - (x1 - x0))^2"
    )


def test_loss_draws_gaussian_noise_and_uniform_times():
    """Without x0 and t, the loss draws them; recover them from what the model sees."""
    n = 20000
    x1 = FM.make_target(n, seed=2)
    spy = AffineSpy()
    loss = FM.flow_matching_loss(spy, x1, generator=torch.Generator().manual_seed(4))
    assert len(spy.calls) == 1
    x_t, t = spy.calls[0]
    t = t.reshape(-1)
    assert t.shape == (n,), "one time per example: t has shape (B,)"
    assert t.is_floating_point() and float(t.min()) >= 0.0 and float(t.max()) < 1.0, "t ~ U[0, 1)"
    assert len(torch.unique(t)) > 0.99 * n, "draw t independently for every example"
    assert float(t.mean()) == pytest.approx(0.5, abs=0.02) and float(t.std()) == pytest.approx(math.sqrt(1 / 12), abs=0.02), (
        "t must be uniform on [0, 1): mean 1/2 and standard deviation sqrt(1/12)"
    )
    # x_t = (1 - t) x0 + t x1, so the noise the loss used is x0 = (x_t - t x1) / (1 - t).
    tc = t.unsqueeze(1)
    x0 = (x_t - tc * x1) / (1 - tc)
    keep = t < 0.9  # far from t = 1, where the division amplifies float32 rounding
    assert torch.allclose(x0[keep].mean(0), torch.zeros(2), atol=0.05) and torch.allclose(x0[keep].std(0), torch.ones(2), atol=0.05), (
        "x0 must be standard normal noise, N(0, I), paired with the data x1"
    )
    expected = ((0.5 * x_t + tc - (x1 - x0)) ** 2).mean()
    assert loss.item() == pytest.approx(expected.item(), rel=1e-3), (
        "the regression target is x1 - x0 with the same x0 that built x_t"
    )


def test_a_model_that_knows_the_field_of_a_single_point_gets_zero_loss():
    """All data at c: along every path the velocity is (c - x_t) / (1 - t) = c - x0 exactly."""
    c = torch.tensor([1.5, -0.5])
    x1 = c.expand(4000, 2).clone()

    class Oracle(torch.nn.Module):
        def forward(self, x, t):
            return (c - x) / (1 - t.reshape(-1, 1))

    loss = FM.flow_matching_loss(Oracle(), x1, generator=torch.Generator().manual_seed(5))
    assert loss.item() < 1e-4, (
        f"loss {loss.item():.3g}: the model must see (x_t, t) from the same path, and the target is x1 - x0"
    )


# ----------------------------------------------------------------------------- the sampler
class ConstantField(torch.nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c = torch.as_tensor(c)

    def forward(self, x, t):
        return self.c.expand_as(x)


@pytest.mark.parametrize("n_steps", [1, 7, 100])
def test_a_constant_field_moves_points_by_exactly_that_velocity(n_steps):
    x0 = torch.randn(50, 2, generator=torch.Generator().manual_seed(6))
    before = x0.clone()
    out = FM.euler_sample(ConstantField([1.0, -2.0]), x0, n_steps=n_steps)
    assert out.shape == (50, 2)
    assert torch.allclose(out, x0 + torch.tensor([1.0, -2.0]), atol=1e-5), (
        f"with n_steps = {n_steps} steps of size 1 / n_steps, a constant velocity c moves every point by c"
    )
    assert torch.equal(x0, before), "do not modify x0 in place"


def test_the_field_is_evaluated_at_the_left_end_of_each_step():
    """v = 2t everywhere: n Euler steps add sum_i (1/n) 2 (i/n) = (n - 1) / n."""

    class TwoT(torch.nn.Module):
        def forward(self, x, t):
            return 2 * t.reshape(-1, 1).expand_as(x)

    x0 = torch.zeros(3, 2)
    out = FM.euler_sample(TwoT(), x0, n_steps=4)
    assert torch.allclose(out, torch.full((3, 2), 0.75), atol=1e-6), (
        f"got {out[0].tolist()}, expected [0.75, 0.75]: step i uses t_i = i / n_steps, i = 0 .. n_steps - 1 "
        "(t = 0 first, t = 1 never)"
    )


def test_each_step_uses_the_current_points():
    """v = x: Euler gives x0 (1 + 1/n)^n, which tends to x0 e."""

    class Identity(torch.nn.Module):
        def forward(self, x, t):
            return x

    x0 = torch.tensor([[1.0, -2.0], [0.5, 3.0]])
    out = FM.euler_sample(Identity(), x0, n_steps=10)
    assert torch.allclose(out, x0 * (1 + 1 / 10) ** 10, atol=1e-5), "x <- x + dt * v(x, t) with the current x"


def test_the_sampler_calls_the_model_once_per_step_with_one_time_per_point():
    spy = AffineSpy()
    FM.euler_sample(spy, torch.zeros(8, 2), n_steps=4)
    assert len(spy.calls) == 4, f"n_steps = 4 Euler steps call the field 4 times, not {len(spy.calls)}"
    times = []
    for x, t in spy.calls:
        assert t.shape == (8,) and t.is_floating_point(), "pass t as an (n,) float tensor"
        assert torch.all(t == t[0]), "all points are at the same time"
        times.append(round(float(t[0]), 6))
    assert times == [0.0, 0.25, 0.5, 0.75], f"the field was evaluated at t = {times}"


def test_the_trajectory_has_every_state():
    x0 = torch.randn(10, 2, generator=torch.Generator().manual_seed(7))
    out, path = FM.euler_sample(ConstantField([3.0, 0.0]), x0, n_steps=5, return_trajectory=True)
    assert path.shape == (6, 10, 2), "n_steps + 1 states: the start and one after every step"
    assert torch.allclose(path[0], x0) and torch.allclose(path[-1], out)
    for i in range(6):
        assert torch.allclose(path[i], x0 + torch.tensor([3.0 * i / 5, 0.0]), atol=1e-5), f"state {i} is wrong"


def test_sampling_needs_no_gradients():
    torch.manual_seed(0)
    model = FM.VelocityField(hidden=16)
    out = FM.euler_sample(model, torch.randn(4, 2), n_steps=3)
    assert not out.requires_grad, "sample under torch.no_grad(): there is nothing to train here"


# ----------------------------------------------------------------------------- training
@pytest.fixture(scope="module")
def trained():
    data = FM.make_target(4000, seed=0)
    model, losses = FM.train_flow(data, seed=0)
    x0 = FM.sample_source(2000, torch.Generator().manual_seed(1))
    return data, model, losses, x0


def test_training_lowers_the_loss_to_its_floor(trained):
    _, _, losses, _ = trained
    start, end = sum(losses[:50]) / 50, sum(losses[-200:]) / 200
    assert end < 0.8 * start and end < 2.0, f"loss {start:.3f} -> {end:.3f}"
    # Unlike a diffusion model's, this loss cannot reach 0: many (x0, x1) pairs cross the same x_t
    # with different x1 - x0, and the best v(x_t, t) is their average.
    assert end > 0.5


def test_samples_match_the_target_distribution(trained):
    data, model, _, x0 = trained
    samples = FM.euler_sample(model, x0, n_steps=100)
    assert samples.shape == (2000, 2) and torch.isfinite(samples).all()
    assert torch.allclose(samples.mean(0), data.mean(0), atol=0.15), (
        f"sample mean {samples.mean(0).tolist()} vs data mean {data.mean(0).tolist()}"
    )
    assert torch.allclose(samples.std(0), data.std(0), atol=0.15), (
        f"sample std {samples.std(0).tolist()} vs data std {data.std(0).tolist()}"
    )
    near = FM.near_fraction(samples)
    assert near > 0.9, f"only {near:.2f} of the samples are within 3 std of a blob centre (data: 0.99)"
    fractions = FM.blob_fractions(samples)
    assert torch.allclose(fractions, FM.WEIGHTS, atol=0.05), (
        f"blob fractions {fractions.tolist()} vs weights {FM.WEIGHTS.tolist()}: every blob must get its share"
    )


def test_one_euler_step_lands_on_the_data_mean(trained):
    """At t = 0, x_t = x0 says nothing about x1, so the best v(x0, 0) is E[x1] - x0."""
    data, model, _, x0 = trained
    one = FM.euler_sample(model, x0, n_steps=1)
    assert torch.allclose(one.mean(0), data.mean(0), atol=0.2)
    assert torch.all(one.std(0) < 0.3 * data.std(0)), (
        f"one-step samples have std {one.std(0).tolist()}: a single step of the trained field should "
        "collapse the noise onto the data mean (the paths cross, so they are not straight yet)"
    )
    many = FM.euler_sample(model, x0, n_steps=100)
    two = FM.euler_sample(model, x0, n_steps=2)
    assert FM.near_fraction(many) > FM.near_fraction(two) + 0.2, "more ODE steps follow the curved flow better"
