"""Least squares for a line y = w * x + b, by gradient descent."""


def mse(w, b, xs, ys):
    """The mean squared error of the line over the points."""
    return sum((w * x + b - y) ** 2 for x, y in zip(xs, ys)) / len(xs)


def gradients(w, b, xs, ys):
    """The partial derivatives (dL/dw, dL/db) of the mean squared error."""
    n = len(xs)
    errors = [w * x + b - y for x, y in zip(xs, ys)]
    dw = 2 / n * sum(e * x for e, x in zip(errors, xs))
    db = 2 / n * sum(errors)
    return dw, db


def fit(xs, ys, lr=0.02, steps=2000):
    """Gradient descent from w = b = 0; returns (w, b)."""
    w, b = 0.0, 0.0
    for _ in range(steps):
        dw, db = gradients(w, b, xs, ys)
        w -= lr * dw
        b -= lr * db
    return w, b
