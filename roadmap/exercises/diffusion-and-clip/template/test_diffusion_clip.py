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
    assert not torch.allclose(D.timestep_embedding(torch.tensor([3]), 32), D.timestep_embedding(torch.tensor([4]), 32))


def test_diffusion_loss_is_noise_mse():
    """A model that predicts the true noise perfectly has zero loss; one that predicts 0 has ~1."""
    s = D.make_schedule()
    data = D.make_two_moons(4000, seed=1)

    class Zero(torch.nn.Module):
        def forward(self, x, t):
            return torch.zeros_like(x)

    loss = D.diffusion_loss(Zero(), data, s, torch.Generator().manual_seed(0))
    assert loss.dim() == 0
    assert loss.item() == pytest.approx(1.0, abs=0.08), "E[noise^2] = 1 for standard normal noise"


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
