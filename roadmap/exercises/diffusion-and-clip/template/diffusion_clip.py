"""A tiny DDPM on 2-D data and a CLIP-style contrastive loss (starter code).

Part 1 - Denoising diffusion (Ho et al., 2020) on the "two moons" point cloud:
    forward process   q(x_t | x_0) = N( sqrt(abar_t) x_0, (1 - abar_t) I )
    training          predict the noise eps that was mixed in: || eps - eps_theta(x_t, t) ||^2
    sampling          start from N(0, I) and denoise step by step (ancestral sampling)

Part 2 - CLIP (Radford et al., 2021): two encoders map paired items (image, caption) into
one space; a symmetric cross-entropy over the batch's similarity matrix pulls matching
pairs together and pushes the others apart.

Fill in the TODOs in order; ``python3 -m pytest -q`` shows which parts already work.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import List, Optional, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F


# =============================================================================
# Part 1 - DDPM
# =============================================================================
def make_two_moons(n: int = 2000, noise: float = 0.05, seed: int = 0) -> torch.Tensor:
    """Two interleaving half circles, centred and scaled to roughly unit spread. (n, 2)"""
    g = torch.Generator().manual_seed(seed)
    n_top = n // 2
    theta_top = torch.rand(n_top, generator=g) * math.pi
    theta_bot = torch.rand(n - n_top, generator=g) * math.pi
    top = torch.stack([torch.cos(theta_top), torch.sin(theta_top)], dim=1)
    bottom = torch.stack([1 - torch.cos(theta_bot), 0.5 - torch.sin(theta_bot)], dim=1)
    x = torch.cat([top, bottom]) + noise * torch.randn(n, 2, generator=g)
    x = x - torch.tensor([0.5, 0.25])  # centre
    return x / 0.8  # roughly unit standard deviation per axis


@dataclass
class Schedule:
    betas: torch.Tensor  # (T,)  variance added at each step
    alphas: torch.Tensor  # (T,)  1 - beta_t
    alpha_bars: torch.Tensor  # (T,)  prod_{s <= t} alpha_s

    @property
    def T(self) -> int:
        return self.betas.numel()


def make_schedule(T: int = 100, beta_start: float = 1e-4, beta_end: float = 0.1) -> Schedule:
    """Linear beta schedule and the derived alphas and cumulative products."""
    # TODO 1: betas = evenly spaced from beta_start to beta_end (torch.linspace);
    #         alphas = 1 - betas; alpha_bars = cumulative product of alphas (torch.cumprod).
    raise NotImplementedError("TODO 1: make_schedule")


def q_sample(x0: torch.Tensor, t: torch.Tensor, noise: torch.Tensor, schedule: Schedule) -> torch.Tensor:
    """Jump straight to step t: x_t = sqrt(abar_t) x0 + sqrt(1 - abar_t) noise.

    x0, noise: (B, D); t: (B,) int64 step indices in [0, T).
    """
    # TODO 2: look up alpha_bars at t, reshape to (B, 1) so it broadcasts over the
    #         features, and mix x0 and noise.
    raise NotImplementedError("TODO 2: q_sample")


def timestep_embedding(t: torch.Tensor, dim: int = 32) -> torch.Tensor:
    """Sinusoidal embedding of integer steps, (B,) -> (B, dim), like Transformer positions."""
    # TODO 3: half = dim // 2 frequencies exp(-ln(10000) * k / half), k = 0..half-1;
    #         angles = t (as float, a column) times the frequencies (a row);
    #         return torch.cat([sin(angles), cos(angles)], dim=1).
    raise NotImplementedError("TODO 3: timestep_embedding")


class NoisePredictor(nn.Module):
    """eps_theta(x_t, t): an MLP that sees the noisy point and an embedding of t."""

    def __init__(self, data_dim: int = 2, hidden: int = 128, t_dim: int = 32):
        super().__init__()
        self.t_dim = t_dim
        self.net = nn.Sequential(
            nn.Linear(data_dim + t_dim, hidden), nn.SiLU(),
            nn.Linear(hidden, hidden), nn.SiLU(),
            nn.Linear(hidden, hidden), nn.SiLU(),
            nn.Linear(hidden, data_dim),
        )

    def forward(self, x: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
        # TODO 4: concatenate x with the time embedding (self.t_dim wide) and run self.net.
        raise NotImplementedError("TODO 4: NoisePredictor.forward")


def diffusion_loss(
    model: nn.Module, x0: torch.Tensor, schedule: Schedule, generator: Optional[torch.Generator] = None
) -> torch.Tensor:
    """The simplified DDPM objective: MSE between the true and the predicted noise."""
    # TODO 5: draw a random step t per example (torch.randint, pass generator=generator),
    #         standard normal noise (torch.randn(x0.shape, generator=generator)),
    #         build x_t with q_sample and return the MSE between model(x_t, t) and the noise.
    raise NotImplementedError("TODO 5: diffusion_loss")


def train_diffusion(
    data: torch.Tensor,
    schedule: Schedule,
    steps: int = 3000,
    batch_size: int = 512,
    lr: float = 3e-3,
    seed: int = 0,
) -> Tuple[NoisePredictor, List[float]]:
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    model = NoisePredictor()
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=steps)
    losses = []
    for _ in range(steps):
        idx = torch.randint(0, data.size(0), (batch_size,), generator=g)
        loss = diffusion_loss(model, data[idx], schedule, g)
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        losses.append(loss.item())
    return model, losses


@torch.no_grad()
def p_sample_loop(
    model: nn.Module, schedule: Schedule, n: int, generator: Optional[torch.Generator] = None, dim: int = 2
) -> torch.Tensor:
    """Ancestral sampling: x_T ~ N(0, I), then for t = T-1 .. 0

        x_{t-1} = 1/sqrt(alpha_t) * (x_t - beta_t / sqrt(1 - abar_t) * eps_theta(x_t, t)) + sigma_t z

    with sigma_t^2 = beta_t and no noise added at the last step.
    """
    model.eval()
    # TODO 6: x = torch.randn(n, dim, generator=generator) FIRST; loop t from T-1 down to 0:
    #         eps = model(x, t as a (n,) long tensor); compute the mean above; add
    #         sqrt(beta_t) * torch.randn(n, dim, generator=generator) except when t == 0.
    #         Return x. (The tests replay these random draws in this order.)
    raise NotImplementedError("TODO 6: p_sample_loop")


def mean_nearest_distance(samples: torch.Tensor, data: torch.Tensor) -> float:
    """Average distance from each sample to its nearest data point (lower = closer)."""
    return torch.cdist(samples, data).min(dim=1).values.mean().item()


# =============================================================================
# Part 2 - CLIP-style contrastive loss
# =============================================================================
def clip_loss(image_emb: torch.Tensor, text_emb: torch.Tensor, temperature: float = 0.07) -> torch.Tensor:
    """Symmetric InfoNCE over a batch of N pairs; pair i is (image_emb[i], text_emb[i]).

    logits[i, j] = cos(image_i, text_j) / temperature; the right "class" of row i is i.
    The loss averages image->text (rows) and text->image (columns) cross-entropies.
    """
    # TODO 7: L2-normalise both (F.normalize), logits = img @ txt.T / temperature,
    #         targets = arange(N); average the cross-entropy of the rows and of the columns.
    raise NotImplementedError("TODO 7: clip_loss")


def make_paired_data(n: int = 512, seed: int = 0) -> Tuple[torch.Tensor, torch.Tensor]:
    """Toy "images" (20-d) and "captions" (12-d): two noisy views of one shared 6-d latent."""
    g = torch.Generator().manual_seed(seed)
    z = torch.randn(n, 6, generator=g)
    to_img = torch.randn(6, 20, generator=g)
    to_txt = torch.randn(6, 12, generator=g)
    images = z @ to_img + 0.5 * torch.randn(n, 20, generator=g)
    texts = z @ to_txt + 0.5 * torch.randn(n, 12, generator=g)
    return images, texts


class TwoTower(nn.Module):
    """One small encoder per modality, both projecting into a shared embedding space."""

    def __init__(self, img_dim: int = 20, txt_dim: int = 12, emb_dim: int = 16):
        super().__init__()
        self.image_encoder = nn.Sequential(nn.Linear(img_dim, 64), nn.ReLU(), nn.Linear(64, emb_dim))
        self.text_encoder = nn.Sequential(nn.Linear(txt_dim, 64), nn.ReLU(), nn.Linear(64, emb_dim))

    def forward(self, images: torch.Tensor, texts: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        return self.image_encoder(images), self.text_encoder(texts)


@torch.no_grad()
def retrieval_accuracy(model: TwoTower, images: torch.Tensor, texts: torch.Tensor) -> float:
    """Fraction of images whose most similar caption (cosine) is their own."""
    img, txt = model(images, texts)
    sims = F.normalize(img, dim=-1) @ F.normalize(txt, dim=-1).t()
    return (sims.argmax(dim=1) == torch.arange(len(images))).float().mean().item()


def train_clip(
    images: torch.Tensor,
    texts: torch.Tensor,
    steps: int = 300,
    batch_size: int = 128,
    temperature: float = 0.1,
    lr: float = 3e-3,
    seed: int = 0,
) -> Tuple[TwoTower, List[float]]:
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    model = TwoTower(images.size(1), texts.size(1))
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    losses = []
    for _ in range(steps):
        idx = torch.randperm(images.size(0), generator=g)[:batch_size]
        loss = clip_loss(*model(images[idx], texts[idx]), temperature=temperature)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return model, losses


if __name__ == "__main__":
    torch.set_num_threads(1)
    data = make_two_moons()
    schedule = make_schedule()
    model, losses = train_diffusion(data, schedule)
    samples = p_sample_loop(model, schedule, 1000, torch.Generator().manual_seed(1))
    print(f"DDPM: final loss {sum(losses[-100:]) / 100:.3f}, "
          f"mean nearest distance {mean_nearest_distance(samples, data):.3f} "
          f"(pure noise: {mean_nearest_distance(torch.randn(1000, 2), data):.3f})")
    images, texts = make_paired_data()
    clip_model, clip_losses = train_clip(images[:384], texts[:384])
    print(f"CLIP: loss {clip_losses[0]:.3f} -> {clip_losses[-1]:.3f}, held-out retrieval "
          f"accuracy {retrieval_accuracy(clip_model, images[384:], texts[384:]):.3f}")
