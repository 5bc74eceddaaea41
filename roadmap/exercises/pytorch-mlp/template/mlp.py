"""A PyTorch MLP classifier with BatchNorm, Dropout and optimizer switches.

Fill in every ``TODO`` below, then run the tests:  python3 -m pytest -q

Offline by default on scikit-learn's bundled 8x8 digits. The roadmap project datasets,
MNIST and CIFAR-10, are one flag away (they need torchvision and a download):

    python3 mlp.py                                   # digits, offline, a few seconds
    python3 mlp.py --batch-norm --dropout 0.2 --optimizer sgd
    python3 mlp.py --dataset mnist --epochs 10       # needs torchvision + network
    python3 mlp.py --dataset cifar10 --hidden 512 256 --epochs 20

Every run writes ``history.csv`` (one row per epoch) to ``--out`` and, when matplotlib
is installed, ``training_curves.png``.
"""
from __future__ import annotations

import argparse
import csv
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F

OPTIMIZERS = ("sgd", "adam", "rmsprop")
DEFAULT_LR = {"sgd": 0.05, "adam": 1e-3, "rmsprop": 1e-3}
HISTORY_FIELDS = ("epoch", "train_loss", "train_acc", "test_loss", "test_acc")

# (X_train, y_train, X_test, y_test, n_classes); X is (n, features) float32, y is (n,) int64.
Data = Tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor, int]


# ---------------------------------------------------------------------------
# Data (given)
# ---------------------------------------------------------------------------
def _standardize(X_train: torch.Tensor, X_test: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
    """Shift and scale all pixels by the training set's mean and standard deviation.

    One global mean/std (like ``torchvision.transforms.Normalize`` for one channel) rather
    than per-pixel statistics: border pixels that are always 0 in training would otherwise
    get a near-zero std and blow up the rare test image that uses them.
    """
    mean, std = X_train.mean(), X_train.std()
    return (X_train - mean) / std, (X_test - mean) / std


def load_data(dataset: str = "digits", data_dir: str = "./data", test_size: float = 0.2, seed: int = 0) -> Data:
    """Load a dataset as flat, standardised tensors.

    ``digits`` (default) uses scikit-learn's bundled 8x8 images: 64 features, no network.
    ``mnist`` (784 features) and ``cifar10`` (3072 features) use torchvision, which is
    imported only here and downloads the data into ``data_dir`` on first use.
    """
    if dataset == "digits":
        from sklearn.datasets import load_digits
        from sklearn.model_selection import train_test_split

        digits = load_digits()
        X_tr, X_te, y_tr, y_te = train_test_split(
            digits.data, digits.target, test_size=test_size, random_state=seed, stratify=digits.target
        )
        X_tr, X_te = torch.tensor(X_tr, dtype=torch.float32), torch.tensor(X_te, dtype=torch.float32)
        y_tr, y_te = torch.tensor(y_tr, dtype=torch.long), torch.tensor(y_te, dtype=torch.long)
    elif dataset in ("mnist", "cifar10"):
        import torchvision  # lazy: only needed for the online datasets

        cls = torchvision.datasets.MNIST if dataset == "mnist" else torchvision.datasets.CIFAR10
        train_set = cls(data_dir, train=True, download=True)
        test_set = cls(data_dir, train=False, download=True)

        def to_tensors(ds) -> Tuple[torch.Tensor, torch.Tensor]:
            images = torch.as_tensor(ds.data)  # MNIST: (n, 28, 28) uint8; CIFAR: (n, 32, 32, 3)
            X = images.reshape(len(images), -1).float() / 255.0
            return X, torch.as_tensor(ds.targets, dtype=torch.long)

        X_tr, y_tr = to_tensors(train_set)
        X_te, y_te = to_tensors(test_set)
    else:
        raise ValueError(f"unknown dataset {dataset!r}; use digits, mnist or cifar10")
    X_tr, X_te = _standardize(X_tr, X_te)
    return X_tr, y_tr, X_te, y_te, int(torch.max(y_tr).item()) + 1


# ---------------------------------------------------------------------------
# 1. The model
# ---------------------------------------------------------------------------
def build_mlp(
    in_features: int,
    hidden_sizes: Sequence[int] = (128, 64),
    n_classes: int = 10,
    batch_norm: bool = False,
    dropout: float = 0.0,
) -> nn.Sequential:
    """An MLP: for each hidden size, Linear -> [BatchNorm1d] -> ReLU -> [Dropout], then a
    final Linear to ``n_classes`` logits (no softmax: ``F.cross_entropy`` applies log-softmax).

    BatchNorm normalises each unit's pre-activation over the batch, which keeps the scale of
    activations stable and allows larger learning rates. Dropout zeroes a random fraction of
    activations during training only, a cheap regulariser.
    """
    layers: List[nn.Module] = []
    width = in_features
    # TODO: for each hidden size append nn.Linear(width, hidden), then nn.BatchNorm1d(hidden)
    #       if batch_norm, then nn.ReLU(), then nn.Dropout(dropout) if dropout > 0; update width.
    # TODO: append the output nn.Linear(width, n_classes) and return nn.Sequential(*layers).
    raise NotImplementedError("TODO: build_mlp")


# ---------------------------------------------------------------------------
# 2. The optimizer switch
# ---------------------------------------------------------------------------
def make_optimizer(
    name: str, params: Iterable[nn.Parameter], lr: Optional[float] = None, weight_decay: float = 0.0
) -> torch.optim.Optimizer:
    """``sgd`` (with momentum 0.9), ``adam`` or ``rmsprop``; ``lr=None`` picks a sensible default."""
    # TODO: lower-case the name; raise ValueError if it is not in OPTIMIZERS; use
    #       DEFAULT_LR[name] when lr is None; return torch.optim.SGD (momentum=0.9),
    #       torch.optim.Adam or torch.optim.RMSprop, passing weight_decay through.
    raise NotImplementedError("TODO: make_optimizer")


# ---------------------------------------------------------------------------
# 3. Training and evaluation
# ---------------------------------------------------------------------------
def _has_batch_norm(model: nn.Module) -> bool:
    return any(isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)) for m in model.modules())


def train_one_epoch(
    model: nn.Module,
    X: torch.Tensor,
    y: torch.Tensor,
    optimizer: torch.optim.Optimizer,
    batch_size: int = 64,
    generator: Optional[torch.Generator] = None,
) -> float:
    """One pass over shuffled mini-batches; returns the mean training loss (per sample)."""
    skip_singletons = _has_batch_norm(model)
    # TODO: put the model in training mode (evaluate() leaves it in eval mode after every
    #       epoch), and draw a fresh random order of the sample indices from `generator`.
    # TODO: walk over that order in slices of batch_size (skip a 1-sample batch when
    #       skip_singletons is True). For each batch: logits, F.cross_entropy,
    #       optimizer.zero_grad(), loss.backward(), optimizer.step(). Accumulate
    #       loss.item() * batch length and return the total divided by len(X).
    raise NotImplementedError("TODO: train_one_epoch")


@torch.no_grad()
def evaluate(model: nn.Module, X: torch.Tensor, y: torch.Tensor) -> Tuple[float, float]:
    """``(mean loss, accuracy)`` in eval mode (running BatchNorm statistics, no Dropout)."""
    # TODO: model.eval(), logits for all of X, return (cross-entropy as a float,
    #       fraction of argmax predictions equal to y as a float).
    raise NotImplementedError("TODO: evaluate")


def train(
    model: nn.Module,
    data: Data,
    optimizer_name: str = "adam",
    lr: Optional[float] = None,
    epochs: int = 20,
    batch_size: int = 64,
    weight_decay: float = 0.0,
    seed: int = 0,
) -> List[Dict[str, float]]:
    """Train ``model`` and return the history: one dict per epoch with HISTORY_FIELDS."""
    torch.manual_seed(seed)  # Dropout masks
    generator = torch.Generator().manual_seed(seed)  # batch order
    X_train, y_train, X_test, y_test, _ = data
    # TODO: make the optimizer; for epoch in 1..epochs: train_one_epoch, then evaluate on
    #       the training and the test set, and append a dict with the HISTORY_FIELDS keys
    #       ("epoch", "train_loss", "train_acc", "test_loss", "test_acc"). Return the list.
    raise NotImplementedError("TODO: train")


# ---------------------------------------------------------------------------
# 4. Saving the training history
# ---------------------------------------------------------------------------
def save_history(history: List[Dict[str, float]], out_dir: str | Path) -> List[Path]:
    """Write ``history.csv`` (always) and ``training_curves.png`` (only if matplotlib is
    installed) into ``out_dir``; return the paths written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    # TODO: write out / "history.csv" with csv.DictWriter(fieldnames=HISTORY_FIELDS),
    #       one row per epoch.
    # TODO: then try to import matplotlib (call matplotlib.use("Agg") before importing
    #       pyplot); on ImportError return just the CSV path. Otherwise plot loss and
    #       accuracy per epoch for train and test, save out / "training_curves.png",
    #       close the figure and return both paths.
    raise NotImplementedError("TODO: save_history")


# ---------------------------------------------------------------------------
# Command line (given)
# ---------------------------------------------------------------------------
def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Train an MLP classifier.")
    parser.add_argument("--dataset", choices=("digits", "mnist", "cifar10"), default="digits")
    parser.add_argument("--data-dir", default="./data", help="download folder for mnist/cifar10")
    parser.add_argument("--hidden", type=int, nargs="+", default=[128, 64], help="hidden layer sizes")
    parser.add_argument("--batch-norm", action="store_true")
    parser.add_argument("--dropout", type=float, default=0.0)
    parser.add_argument("--optimizer", choices=OPTIMIZERS, default="adam")
    parser.add_argument("--lr", type=float, default=None)
    parser.add_argument("--weight-decay", type=float, default=0.0)
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default="runs/mlp", help="folder for history.csv and the plot")
    return parser.parse_args(argv)


def main(argv: Optional[Sequence[str]] = None) -> List[Dict[str, float]]:
    args = parse_args(argv)
    torch.manual_seed(args.seed)
    data = load_data(args.dataset, args.data_dir, seed=args.seed)
    model = build_mlp(data[0].shape[1], args.hidden, data[4], args.batch_norm, args.dropout)
    history = train(model, data, args.optimizer, args.lr, args.epochs, args.batch_size, args.weight_decay, args.seed)
    for row in history:
        print(
            f"epoch {row['epoch']:3d}  train loss {row['train_loss']:.4f} acc {row['train_acc']:.3f}"
            f"  test loss {row['test_loss']:.4f} acc {row['test_acc']:.3f}"
        )
    for path in save_history(history, args.out):
        print(f"wrote {path}")
    return history


if __name__ == "__main__":
    main()
