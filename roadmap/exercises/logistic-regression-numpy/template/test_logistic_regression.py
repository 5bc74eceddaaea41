"""Tests for logistic_regression.py. Run with:  python3 -m pytest -q"""
import math
import warnings

import numpy as np
import pytest

from logistic_regression import (
    LogisticRegression,
    accuracy,
    binary_cross_entropy,
    loss_and_gradients,
    make_data,
    sigmoid,
    train_test_split,
)


# ----------------------------------------------------------------------------- sigmoid
def test_sigmoid_matches_definition_for_moderate_inputs():
    z = np.linspace(-10, 10, 41)
    np.testing.assert_allclose(sigmoid(z), 1.0 / (1.0 + np.exp(-z)), rtol=1e-12, atol=1e-15)
    assert sigmoid(np.array([0.0]))[0] == pytest.approx(0.5)


def test_sigmoid_is_stable_for_large_inputs():
    z = np.array([-1e4, -1000.0, -50.0, 0.0, 50.0, 1000.0, 1e4])
    # A naive 1 / (1 + exp(-z)) overflows in exp for z << 0: treat that warning as a failure.
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):
        warnings.simplefilter("error")
        try:
            s = sigmoid(z)
        except FloatingPointError as exc:  # raised by np.errstate(over="raise")
            pytest.fail(f"sigmoid overflowed for large |z| ({exc}); only exponentiate -|z|")
    assert s.shape == z.shape
    assert np.all(np.isfinite(s))
    assert np.all((s >= 0.0) & (s <= 1.0))
    assert s[0] == pytest.approx(0.0, abs=1e-300) and s[-1] == pytest.approx(1.0)
    assert s[2] == pytest.approx(math.exp(-50.0), rel=1e-9)  # tiny, but not rounded to 0
    assert np.all(np.diff(s) >= 0), "sigmoid must be monotonically non-decreasing"


def test_sigmoid_symmetry():
    z = np.linspace(-30, 30, 61)
    np.testing.assert_allclose(sigmoid(-z), 1.0 - sigmoid(z), atol=1e-12)


# ----------------------------------------------------------------------------- loss
def test_binary_cross_entropy_value():
    y = np.array([1.0, 0.0])
    p = np.array([0.8, 0.3])
    expected = -(math.log(0.8) + math.log(0.7)) / 2
    assert binary_cross_entropy(y, p) == pytest.approx(expected, rel=1e-9)


def test_binary_cross_entropy_is_finite_for_confident_mistakes():
    loss = binary_cross_entropy(np.array([1.0, 0.0]), np.array([0.0, 1.0]))
    assert np.isfinite(loss) and loss > 10, "clip p away from 0 and 1 before taking logs"


# ----------------------------------------------------------------------------- gradient
def _numerical_gradients(w, b, X, y, eps=1e-6):
    """Central finite differences of the loss with respect to every weight and the bias."""
    grad_w = np.zeros_like(w)
    for i in range(w.size):
        step = np.zeros_like(w)
        step[i] = eps
        plus = loss_and_gradients(w + step, b, X, y)[0]
        minus = loss_and_gradients(w - step, b, X, y)[0]
        grad_w[i] = (plus - minus) / (2 * eps)
    grad_b = (loss_and_gradients(w, b + eps, X, y)[0] - loss_and_gradients(w, b - eps, X, y)[0]) / (2 * eps)
    return grad_w, grad_b


def test_loss_value_matches_sigmoid_and_bce():
    X, y = make_data(50, seed=3)
    w, b = np.array([0.3, -0.7]), 0.2
    loss, _, _ = loss_and_gradients(w, b, X, y)
    assert loss == pytest.approx(binary_cross_entropy(y, sigmoid(X @ w + b)), rel=1e-12)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_analytic_gradient_matches_finite_differences(seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(30, 4))
    y = (rng.random(30) < 0.5).astype(float)
    w = rng.normal(size=4)
    b = float(rng.normal())
    _, grad_w, grad_b = loss_and_gradients(w, b, X, y)
    num_w, num_b = _numerical_gradients(w, b, X, y)
    assert np.shape(grad_w) == w.shape
    rel = np.linalg.norm(grad_w - num_w) / max(1e-12, np.linalg.norm(grad_w) + np.linalg.norm(num_w))
    assert rel < 1e-6, f"relative error of dL/dw is {rel:.2e}"
    assert grad_b == pytest.approx(num_b, rel=1e-5, abs=1e-8)


# ----------------------------------------------------------------------------- training
@pytest.fixture(scope="module")
def trained():
    X, y = make_data(400, seed=0)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_fraction=0.25, seed=0)
    model = LogisticRegression(lr=0.1, n_epochs=500).fit(X_train, y_train)
    return model, X_train, X_test, y_train, y_test


def test_fit_returns_self_and_sets_parameters(trained):
    model, X_train, *_ = trained
    assert isinstance(model, LogisticRegression)
    assert model.w_.shape == (X_train.shape[1],)
    assert np.isfinite(model.b_)


def test_loss_decreases(trained):
    model, *_ = trained
    history = np.asarray(model.loss_history_)
    assert len(history) >= model.n_epochs
    # With zero initialisation every probability is 0.5, so the first loss is log(2).
    assert history[0] == pytest.approx(math.log(2), rel=1e-6)
    # Gradient descent with a small step on a convex loss never goes uphill.
    assert np.all(np.diff(history) <= 1e-12), "loss went up during training"
    assert history[-1] < 0.25, f"final training loss {history[-1]:.3f} is too high"


def test_predict_returns_binary_labels(trained):
    model, _, X_test, *_ = trained
    proba = model.predict_proba(X_test)
    pred = model.predict(X_test)
    assert proba.shape == pred.shape == (len(X_test),)
    assert set(np.unique(pred)) <= {0, 1}
    np.testing.assert_array_equal(pred, (proba >= 0.5).astype(int))


def test_accuracy_threshold(trained):
    model, X_train, X_test, y_train, y_test = trained
    assert accuracy(y_train, model.predict(X_train)) >= 0.9
    test_acc = accuracy(y_test, model.predict(X_test))
    assert test_acc >= 0.9, f"held-out accuracy {test_acc:.3f} < 0.9"


def test_decision_boundary_points_the_right_way(trained):
    model, *_ = trained
    # Class 1 lives up and to the right, so both weights should be positive.
    assert np.all(model.w_ > 0)
    assert model.predict(np.array([[3.0, 2.0], [-3.0, -2.0]])).tolist() == [1, 0]
