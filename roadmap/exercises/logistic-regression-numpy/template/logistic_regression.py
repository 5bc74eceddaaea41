"""Logistic regression from scratch with NumPy.

Fill in every ``TODO`` below, then run the tests:  python3 -m pytest -q
Use NumPy only: the tests re-import this file with scipy and scikit-learn unavailable.

Model:      p(y = 1 | x) = sigmoid(x . w + b)
Loss:       mean binary cross-entropy  L = -mean(y log p + (1 - y) log(1 - p))
Gradient:   dL/dw = X^T (p - y) / n,   dL/db = mean(p - y)
Training:   batch gradient descent, w <- w - lr * dL/dw

Run this file to train on a generated 2-D data set and print the accuracy:

    python3 logistic_regression.py
"""
from __future__ import annotations

from typing import List, Tuple

import numpy as np


# ---------------------------------------------------------------------------
# Data (given): two overlapping Gaussian blobs in 2-D.
# ---------------------------------------------------------------------------
def make_data(n_samples: int = 400, seed: int = 0) -> Tuple[np.ndarray, np.ndarray]:
    """Return ``X`` of shape (n_samples, 2) and labels ``y`` in {0, 1} of shape (n_samples,).

    Class 0 is centred at (-1.5, -1), class 1 at (1.5, 1); both have unit variance, so
    the classes are linearly separable except for a small overlap.
    """
    rng = np.random.default_rng(seed)
    n0 = n_samples // 2
    n1 = n_samples - n0
    x0 = rng.normal(loc=(-1.5, -1.0), scale=1.0, size=(n0, 2))
    x1 = rng.normal(loc=(1.5, 1.0), scale=1.0, size=(n1, 2))
    X = np.vstack([x0, x1])
    y = np.concatenate([np.zeros(n0), np.ones(n1)])
    order = rng.permutation(n_samples)
    return X[order], y[order]


def train_test_split(
    X: np.ndarray, y: np.ndarray, test_fraction: float = 0.25, seed: int = 0
) -> Tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Shuffle and split into (X_train, X_test, y_train, y_test)."""
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(X))
    n_test = int(round(len(X) * test_fraction))
    test, train = order[:n_test], order[n_test:]
    return X[train], X[test], y[train], y[test]


# ---------------------------------------------------------------------------
# 1. A numerically stable sigmoid
# ---------------------------------------------------------------------------
def sigmoid(z: np.ndarray) -> np.ndarray:
    """Elementwise 1 / (1 + exp(-z)) that never overflows.

    ``exp(-z)`` overflows for z << 0 (e.g. z = -1000). Both branches below only ever
    exponentiate a non-positive number, ``exp(-|z|)``, which lies in (0, 1]:

        z >= 0:  1 / (1 + e^{-z})
        z <  0:  e^{z} / (1 + e^{z})     (the same value, multiplied through by e^{z})
    """
    # TODO: compute exp(-|z|) once and combine it differently for z >= 0 and z < 0
    #       (np.where), so that exp never receives a large positive number.
    raise NotImplementedError("TODO: sigmoid")


# ---------------------------------------------------------------------------
# 2. Binary cross-entropy
# ---------------------------------------------------------------------------
def binary_cross_entropy(y_true: np.ndarray, p: np.ndarray, eps: float = 1e-12) -> float:
    """Mean of -[y log p + (1 - y) log(1 - p)].

    Probabilities are clipped to [eps, 1 - eps] so that a confident wrong prediction
    gives a large but finite loss instead of log(0) = -inf.
    """
    # TODO: clip p to [eps, 1 - eps], then return the mean negative log-likelihood as a float.
    raise NotImplementedError("TODO: binary_cross_entropy")


# ---------------------------------------------------------------------------
# 3. Loss and its analytic gradient
# ---------------------------------------------------------------------------
def loss_and_gradients(
    w: np.ndarray, b: float, X: np.ndarray, y: np.ndarray
) -> Tuple[float, np.ndarray, float]:
    """Return ``(loss, dL/dw, dL/db)`` for the mean binary cross-entropy.

    The chain rule through sigmoid and log collapses to a famously simple form:
    dL/dz_i = (p_i - y_i) / n, so dL/dw = X^T (p - y) / n and dL/db = mean(p - y).
    """
    # TODO: forward pass p = sigmoid(X w + b), the loss, then the two gradients.
    raise NotImplementedError("TODO: loss_and_gradients")


# ---------------------------------------------------------------------------
# 4. The model: fit with batch gradient descent, then predict
# ---------------------------------------------------------------------------
class LogisticRegression:
    """Binary logistic regression trained with full-batch gradient descent.

    After ``fit``: ``w_`` (d,), ``b_`` (float) and ``loss_history_`` (one loss per epoch,
    measured before that epoch's update, plus the final loss) are set.
    """

    def __init__(self, lr: float = 0.1, n_epochs: int = 500) -> None:
        self.lr = lr
        self.n_epochs = n_epochs
        self.w_: np.ndarray | None = None
        self.b_: float = 0.0
        self.loss_history_: List[float] = []

    def fit(self, X: np.ndarray, y: np.ndarray) -> "LogisticRegression":
        X = np.asarray(X, dtype=float)
        y = np.asarray(y, dtype=float)
        # TODO: initialise w_ to zeros (one weight per feature) and b_ to 0.0, reset
        #       loss_history_, then repeat n_epochs times:
        #         loss, grad_w, grad_b = loss_and_gradients(...); record the loss;
        #         step w_ and b_ against their gradients (scaled by lr).
        #       Finally record the loss after the last update and return self.
        raise NotImplementedError("TODO: LogisticRegression.fit")

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """p(y = 1 | x) for each row of ``X``, shape (n,)."""
        if self.w_ is None:
            raise RuntimeError("call fit() before predict_proba()")
        # TODO: sigmoid of the linear score X w_ + b_.
        raise NotImplementedError("TODO: LogisticRegression.predict_proba")

    def predict(self, X: np.ndarray, threshold: float = 0.5) -> np.ndarray:
        """Hard labels in {0, 1} (integers), shape (n,)."""
        # TODO: threshold the probabilities and return integer labels 0/1.
        raise NotImplementedError("TODO: LogisticRegression.predict")


def accuracy(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """Fraction of predictions equal to the labels."""
    return float(np.mean(np.asarray(y_true) == np.asarray(y_pred)))


if __name__ == "__main__":
    X, y = make_data()
    X_train, X_test, y_train, y_test = train_test_split(X, y)
    model = LogisticRegression(lr=0.1, n_epochs=500).fit(X_train, y_train)
    print(f"loss: {model.loss_history_[0]:.4f} -> {model.loss_history_[-1]:.4f}")
    print(f"w = {model.w_}, b = {model.b_:.4f}")
    print(f"test accuracy: {accuracy(y_test, model.predict(X_test)):.3f}")
