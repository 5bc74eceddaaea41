"""A PyTorch MLP classifier with BatchNorm, Dropout and optimizer switches (reference solution).

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
    for hidden in hidden_sizes:
        layers.append(nn.Linear(width, hidden))
        if batch_norm:
            layers.append(nn.BatchNorm1d(hidden))
        layers.append(nn.ReLU())
        if dropout > 0:
            layers.append(nn.Dropout(p=dropout))
        width = hidden
    layers.append(nn.Linear(width, n_classes))
    return nn.Sequential(*layers)


# ---------------------------------------------------------------------------
# 2. The optimizer switch
# ---------------------------------------------------------------------------
def make_optimizer(
    name: str, params: Iterable[nn.Parameter], lr: Optional[float] = None, weight_decay: float = 0.0
) -> torch.optim.Optimizer:
    """``sgd`` (with momentum 0.9), ``adam`` or ``rmsprop``; ``lr=None`` picks a sensible default."""
    name = name.lower()
    if name not in OPTIMIZERS:
        raise ValueError(f"unknown optimizer {name!r}; choose from {OPTIMIZERS}")
    lr = DEFAULT_LR[name] if lr is None else lr
    if name == "sgd":
        return torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=weight_decay)
    if name == "adam":
        return torch.optim.Adam(params, lr=lr, weight_decay=weight_decay)
    return torch.optim.RMSprop(params, lr=lr, weight_decay=weight_decay)


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
    model.train()  # BatchNorm uses batch statistics, Dropout is active
    order = torch.randperm(len(X), generator=generator)
    skip_singletons = _has_batch_norm(model)
    total = 0.0
    for start in range(0, len(X), batch_size):
        idx = order[start : start + batch_size]
        if skip_singletons and len(idx) < 2:
            continue  # BatchNorm cannot compute batch statistics from one sample
        logits = model(X[idx])
        loss = F.cross_entropy(logits, y[idx])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item() * len(idx)
    return total / len(X)


@torch.no_grad()
def evaluate(model: nn.Module, X: torch.Tensor, y: torch.Tensor) -> Tuple[float, float]:
    """``(mean loss, accuracy)`` in eval mode (running BatchNorm statistics, no Dropout)."""
    model.eval()
    logits = model(X)
    loss = F.cross_entropy(logits, y).item()
    accuracy = (logits.argmax(dim=1) == y).float().mean().item()
    return loss, accuracy


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
    optimizer = make_optimizer(optimizer_name, model.parameters(), lr, weight_decay)
    history = []
    for epoch in range(1, epochs + 1):
        train_one_epoch(model, X_train, y_train, optimizer, batch_size, generator)
        # Re-measure the training set in eval mode, so train and test numbers are comparable.
        train_loss, train_acc = evaluate(model, X_train, y_train)
        test_loss, test_acc = evaluate(model, X_test, y_test)
        history.append(
            {"epoch": epoch, "train_loss": train_loss, "train_acc": train_acc, "test_loss": test_loss, "test_acc": test_acc}
        )
    return history


# ---------------------------------------------------------------------------
# 4. Saving the training history
# ---------------------------------------------------------------------------
def save_history(history: List[Dict[str, float]], out_dir: str | Path) -> List[Path]:
    """Write ``history.csv`` (always) and ``training_curves.png`` (only if matplotlib is
    installed) into ``out_dir``; return the paths written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    csv_path = out / "history.csv"
    with csv_path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=HISTORY_FIELDS)
        writer.writeheader()
        for row in history:
            writer.writerow({k: row[k] for k in HISTORY_FIELDS})
    written = [csv_path]

    try:
        import matplotlib

        matplotlib.use("Agg")  # no display needed
        import matplotlib.pyplot as plt
    except ImportError:
        return written  # plotting is optional; the CSV has the same information

    epochs = [row["epoch"] for row in history]
    fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(10, 4))
    for split in ("train", "test"):
        ax_loss.plot(epochs, [row[f"{split}_loss"] for row in history], label=split)
        ax_acc.plot(epochs, [row[f"{split}_acc"] for row in history], label=split)
    ax_loss.set(xlabel="epoch", ylabel="cross-entropy", title="loss")
    ax_acc.set(xlabel="epoch", ylabel="accuracy", title="accuracy")
    ax_loss.legend()
    ax_acc.legend()
    fig.tight_layout()
    png_path = out / "training_curves.png"
    fig.savefig(png_path)
    plt.close(fig)
    written.append(png_path)
    return written


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
