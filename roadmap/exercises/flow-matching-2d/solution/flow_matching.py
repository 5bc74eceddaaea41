"""Conditional flow matching (rectified flow) on a 2-D toy distribution - reference solution.

A velocity field v_theta(x, t) is trained to carry Gaussian noise (t = 0) to data (t = 1):

    path          x_t = (1 - t) x0 + t x1,     x0 ~ N(0, I),  x1 ~ data,  t ~ U[0, 1)
    target        u_t = d x_t / dt = x1 - x0   (constant along each straight path)
    loss          E || v_theta(x_t, t) - (x1 - x0) ||^2
    sampling      integrate dx/dt = v_theta(x, t) from t = 0 to t = 1 with Euler steps

Run the tests with ``python3 -m pytest -q``.
Run ``python3 flow_matching.py`` to train and compare generated samples with the data.
"""
from __future__ import annotations

import math
from typing import List, Optional, Tuple, Union

import torch
import torch.nn as nn
import torch.nn.functional as F

# The target distribution: three Gaussian blobs of unequal weight, away from the origin.
CENTRES = torch.tensor([[-2.0, 0.0], [2.0, 1.0], [0.0, 3.0]])
WEIGHTS = torch.tensor([0.5, 0.3, 0.2])
BLOB_STD = 0.3


# ---------------------------------------------------------------------------
# Data (given)
# ---------------------------------------------------------------------------
def make_target(n: int = 4000, seed: int = 0) -> torch.Tensor:
    """``n`` points from the mixture: blob k is chosen with probability WEIGHTS[k]. (n, 2)"""
    g = torch.Generator().manual_seed(seed)
    k = torch.multinomial(WEIGHTS, n, replacement=True, generator=g)
    return CENTRES[k] + BLOB_STD * torch.randn(n, 2, generator=g)


def sample_source(n: int, generator: Optional[torch.Generator] = None, dim: int = 2) -> torch.Tensor:
    """The source distribution p_0 = N(0, I). (n, dim)"""
    return torch.randn(n, dim, generator=generator)


# ---------------------------------------------------------------------------
# 1. The probability path and its velocity
# ---------------------------------------------------------------------------
def interpolate(x0: torch.Tensor, x1: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
    """The straight path between paired points: x_t = (1 - t) x0 + t x1.

    x0, x1: (B, D); t: (B,), one time per pair. Returns (B, D).
    """
    t = t.reshape(-1, 1)
    return (1.0 - t) * x0 + t * x1


def target_velocity(x0: torch.Tensor, x1: torch.Tensor) -> torch.Tensor:
    """d x_t / dt along the straight path, the regression target: x1 - x0. (B, D)"""
    return x1 - x0


# ---------------------------------------------------------------------------
# 2. The velocity field
# ---------------------------------------------------------------------------
class VelocityField(nn.Module):
    """v_theta(x, t): an MLP on the point and its time, [x, t] -> velocity."""

    def __init__(self, dim: int = 2, hidden: int = 64):
        super().__init__()
        self.dim = dim
        self.net = nn.Sequential(
            nn.Linear(dim + 1, hidden), nn.SiLU(),
            nn.Linear(hidden, hidden), nn.SiLU(),
            nn.Linear(hidden, hidden), nn.SiLU(),
            nn.Linear(hidden, dim),
        )

    def forward(self, x: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
        """x: (B, dim), t: (B,) floats in [0, 1]. Returns (B, dim)."""
        return self.net(torch.cat([x, t.reshape(-1, 1).to(x.dtype)], dim=1))


# ---------------------------------------------------------------------------
# 3. The conditional flow matching loss
# ---------------------------------------------------------------------------
def flow_matching_loss(
    model: nn.Module,
    x1: torch.Tensor,
    x0: Optional[torch.Tensor] = None,
    t: Optional[torch.Tensor] = None,
    generator: Optional[torch.Generator] = None,
) -> torch.Tensor:
    """Mean squared error between v_theta(x_t, t) and the target velocity x1 - x0.

    x0 (noise) and t are drawn when not given: x0 ~ N(0, I) with x1's shape, and one
    t ~ U[0, 1) per example, both from ``generator``.
    """
    if x0 is None:
        x0 = torch.randn(x1.shape, generator=generator)
    if t is None:
        t = torch.rand(x1.size(0), generator=generator)
    x_t = interpolate(x0, x1, t)
    return F.mse_loss(model(x_t, t), target_velocity(x0, x1))


# ---------------------------------------------------------------------------
# 4. The Euler ODE sampler
# ---------------------------------------------------------------------------
@torch.no_grad()
def euler_sample(
    model: nn.Module, x0: torch.Tensor, n_steps: int = 100, return_trajectory: bool = False
) -> Union[torch.Tensor, Tuple[torch.Tensor, torch.Tensor]]:
    """Integrate dx/dt = v(x, t) from t = 0 to 1 in ``n_steps`` Euler steps of size 1/n_steps.

    Step i (i = 0 .. n_steps-1) evaluates the field at t_i = i / n_steps:
        x <- x + (1 / n_steps) * v(x, t_i)
    Returns the final points (n, D); with ``return_trajectory`` also every state, start
    included, stacked into (n_steps + 1, n, D).
    """
    dt = 1.0 / n_steps
    x = x0.clone()
    states = [x]
    for i in range(n_steps):
        t = torch.full((x.size(0),), i * dt, dtype=x.dtype)
        x = x + dt * model(x, t)
        states.append(x)
    if return_trajectory:
        return x, torch.stack(states)
    return x


# ---------------------------------------------------------------------------
# Training (given)
# ---------------------------------------------------------------------------
def train_flow(
    data: torch.Tensor,
    steps: int = 1500,
    batch_size: int = 256,
    lr: float = 3e-3,
    hidden: int = 64,
    seed: int = 0,
) -> Tuple[VelocityField, List[float]]:
    """Adam on the flow matching loss with random mini-batches; returns (model, losses)."""
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    model = VelocityField(data.size(1), hidden)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=steps)
    losses = []
    for _ in range(steps):
        idx = torch.randint(0, data.size(0), (batch_size,), generator=g)
        loss = flow_matching_loss(model, data[idx], generator=g)
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        losses.append(loss.item())
    return model, losses


def blob_fractions(samples: torch.Tensor) -> torch.Tensor:
    """Fraction of samples whose nearest blob centre is each of CENTRES. (3,)"""
    nearest = torch.cdist(samples, CENTRES).argmin(dim=1)
    return torch.bincount(nearest, minlength=len(CENTRES)).float() / len(samples)


def near_fraction(samples: torch.Tensor, radius: float = 3 * BLOB_STD) -> float:
    """Fraction of samples within ``radius`` of some blob centre (on the data, about 99%)."""
    return (torch.cdist(samples, CENTRES).min(dim=1).values < radius).float().mean().item()


if __name__ == "__main__":
    torch.set_num_threads(1)
    data = make_target()
    model, losses = train_flow(data)
    x0 = sample_source(2000, torch.Generator().manual_seed(1))
    for n_steps in (1, 2, 10, 100):
        s = euler_sample(model, x0, n_steps)
        print(f"{n_steps:>3} Euler steps: mean {s.mean(0).tolist()}, std {s.std(0).tolist()}, "
              f"near a blob {near_fraction(s):.2f}, blob fractions {blob_fractions(s).tolist()}")
    print(f"data:            mean {data.mean(0).tolist()}, std {data.std(0).tolist()}, "
          f"near a blob {near_fraction(data):.2f}, blob fractions {blob_fractions(data).tolist()}")
    print(f"loss {sum(losses[:50]) / 50:.3f} -> {sum(losses[-200:]) / 200:.3f}")
