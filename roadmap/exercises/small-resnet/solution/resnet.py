"""A small ResNet for image classification (reference solution).

The building block of a ResNet (He et al., 2015) learns a *residual* F(x) and adds it to a
shortcut of its input:

    out = ReLU( F(x) + shortcut(x) ),   F = conv3x3 -> BN -> ReLU -> conv3x3 -> BN

The shortcut is the identity when shapes match, and a 1x1 convolution (+ BN) with the same
stride when the block changes the number of channels or halves the resolution.

The network is trained offline on scikit-learn's 8x8 digits, treated as 1x8x8 images:

    stem (conv3x3, 16) -> stage 1 (16 ch, 8x8) -> stage 2 (32 ch, 4x4) -> global avg pool -> linear

    python3 resnet.py
"""
from __future__ import annotations

from typing import Dict, List, Sequence, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F

# (X_train, y_train, X_test, y_test); X is (n, 1, 8, 8) float32, y is (n,) int64.
Data = Tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]


# ---------------------------------------------------------------------------
# Data and helpers (load_digit_images and conv3x3 are given)
# ---------------------------------------------------------------------------
def load_digit_images(test_size: float = 0.25, seed: int = 0) -> Data:
    """scikit-learn's bundled digits as standardised 1x8x8 images, split and stratified."""
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    digits = load_digits()
    X_tr, X_te, y_tr, y_te = train_test_split(
        digits.images, digits.target, test_size=test_size, random_state=seed, stratify=digits.target
    )
    X_tr = torch.tensor(X_tr, dtype=torch.float32).unsqueeze(1)  # (n, 1, 8, 8)
    X_te = torch.tensor(X_te, dtype=torch.float32).unsqueeze(1)
    mean, std = X_tr.mean(), X_tr.std()
    return (X_tr - mean) / std, torch.tensor(y_tr), (X_te - mean) / std, torch.tensor(y_te)


def conv3x3(in_channels: int, out_channels: int, stride: int = 1) -> nn.Conv2d:
    """3x3 convolution with padding 1. No bias: the BatchNorm that follows has its own shift."""
    return nn.Conv2d(in_channels, out_channels, kernel_size=3, stride=stride, padding=1, bias=False)


def count_parameters(model: nn.Module) -> int:
    """Number of trainable scalars in ``model``."""
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


# ---------------------------------------------------------------------------
# 1. The residual block
# ---------------------------------------------------------------------------
class BasicBlock(nn.Module):
    """Two 3x3 convolutions with BatchNorm, plus a shortcut connection.

    ``stride=2`` halves the height and width (in the first convolution). The shortcut is
    ``nn.Identity()`` when input and output shapes agree, otherwise a projection:
    ``Sequential(Conv2d(in, out, 1, stride, bias=False), BatchNorm2d(out))``.
    """

    def __init__(self, in_channels: int, out_channels: int, stride: int = 1) -> None:
        super().__init__()
        # Residual branch F(x)
        self.conv1 = conv3x3(in_channels, out_channels, stride)
        self.bn1 = nn.BatchNorm2d(out_channels)
        self.conv2 = conv3x3(out_channels, out_channels)
        self.bn2 = nn.BatchNorm2d(out_channels)
        # Shortcut: free when shapes match, a cheap 1x1 projection when they do not.
        if stride != 1 or in_channels != out_channels:
            self.shortcut: nn.Module = nn.Sequential(
                nn.Conv2d(in_channels, out_channels, kernel_size=1, stride=stride, bias=False),
                nn.BatchNorm2d(out_channels),
            )
        else:
            self.shortcut = nn.Identity()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return F.relu(out + self.shortcut(x))

    def zero_init_residual(self) -> None:
        """Set the last BN scale to zero, so F(x) = 0 and the block starts as ReLU(shortcut(x)).

        A deep ResNet initialised like this behaves like a shallow one at the start of
        training, which makes optimisation easier (Goyal et al., 2017).
        """
        nn.init.zeros_(self.bn2.weight)


# ---------------------------------------------------------------------------
# 2. The network
# ---------------------------------------------------------------------------
class SmallResNet(nn.Module):
    """stem -> stages of BasicBlocks -> global average pooling -> linear classifier.

    Stage ``i`` has ``widths[i]`` channels and ``blocks_per_stage`` blocks. Every stage after
    the first starts with a stride-2 block (half the resolution, more channels).
    """

    def __init__(
        self,
        in_channels: int = 1,
        num_classes: int = 10,
        widths: Sequence[int] = (16, 32),
        blocks_per_stage: int = 1,
        zero_init_residual: bool = False,
    ) -> None:
        super().__init__()
        self.stem = nn.Sequential(conv3x3(in_channels, widths[0]), nn.BatchNorm2d(widths[0]), nn.ReLU())
        stages: List[nn.Module] = []
        channels = widths[0]
        for i, width in enumerate(widths):
            blocks = [BasicBlock(channels, width, stride=1 if i == 0 else 2)]
            blocks += [BasicBlock(width, width) for _ in range(blocks_per_stage - 1)]
            stages.append(nn.Sequential(*blocks))
            channels = width
        self.stages = nn.Sequential(*stages)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(channels, num_classes)

        # He initialisation for convolutions, as in the paper and in torchvision.
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
        if zero_init_residual:
            for m in self.modules():
                if isinstance(m, BasicBlock):
                    m.zero_init_residual()

    def forward_features(self, x: torch.Tensor) -> torch.Tensor:
        """Feature map before pooling: (batch, widths[-1], H', W')."""
        return self.stages(self.stem(x))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        features = self.pool(self.forward_features(x)).flatten(1)  # (batch, channels)
        return self.fc(features)  # logits


# ---------------------------------------------------------------------------
# 3. Training and evaluation
# ---------------------------------------------------------------------------
@torch.no_grad()
def evaluate(model: nn.Module, X: torch.Tensor, y: torch.Tensor) -> float:
    """Accuracy in eval mode (BatchNorm uses its running statistics)."""
    model.eval()
    return (model(X).argmax(dim=1) == y).float().mean().item()


def train_model(
    model: nn.Module,
    data: Data,
    epochs: int = 8,
    lr: float = 3e-3,
    batch_size: int = 64,
    weight_decay: float = 1e-4,
    seed: int = 0,
) -> List[Dict[str, float]]:
    """Adam on shuffled mini-batches; returns one ``{"epoch", "train_loss", "test_acc"}`` per epoch."""
    X_train, y_train, X_test, y_test = data
    generator = torch.Generator().manual_seed(seed)
    optimizer = torch.optim.Adam(model.parameters(), lr=lr, weight_decay=weight_decay)
    history = []
    for epoch in range(1, epochs + 1):
        model.train()
        order = torch.randperm(len(X_train), generator=generator)
        total = 0.0
        for start in range(0, len(order), batch_size):
            idx = order[start : start + batch_size]
            if len(idx) < 2:
                continue  # BatchNorm needs more than one sample
            loss = F.cross_entropy(model(X_train[idx]), y_train[idx])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(idx)
        history.append({"epoch": epoch, "train_loss": total / len(X_train), "test_acc": evaluate(model, X_test, y_test)})
    return history


if __name__ == "__main__":
    torch.manual_seed(0)
    torch.set_num_threads(2)
    data = load_digit_images()
    model = SmallResNet()
    print(f"{count_parameters(model):,} trainable parameters")
    for row in train_model(model, data):
        print(f"epoch {row['epoch']:2d}  train loss {row['train_loss']:.4f}  test acc {row['test_acc']:.3f}")
