"""Softmax regression with a hand-written backward pass.

Fill in every ``TODO`` below, then run the tests:  python3 -m pytest -q
Use NumPy only: the tests re-import this file with scipy and scikit-learn unavailable
(only the given load_data uses scikit-learn, and it imports it inside the function).

Model:     scores Z = X W + b           X: (n, d), W: (d, k), b: (k,)
           probabilities P = softmax(Z)  row-wise, each row sums to 1
Loss:      L = mean_i -log P[i, y_i]  +  (reg / 2) * sum(W ** 2)
Backward:  dL/dZ = (P - Y) / n          Y is the one-hot encoding of y
           dL/dW = X^T dL/dZ + reg * W,  dL/db = sum over rows of dL/dZ

The gradient is checked against central finite differences, then the model is trained
with batch gradient descent on scikit-learn's bundled 8x8 digits (no download).

    python3 softmax_regression.py
"""
from __future__ import annotations

from typing import Callable, Dict, List, Tuple

import numpy as np


# ---------------------------------------------------------------------------
# Data (given): sklearn's bundled digits, pixels scaled to [0, 1].
# ---------------------------------------------------------------------------
def load_data(test_size: float = 0.25, seed: int = 0):
    """Return ``X_train, X_test, y_train, y_test`` for the 8x8 digits (64 features, 10 classes)."""
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    digits = load_digits()
    X = digits.data.astype(np.float64) / 16.0  # pixel intensities are 0..16
    y = digits.target.astype(np.int64)
    return train_test_split(X, y, test_size=test_size, random_state=seed, stratify=y)


def one_hot(y: np.ndarray, n_classes: int) -> np.ndarray:
    """(n,) integer labels -> (n, n_classes) matrix with a single 1 per row."""
    Y = np.zeros((len(y), n_classes))
    Y[np.arange(len(y)), y] = 1.0
    return Y


# ---------------------------------------------------------------------------
# 1. A numerically stable softmax
# ---------------------------------------------------------------------------
def softmax(Z: np.ndarray) -> np.ndarray:
    """Row-wise softmax of a (n, k) score matrix.

    softmax is unchanged when a constant is subtracted from a row, so we subtract each
    row's maximum first: the largest exponent becomes exp(0) = 1, nothing overflows, and
    the denominator is at least 1.
    """
    # TODO: subtract each row's max (keepdims=True), exponentiate, divide by the row sums.
    raise NotImplementedError("TODO: softmax")


# ---------------------------------------------------------------------------
# 2. Cross-entropy
# ---------------------------------------------------------------------------
def cross_entropy(P: np.ndarray, y: np.ndarray, eps: float = 1e-12) -> float:
    """Mean negative log-probability of the correct class: mean_i -log P[i, y_i]."""
    # TODO: pick P[i, y_i] for every row (fancy indexing with np.arange(len(y))),
    #       clip it away from 0 with eps, and return the mean of -log as a float.
    raise NotImplementedError("TODO: cross_entropy")


# ---------------------------------------------------------------------------
# 3. Forward and backward pass
# ---------------------------------------------------------------------------
def loss_and_gradients(
    W: np.ndarray, b: np.ndarray, X: np.ndarray, y: np.ndarray, reg: float = 0.0
) -> Tuple[float, np.ndarray, np.ndarray]:
    """Return ``(loss, dW, db)`` for softmax regression with L2 penalty ``reg / 2 * ||W||^2``."""
    # TODO: forward: Z = X W + b, P = softmax(Z), loss = cross-entropy + (reg / 2) * sum(W**2)
    # TODO: backward: dZ = (P - one_hot(y, k)) / n, then dW and db (remember the reg term).
    raise NotImplementedError("TODO: loss_and_gradients")


# ---------------------------------------------------------------------------
# 4. Numerical gradient and gradient check
# ---------------------------------------------------------------------------
def numerical_gradient(f: Callable[[], float], param: np.ndarray, eps: float = 1e-5) -> np.ndarray:
    """Central-difference estimate of d f / d param.

    ``f`` takes no arguments and reads ``param`` (an array it closes over), so we nudge
    each entry in place, evaluate, and restore it: (f(p + eps) - f(p - eps)) / (2 eps).
    """
    # TODO: for every index of param (np.nditer with flags=["multi_index"], or a flat view):
    #       save the value, set it to value + eps and call f(), set it to value - eps and
    #       call f(), restore the value, and store (f_plus - f_minus) / (2 * eps).
    raise NotImplementedError("TODO: numerical_gradient")


def relative_error(a: np.ndarray, b: np.ndarray) -> float:
    """max |a - b| / max(|a| + |b|), guarded against division by zero."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return float(np.max(np.abs(a - b)) / max(1e-12, np.max(np.abs(a) + np.abs(b))))


def gradient_check(
    W: np.ndarray, b: np.ndarray, X: np.ndarray, y: np.ndarray, reg: float = 0.0
) -> Dict[str, float]:
    """Relative error between analytic and numerical gradients for W and b."""
    # TODO: get dW, db from loss_and_gradients; copy W and b; define f() that returns the
    #       loss using those copies; compare with numerical_gradient(f, W_copy) and
    #       numerical_gradient(f, b_copy) using relative_error.
    #       Return {"W": error_for_W, "b": error_for_b}.
    raise NotImplementedError("TODO: gradient_check")


# ---------------------------------------------------------------------------
# 5. Training and prediction
# ---------------------------------------------------------------------------
def train(
    X: np.ndarray,
    y: np.ndarray,
    n_classes: int,
    lr: float = 0.5,
    n_epochs: int = 300,
    reg: float = 1e-4,
    seed: int = 0,
) -> Tuple[np.ndarray, np.ndarray, List[float]]:
    """Full-batch gradient descent. Returns ``(W, b, loss_history)``.

    W starts with small random values (scale 0.01) and b with zeros; ``loss_history``
    holds the loss before each of the ``n_epochs`` updates.
    """
    rng = np.random.default_rng(seed)
    # TODO: W = 0.01 * rng.standard_normal((n_features, n_classes)), b = zeros(n_classes);
    #       for each epoch: compute loss and gradients, append the loss, take a step.
    raise NotImplementedError("TODO: train")


def predict_proba(X: np.ndarray, W: np.ndarray, b: np.ndarray) -> np.ndarray:
    """(n, k) class probabilities."""
    raise NotImplementedError("TODO: predict_proba")


def predict(X: np.ndarray, W: np.ndarray, b: np.ndarray) -> np.ndarray:
    """(n,) most probable class per row."""
    raise NotImplementedError("TODO: predict")


if __name__ == "__main__":
    X_train, X_test, y_train, y_test = load_data()
    rng = np.random.default_rng(0)
    W0, b0 = 0.01 * rng.standard_normal((64, 10)), np.zeros(10)
    print("gradient check:", gradient_check(W0, b0, X_train[:20], y_train[:20], reg=0.1))
    W, b, history = train(X_train, y_train, n_classes=10)
    print(f"loss: {history[0]:.4f} -> {history[-1]:.4f}")
    print(f"test accuracy: {np.mean(predict(X_test, W, b) == y_test):.3f}")
