"""LoRA (Low-Rank Adaptation) from scratch in PyTorch (starter code).

A frozen linear layer ``y = W x + b`` gets a trainable low-rank update:

    y = W x + b + (alpha / r) * B A x,     A: (r, in),  B: (out, r),  r << min(in, out)

B starts at zero, so at initialisation the adapted model is exactly the pre-trained one.
Only A and B are trained; after training, ``W + (alpha / r) B A`` can be folded back into
a plain ``nn.Linear`` ("merging"), so inference costs nothing extra.

Fill in the TODOs in order; ``python3 -m pytest -q`` shows which parts already work.

The demo task: an MLP pre-trained on the bundled scikit-learn digits (8x8 images) is
adapted to a *shifted* task, the same digits mirrored left-right, by training adapters only.
"""
from __future__ import annotations

import copy
import math
from typing import Dict, Iterable, List, Optional, Tuple

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


# ---------------------------------------------------------------------------
# 1. The LoRA wrapper
# ---------------------------------------------------------------------------
class LoRALinear(nn.Module):
    """Wrap a pre-trained ``nn.Linear`` with a trainable low-rank update."""

    def __init__(self, base: nn.Linear, r: int = 4, alpha: float = 8.0):
        super().__init__()
        if r <= 0:
            raise ValueError("rank r must be a positive integer")
        self.base = base
        self.r = r
        self.alpha = alpha
        # TODO 1: freeze every parameter of self.base (requires_grad_(False)); set
        #         self.scaling = alpha / r; create two nn.Parameter tensors:
        #           self.lora_A, shape (r, in_features), random (nn.init.kaiming_uniform_(..., a=math.sqrt(5)))
        #           self.lora_B, shape (out_features, r), all zeros
        raise NotImplementedError("TODO 1: LoRALinear.__init__")

    @property
    def in_features(self) -> int:
        return self.base.in_features

    @property
    def out_features(self) -> int:
        return self.base.out_features

    def delta_weight(self) -> torch.Tensor:
        """The low-rank update (alpha / r) * B @ A, shaped like base.weight (out, in)."""
        # TODO 2: scaling * (B @ A)
        raise NotImplementedError("TODO 2: LoRALinear.delta_weight")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # TODO 3: base(x) + scaling * (x @ A^T) @ B^T  (go through the rank-r bottleneck;
        #         do not build the full B @ A matrix here).
        raise NotImplementedError("TODO 3: LoRALinear.forward")

    @torch.no_grad()
    def merge_weights(self) -> nn.Linear:
        """Return a plain nn.Linear with W' = W + (alpha / r) B A (same outputs, no adapter)."""
        # TODO 4: build a fresh nn.Linear(in, out, bias=...) and copy W + delta_weight()
        #         and the bias into it (this method already runs under torch.no_grad()).
        raise NotImplementedError("TODO 4: LoRALinear.merge_weights")

    def extra_repr(self) -> str:
        return f"r={self.r}, alpha={self.alpha}, scaling={self.scaling:g}"


# ---------------------------------------------------------------------------
# 2. Injecting adapters into a model
# ---------------------------------------------------------------------------
def inject_lora(
    model: nn.Module,
    r: int = 4,
    alpha: float = 8.0,
    target_modules: Optional[Iterable[str]] = None,
) -> List[str]:
    """Freeze ``model`` and wrap its nn.Linear layers in LoRALinear, in place.

    Args:
        target_modules: if given, only Linear layers whose qualified name (as in
            ``model.named_modules()``) is in this collection are wrapped.

    Returns:
        The qualified names of the wrapped layers, in module order.
    """
    # TODO 5: freeze all of model's parameters; collect the (name, module) pairs from
    #         model.named_modules() that are nn.Linear (and whose name is in target_modules,
    #         if given) into a list FIRST; then replace each one with
    #         _set_submodule(model, name, LoRALinear(module, r=r, alpha=alpha)).
    #         Return the list of names.
    raise NotImplementedError("TODO 5: inject_lora")


def _set_submodule(root: nn.Module, qualified_name: str, new: nn.Module) -> None:
    """Replace the submodule at a dotted path such as ``"encoder.0"``."""
    parent_name, _, child_name = qualified_name.rpartition(".")
    parent = root.get_submodule(parent_name) if parent_name else root
    setattr(parent, child_name, new)


def merge_lora(model: nn.Module) -> nn.Module:
    """Replace every LoRALinear in ``model`` by its merged nn.Linear, in place; return model."""
    # TODO 6: like inject_lora in reverse: find every LoRALinear and put
    #         module.merge_weights() in its place.
    raise NotImplementedError("TODO 6: merge_lora")


# ---------------------------------------------------------------------------
# 3. Counting parameters
# ---------------------------------------------------------------------------
def count_trainable_parameters(model: nn.Module) -> int:
    """Number of scalar parameters with requires_grad=True."""
    # TODO 7
    raise NotImplementedError("TODO 7: count_trainable_parameters")


def lora_parameter_count(layer_shapes: Iterable[Tuple[int, int]], r: int) -> int:
    """Trainable LoRA parameters for Linear layers given as (in_features, out_features).

    Each layer adds A (r x in) and B (out x r): r * (in + out) parameters.
    """
    # TODO 8
    raise NotImplementedError("TODO 8: lora_parameter_count")


# ---------------------------------------------------------------------------
# 4. Data, base model, training (the demo task)
# ---------------------------------------------------------------------------
def load_digit_tasks(seed: int = 0) -> Dict[str, torch.Tensor]:
    """The bundled 8x8 digits, split in train/test, for the original and the shifted task.

    The shifted task mirrors every image left-right; the labels stay the same.
    """
    from sklearn.datasets import load_digits

    digits = load_digits()
    x = digits.images.astype(np.float32) / 16.0  # (n, 8, 8) in [0, 1]
    y = digits.target.astype(np.int64)
    order = np.random.default_rng(seed).permutation(len(y))
    x, y = x[order], y[order]
    mirrored = x[:, :, ::-1]
    n_train = 1200
    to_t = lambda a: torch.from_numpy(np.ascontiguousarray(a.reshape(len(a), -1)))  # noqa: E731
    return {
        "x_train": to_t(x[:n_train]),
        "y_train": torch.from_numpy(y[:n_train]),
        "x_test": to_t(x[n_train:]),
        "y_test": torch.from_numpy(y[n_train:]),
        "x_shift_train": to_t(mirrored[:n_train]),
        "x_shift_test": to_t(mirrored[n_train:]),
    }


def make_base_model(seed: int = 0) -> nn.Sequential:
    torch.manual_seed(seed)
    return nn.Sequential(
        nn.Linear(64, 128), nn.ReLU(),
        nn.Linear(128, 64), nn.ReLU(),
        nn.Linear(64, 10),
    )


def train(model: nn.Module, x: torch.Tensor, y: torch.Tensor, steps: int = 300, lr: float = 1e-2) -> List[float]:
    """Full-batch Adam on the parameters that require grad; returns the loss history."""
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.Adam(params, lr=lr)
    losses = []
    model.train()
    for _ in range(steps):
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    model.eval()
    return losses


@torch.no_grad()
def accuracy(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    model.eval()
    return (model(x).argmax(dim=1) == y).float().mean().item()


@torch.no_grad()
def loss_on(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    model.eval()
    return F.cross_entropy(model(x), y).item()


def pretrain_base_model(data: Dict[str, torch.Tensor], seed: int = 0) -> nn.Module:
    model = make_base_model(seed)
    train(model, data["x_train"], data["y_train"], steps=300, lr=1e-2)
    return model


def finetune_with_lora(
    base_model: nn.Module,
    x: torch.Tensor,
    y: torch.Tensor,
    r: int = 4,
    alpha: float = 8.0,
    steps: int = 300,
    lr: float = 1e-2,
    seed: int = 0,
) -> Tuple[nn.Module, List[float]]:
    """Copy ``base_model``, inject LoRA adapters, train only them; return (model, losses).

    The original base model must not change: adapters are cheap to store per task exactly
    because the big shared weights are never touched.
    """
    torch.manual_seed(seed)  # makes the random A matrices reproducible
    # TODO 9: deep-copy base_model (copy.deepcopy), inject adapters, train the copy with
    #         train(...) and return (model, losses).
    raise NotImplementedError("TODO 9: finetune_with_lora")


if __name__ == "__main__":
    torch.set_num_threads(1)
    data = load_digit_tasks()
    base = pretrain_base_model(data)
    print(f"base model: original task {accuracy(base, data['x_test'], data['y_test']):.3f}, "
          f"mirrored task {accuracy(base, data['x_shift_test'], data['y_test']):.3f}")
    tuned, _ = finetune_with_lora(base, data["x_shift_train"], data["y_train"])
    total = sum(p.numel() for p in tuned.parameters())
    print(f"LoRA: mirrored task {accuracy(tuned, data['x_shift_test'], data['y_test']):.3f}, "
          f"trainable {count_trainable_parameters(tuned)} of {total} parameters")
