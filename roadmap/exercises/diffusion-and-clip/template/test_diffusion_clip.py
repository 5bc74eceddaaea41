"""Tests for diffusion_clip.py. Run with:  python3 -m pytest -q"""
import math

import pytest
import torch
import torch.nn.functional as F

import diffusion_clip as D

torch.set_num_threads(1)


# =============================================================================
# Part 1 - DDPM
# =============================================================================
def test_schedule_properties():
    s = D.make_schedule(T=100, beta_start=1e-4, beta_end=0.1)
    assert s.betas.shape == s.alphas.shape == s.alpha_bars.shape == (100,)
    assert s.betas[0].item() == pytest.approx(1e-4) and s.betas[-1].item() == pytest.approx(0.1)
    assert torch.all(s.betas[1:] > s.betas[:-1]), "linear schedule must increase"
    assert torch.allclose(s.alphas, 1 - s.betas)
    assert torch.allclose(s.alpha_bars, torch.cumprod(1 - s.betas, 0))
    assert torch.all(s.alpha_bars[1:] < s.alpha_bars[:-1]), "alpha-bar must strictly decrease"
    assert torch.all((s.alpha_bars > 0) & (s.alpha_bars < 1))
    assert s.alpha_bars[0].item() == pytest.approx(1 - 1e-4)
    assert s.alpha_bars[-1].item() < 0.01, "at t = T the data must be almost pure noise"


def test_q_sample_formula_and_broadcast():
    s = D.make_schedule()
    x0 = torch.tensor([[1.0, -2.0], [0.5, 0.5], [3.0, 0.0]])
    noise = torch.tensor([[0.1, 0.2], [-1.0, 1.0], [0.0, 2.0]])
    t = torch.tensor([0, 50, 99])
    out = D.q_sample(x0, t, noise, s)
    ab = s.alpha_bars[t].unsqueeze(1)
    assert out.shape == (3, 2)
    assert torch.allclose(out, ab.sqrt() * x0 + (1 - ab).sqrt() * noise, atol=1e-6)


def test_q_sample_statistics():
    """For a fixed x0, x_t has mean sqrt(abar_t) x0 and variance 1 - abar_t."""
    s = D.make_schedule()
    g = torch.Generator().manual_seed(0)
    n = 20000
    x0 = torch.tensor([1.5, -0.5]).expand(n, 2)
    for step in [0, 20, 60, 99]:
        t = torch.full((n,), step, dtype=torch.long)
        xt = D.q_sample(x0, t, torch.randn(n, 2, generator=g), s)
        ab = s.alpha_bars[step]
        assert torch.allclose(xt.mean(0), ab.sqrt() * x0[0], atol=0.03)
        assert torch.allclose(xt.var(0), (1 - ab).expand(2), atol=0.03)


def test_noise_predictor_shapes():
    torch.manual_seed(0)
    model = D.NoisePredictor()
    x = torch.randn(7, 2)
    t = torch.randint(0, 100, (7,))
    assert model(x, t).shape == (7, 2)
    emb = D.timestep_embedding(t, 32)
    assert emb.shape == (7, 32)


@pytest.mark.parametrize("dim", [32, 8])
def test_timestep_embedding_matches_the_sinusoidal_formula(dim):
    t = torch.tensor([0, 1, 7, 50, 99])
    half = dim // 2
    k = torch.arange(half, dtype=torch.float64)
    omega = 10000.0 ** (-k / half)  # frequencies 1, ..., down to about 1/10000
    angles = t.double().unsqueeze(1) * omega.unsqueeze(0)
    expected = torch.cat([torch.sin(angles), torch.cos(angles)], dim=1).float()
    got = D.timestep_embedding(t, dim)
    assert got.shape == (5, dim)
    assert torch.allclose(got, expected, atol=1e-4), (
        "emb(t) = [sin(t w_0), ..., sin(t w_{half-1}), cos(t w_0), ..., cos(t w_{half-1})] "
        "with w_k = 10000^(-k / half) and half = dim // 2"
    )


def test_noise_predictor_sees_x_and_the_step_embedding():
    torch.manual_seed(0)
    model = D.NoisePredictor()
    x = torch.randn(6, 2)
    t = torch.tensor([0, 5, 20, 50, 80, 99])
    expected = model.net(torch.cat([x, D.timestep_embedding(t, model.t_dim)], dim=1))
    assert torch.allclose(model(x, t), expected, atol=1e-6), "forward must be self.net([x_t, emb(t)])"
    same_x = x[:1].expand(2, 2)
    out = model(same_x, torch.tensor([3, 90]))
    assert not torch.allclose(out[0], out[1]), "the prediction must depend on the step t"


def test_diffusion_loss_with_an_oracle_model():
    """A model that recovers the noise exactly from (x_t, t) must get a loss of 0."""
    s = D.make_schedule()
    x0 = D.make_two_moons(4000, seed=3)
    seen = []

    class Oracle(torch.nn.Module):
        def forward(self, x_t, t):
            seen.append(t)
            ab = s.alpha_bars[t].unsqueeze(1)
            return (x_t - ab.sqrt() * x0) / (1 - ab).sqrt()

    loss = D.diffusion_loss(Oracle(), x0, s, torch.Generator().manual_seed(0))
    assert len(seen) == 1
    t = seen[0]
    assert t.shape == (4000,) and t.dtype == torch.long, "one integer step per example, shape (B,)"
    assert int(t.min()) >= 0 and int(t.max()) <= 99
    assert len(torch.unique(t)) > 90, "t must be drawn independently for every example, over all T steps"
    assert loss.item() < 1e-6, (
        f"loss {loss.item():.3g}: the model must get x_t = q_sample(x0, t, noise) and the same t, "
        "and the target of the MSE is the noise (not x0)"
    )


@pytest.fixture(scope="module")
def ddpm():
    data = D.make_two_moons(2000, seed=0)
    schedule = D.make_schedule()
    model, losses = D.train_diffusion(data, schedule, seed=0)
    samples = D.p_sample_loop(model, schedule, 1000, torch.Generator().manual_seed(1))
    return data, model, losses, samples


def test_diffusion_training_loss_decreases(ddpm):
    _, _, losses, _ = ddpm
    start, end = sum(losses[:50]) / 50, sum(losses[-200:]) / 200
    assert end < 0.8 * start, f"loss {start:.3f} -> {end:.3f}"
    assert end < 0.4


def test_samples_land_near_the_data(ddpm):
    data, _, _, samples = ddpm
    assert samples.shape == (1000, 2)
    assert torch.isfinite(samples).all()
    d_samples = D.mean_nearest_distance(samples, data)
    d_noise = D.mean_nearest_distance(torch.randn(1000, 2, generator=torch.Generator().manual_seed(2)), data)
    assert d_samples < 0.15, f"samples are {d_samples:.3f} away from the data on average"
    assert d_samples < 0.5 * d_noise
    # Both moons are covered: the first/second moment match the data.
    assert torch.allclose(samples.mean(0), data.mean(0), atol=0.15)
    assert torch.allclose(samples.std(0), data.std(0), atol=0.15)


class StepSpy(torch.nn.Module):
    """A fake noise predictor: eps = 0.5 x + 0.1 t, recording the steps it is called with."""

    def __init__(self):
        super().__init__()
        self.steps = []

    def forward(self, x, t):
        assert t.shape == (x.size(0),) and t.dtype == torch.long, "t must be a (n,) long tensor"
        assert torch.all(t == t[0]), "all samples are at the same step"
        self.steps.append(int(t[0]))
        return 0.5 * x + 0.1 * t.float().unsqueeze(1)


def test_sampler_calls_the_model_from_T_minus_1_down_to_0():
    spy = StepSpy()
    D.p_sample_loop(spy, D.make_schedule(T=6, beta_start=0.05, beta_end=0.3), 4, torch.Generator().manual_seed(0))
    assert spy.steps == [5, 4, 3, 2, 1, 0], f"the model was called at steps {spy.steps}"


def test_sampler_closed_form_with_one_step_and_a_zero_model():
    """T = 1 and eps = 0: x_0 = x_T / sqrt(alpha_0), with no noise added at the last step."""

    class Zero(torch.nn.Module):
        def forward(self, x, t):
            return torch.zeros_like(x)

    s = D.make_schedule(T=1, beta_start=0.2, beta_end=0.2)
    out = D.p_sample_loop(Zero(), s, 500, torch.Generator().manual_seed(3))
    x_T = torch.randn(500, 2, generator=torch.Generator().manual_seed(3))
    assert out.shape == (500, 2)
    assert torch.allclose(out, x_T / math.sqrt(0.8), atol=1e-5), (
        "start from x_T = torch.randn(n, dim, generator=generator) (the first draw) and apply the "
        "update; the last step (t = 0) adds no noise"
    )


def test_sampler_follows_the_ancestral_update_exactly():
    """Replays the DDPM update with the same random draws: x_T first, then one z per step t > 0."""
    s = D.make_schedule(T=4, beta_start=0.1, beta_end=0.4)
    n, dim = 50, 3
    out = D.p_sample_loop(StepSpy(), s, n, torch.Generator().manual_seed(7), dim=dim)
    g = torch.Generator().manual_seed(7)
    x = torch.randn(n, dim, generator=g)
    for t in [3, 2, 1, 0]:
        eps = 0.5 * x + 0.1 * t
        beta, alpha, abar = s.betas[t], s.alphas[t], s.alpha_bars[t]
        x = (x - beta / (1 - abar).sqrt() * eps) / alpha.sqrt()
        if t > 0:
            x = x + beta.sqrt() * torch.randn(n, dim, generator=g)
    assert out.shape == (n, dim)
    assert torch.allclose(out, x, atol=1e-4), (
        "x_{t-1} = (x_t - beta_t / sqrt(1 - abar_t) * eps) / sqrt(alpha_t) + sqrt(beta_t) * z for t > 0, "
        "with z = torch.randn(n, dim, generator=generator) drawn after x_T, one per step"
    )


# =============================================================================
# Part 2 - CLIP-style contrastive loss
# =============================================================================
def test_clip_loss_matches_manual_formula():
    torch.manual_seed(0)
    a, b = torch.randn(8, 5), torch.randn(8, 5)
    an, bn = a / a.norm(dim=1, keepdim=True), b / b.norm(dim=1, keepdim=True)
    logits = an @ bn.T / 0.2
    i2t = -torch.log_softmax(logits, dim=1).diag().mean()
    t2i = -torch.log_softmax(logits, dim=0).diag().mean()
    assert D.clip_loss(a, b, temperature=0.2).item() == pytest.approx(((i2t + t2i) / 2).item(), abs=1e-5)


def test_clip_loss_lower_for_matched_than_shuffled_pairs():
    torch.manual_seed(1)
    img = torch.randn(32, 16)
    txt = img + 0.3 * torch.randn(32, 16)
    shuffled = txt[torch.randperm(32)]
    matched_loss = D.clip_loss(img, txt).item()
    shuffled_loss = D.clip_loss(img, shuffled).item()
    assert matched_loss < shuffled_loss - 1.0


def test_clip_loss_is_symmetric_and_scale_invariant():
    torch.manual_seed(2)
    a, b = torch.randn(16, 8), torch.randn(16, 8)
    assert D.clip_loss(a, b).item() == pytest.approx(D.clip_loss(b, a).item(), abs=1e-5)
    assert D.clip_loss(3.0 * a, 0.5 * b).item() == pytest.approx(D.clip_loss(a, b).item(), abs=1e-4)


def test_clip_temperature_behaviour():
    torch.manual_seed(3)
    emb = torch.randn(16, 8)
    # Perfectly matched pairs: a colder (smaller) temperature makes the loss smaller.
    losses = [D.clip_loss(emb, emb, temperature=t).item() for t in (1.0, 0.3, 0.1, 0.03)]
    assert all(x > y for x, y in zip(losses, losses[1:])), losses
    # A very hot temperature flattens the softmax: the loss tends to log(N), chance level.
    assert D.clip_loss(emb, torch.randn(16, 8), temperature=1e4).item() == pytest.approx(math.log(16), abs=1e-3)


def test_clip_loss_gradients_flow():
    a = torch.randn(4, 3, requires_grad=True)
    b = torch.randn(4, 3, requires_grad=True)
    D.clip_loss(a, b).backward()
    assert a.grad is not None and b.grad is not None and a.grad.abs().sum() > 0


def test_clip_training_aligns_the_two_modalities():
    images, texts = D.make_paired_data(512, seed=0)
    torch.manual_seed(0)
    untrained = D.TwoTower(images.size(1), texts.size(1))
    model, losses = D.train_clip(images[:384], texts[:384], seed=0)
    before = D.retrieval_accuracy(untrained, images[384:], texts[384:])
    after = D.retrieval_accuracy(model, images[384:], texts[384:])
    assert losses[-1] < 0.3 * losses[0]
    assert after > 0.7, f"held-out image->text retrieval accuracy {after:.3f}"
    assert after > before + 0.5
