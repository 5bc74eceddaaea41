"""A selective state-space layer (Mamba's S6) in PyTorch.

Fill in every ``TODO`` below, then run the tests:  python3 -m pytest -q

Continuous system, per channel d and state n:   h'(t) = A h(t) + B(t) x(t),   y(t) = C(t) h(t) + D x(t)
Zero-order hold with step delta:                A_bar = exp(delta A),   B_bar = (exp(delta A) - 1) / A * B
Recurrence:                                     h_t = A_bar_t * h_{t-1} + B_bar_t * x_t,   y_t = C_t . h_t + D x_t
Selective:                                      delta, B and C are computed from the input x_t

Shapes: x (batch, L, D); delta (batch, L, D); A (D, N); B, C (batch, L, N); D (D,).

Run this file to train a tiny model on the "latch" task and check both scans agree:

    python3 selective_ssm.py
"""
from __future__ import annotations

import math
from typing import List, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F

Tensor = torch.Tensor


# ---------------------------------------------------------------------------
# 1. Discretisation: zero-order hold
# ---------------------------------------------------------------------------
def discretize(delta: Tensor, A: Tensor, B: Tensor) -> Tuple[Tensor, Tensor]:
    """``(A_bar, B_bar)``, both of shape (batch, L, D, N).

    With the input held constant over a step of length delta, the ODE h' = A h + B x has the
    exact solution h(delta) = exp(delta A) h(0) + (exp(delta A) - 1) / A * B x for a diagonal A.
    """
    # TODO: delta_A = delta with a trailing axis times A, shape (batch, L, D, N);
    #       A_bar = exp(delta_A); B_bar = (A_bar - 1) / A times B with an axis for D.
    raise NotImplementedError("TODO: discretize")


# ---------------------------------------------------------------------------
# 2. The recurrence, one step at a time
# ---------------------------------------------------------------------------
def selective_scan_sequential(x: Tensor, delta: Tensor, A: Tensor, B: Tensor, C: Tensor, D: Tensor) -> Tensor:
    """y (batch, L, D) by running h_t = A_bar_t h_{t-1} + B_bar_t x_t from h_{-1} = 0."""
    # TODO: discretize; h = zeros (batch, D, N); for each t: h = A_bar_t * h + B_bar_t * x_t
    #       (x_t broadcast over N), y_t = sum over N of h * C_t, plus D * x_t. Stack along dim 1.
    raise NotImplementedError("TODO: selective_scan_sequential")


# ---------------------------------------------------------------------------
# 3. The same thing as a parallel (associative) scan
# ---------------------------------------------------------------------------
def combine(a_left: Tensor, b_left: Tensor, a_right: Tensor, b_right: Tensor) -> Tuple[Tensor, Tensor]:
    """Compose two steps h -> a h + b: first the left one, then the right one.

    a_r (a_l h + b_l) + b_r = (a_r a_l) h + (a_r b_l + b_r). This operator is associative, which
    is what lets a scan combine the steps in any grouping, e.g. as a tree of depth log2(L).
    """
    # TODO: return the (a, b) of "apply the left step, then the right step".
    raise NotImplementedError("TODO: combine")


def selective_scan_parallel(x: Tensor, delta: Tensor, A: Tensor, B: Tensor, C: Tensor, D: Tensor) -> Tensor:
    """The same output as ``selective_scan_sequential``, computed with ceil(log2 L) calls of
    ``combine``, each over all positions at once (a Hillis-Steele inclusive scan).

    After the round with offset k, position t holds the composition of steps
    max(0, t - 2k + 1) .. t; once k >= L, position t holds steps 0 .. t, and since
    h_{-1} = 0 its b part is h_t.
    """
    # TODO: a, b = A_bar and B_bar * x (one affine step per position). For offset = 1, 2, 4, ...
    #       while offset < L: combine positions t - offset (left) and t (right) for all
    #       t >= offset in ONE call of combine (slices), keep the first `offset` positions as
    #       they are (torch.cat, no in-place writes), double the offset. Then h = b, and
    #       y = sum over N of h * C, plus D * x.
    raise NotImplementedError("TODO: selective_scan_parallel")


# ---------------------------------------------------------------------------
# 4. The layer
# ---------------------------------------------------------------------------
class SelectiveSSM(nn.Module):
    """An S6 layer: input-dependent delta, B and C; a learnt diagonal A < 0; a skip D.

    ``A_log`` (d_model, d_state) starts at log(1..N) in every channel, so A = -exp(A_log) is
    -1, -2, ..., -N (the S4D-real initialisation). The bias of ``delta_proj`` is given: it
    makes softplus(bias) start between dt_min and dt_max.
    """

    def __init__(self, d_model: int, d_state: int = 8, dt_min: float = 1e-3, dt_max: float = 0.1) -> None:
        super().__init__()
        self.d_model, self.d_state = d_model, d_state
        self.delta_proj = nn.Linear(d_model, d_model)
        self.B_proj = nn.Linear(d_model, d_state, bias=False)
        self.C_proj = nn.Linear(d_model, d_state, bias=False)
        # given: inverse-softplus initialisation of the step sizes, log-uniform in [dt_min, dt_max]
        dt = torch.exp(torch.rand(d_model) * (math.log(dt_max) - math.log(dt_min)) + math.log(dt_min))
        with torch.no_grad():
            self.delta_proj.bias.copy_(dt + torch.log(-torch.expm1(-dt)))
        # TODO: self.A_log, a parameter of shape (d_model, d_state) whose every row is
        #       log(1), log(2), ..., log(d_state); self.D, a parameter of ones, shape (d_model,).
        raise NotImplementedError("TODO: SelectiveSSM.__init__ (A_log and D)")

    def ssm_params(self, x: Tensor) -> Tuple[Tensor, Tensor, Tensor, Tensor]:
        """``(delta, A, B, C)`` for an input x (batch, L, d_model): delta = softplus of a
        projection of x (always > 0), A = -exp(A_log) (always < 0, not input-dependent),
        B and C = projections of x."""
        # TODO: delta = softplus(delta_proj(x)); A = -exp(A_log); B = B_proj(x); C = C_proj(x).
        raise NotImplementedError("TODO: ssm_params")

    def forward(self, x: Tensor, mode: str = "parallel") -> Tensor:
        """y (batch, L, d_model) with the parallel or the sequential scan; any other mode
        raises ``ValueError``."""
        # TODO: ssm_params(x), then the scan chosen by mode, with self.D as the skip.
        raise NotImplementedError("TODO: SelectiveSSM.forward")


# ---------------------------------------------------------------------------
# Given: the toy task and a tiny model around the layer
# ---------------------------------------------------------------------------
def make_latch_batch(batch: int, length: int, generator: torch.Generator, p_mark: float = 0.15) -> Tuple[Tensor, Tensor]:
    """The latch task. Inputs (batch, length, 2): a value in [-1, 1] and a 0/1 marker (always
    1 at t = 0). Target (batch, length): the value at the most recent marked step.

    To solve it the state must be overwritten when a marker arrives and held otherwise: a
    decision that depends on the input, which a time-invariant SSM cannot make.
    """
    value = torch.rand(batch, length, generator=generator) * 2 - 1
    mark = (torch.rand(batch, length, generator=generator) < p_mark).float()
    mark[:, 0] = 1.0
    steps = torch.arange(length).expand(batch, length)
    last_mark = torch.cummax(torch.where(mark.bool(), steps, torch.zeros_like(steps)), dim=1).values
    target = torch.gather(value, 1, last_mark)
    return torch.stack([value, mark], dim=-1), target


class LatchModel(nn.Module):
    """Linear(2 -> d_model) -> SelectiveSSM -> Linear(d_model -> 1)."""

    def __init__(self, d_model: int = 16, d_state: int = 8) -> None:
        super().__init__()
        self.inp = nn.Linear(2, d_model)
        self.ssm = SelectiveSSM(d_model, d_state)
        self.out = nn.Linear(d_model, 1)

    def forward(self, u: Tensor, mode: str = "parallel") -> Tensor:
        return self.out(self.ssm(self.inp(u), mode)).squeeze(-1)


# ---------------------------------------------------------------------------
# 5. Training
# ---------------------------------------------------------------------------
def train_latch(
    model: nn.Module, steps: int = 150, batch_size: int = 32, length: int = 32, lr: float = 1e-2, seed: int = 0
) -> List[float]:
    """Adam on the mean squared error, a fresh batch from ``make_latch_batch`` every step
    (one generator seeded with ``seed``). Returns the training loss of every step."""
    generator = torch.Generator().manual_seed(seed)
    # TODO: Adam over model.parameters() with lr; model.train(); for each step draw
    #       make_latch_batch(batch_size, length, generator), compute F.mse_loss(model(u), target),
    #       zero_grad / backward / step, and record loss.item(). Return the list.
    raise NotImplementedError("TODO: train_latch")


if __name__ == "__main__":
    torch.manual_seed(0)
    model = LatchModel()
    losses = train_latch(model)
    u, target = make_latch_batch(256, 64, torch.Generator().manual_seed(99))
    with torch.no_grad():
        par, seq = model(u), model(u, mode="sequential")
    print(f"training MSE {losses[0]:.4f} -> {losses[-1]:.5f}")
    print(f"test MSE on sequences twice as long: {F.mse_loss(par, target).item():.5f}")
    print(f"parallel vs sequential scan: max difference {(par - seq).abs().max().item():.2e}")
