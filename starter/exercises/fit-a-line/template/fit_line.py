"""Least squares for a line y = w * x + b, by gradient descent."""


def mse(w, b, xs, ys):
    """The mean squared error of the line over the points."""
    raise NotImplementedError


def gradients(w, b, xs, ys):
    """The partial derivatives (dL/dw, dL/db) of the mean squared error."""
    raise NotImplementedError


def fit(xs, ys, lr=0.02, steps=2000):
    """Gradient descent from w = b = 0; returns (w, b)."""
    raise NotImplementedError
