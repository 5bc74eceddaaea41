"""Tests for logistic_regression.py. Run with:  python3 -m pytest -q"""
import importlib.util
import math
import sys
import warnings
from pathlib import Path

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


def _unbalanced_problem():
    """30 points, 20 of them class 1, off-centre: every parameter gets a non-zero gradient."""
    rng = np.random.default_rng(7)
    X = rng.normal(loc=(2.0, -1.0), size=(30, 2))
    y = np.r_[np.ones(20), np.zeros(10)]
    return X, y


def test_fit_returns_self_and_starts_from_zeros():
    X, y = _unbalanced_problem()
    model = LogisticRegression(lr=0.1, n_epochs=0)
    assert model.fit(X, y) is model, "fit must return self (so that .fit(...).predict(...) works)"
    assert np.shape(model.w_) == (2,)
    np.testing.assert_array_equal(model.w_, 0.0, err_msg="with 0 epochs, w_ is its initial value: zeros")
    assert model.b_ == 0.0, "with 0 epochs, b_ is its initial value: 0.0"
    assert len(model.loss_history_) == 1, "0 epochs: only the final loss is recorded"


@pytest.mark.parametrize("lr", [0.1, 0.03])
def test_each_epoch_is_one_gradient_step_on_w_and_b(lr):
    """Two epochs by hand, using your own (gradient-checked) loss_and_gradients."""
    X, y = _unbalanced_problem()
    model = LogisticRegression(lr=lr, n_epochs=2).fit(X, y)
    w, b = np.zeros(2), 0.0
    losses = []
    for _ in range(2):
        loss, gw, gb = loss_and_gradients(w, b, X, y)
        losses.append(loss)
        w, b = w - lr * gw, b - lr * gb
    losses.append(loss_and_gradients(w, b, X, y)[0])
    np.testing.assert_allclose(
        model.w_, w, rtol=1e-10, atol=1e-12,
        err_msg=f"after 2 epochs w_ should be w - lr * dL/dw applied twice from zeros, with lr = {lr}",
    )
    assert model.b_ == pytest.approx(b, rel=1e-10, abs=1e-12), (
        f"after 2 epochs b_ should be {b:.6f} (b - lr * dL/db twice from 0.0, lr = {lr}), got {model.b_}; "
        "the bias is a parameter too and must be trained"
    )
    assert len(model.loss_history_) == 3, "n_epochs = 2: two losses before the updates plus the final one"
    np.testing.assert_allclose(
        model.loss_history_, losses, rtol=1e-10,
        err_msg="loss_history_ = loss before each update, then the loss after the last one",
    )


def test_loss_history_has_one_entry_per_epoch_plus_the_final_loss(trained):
    model, X_train, _, y_train, _ = trained
    history = np.asarray(model.loss_history_)
    assert len(history) == model.n_epochs + 1, (
        f"expected n_epochs + 1 = {model.n_epochs + 1} losses (one before each update and the final one), "
        f"got {len(history)}"
    )
    final = loss_and_gradients(model.w_, model.b_, X_train, y_train)[0]
    assert history[-1] == pytest.approx(final, rel=1e-10), "the last entry is the loss of the final w_ and b_"


def test_loss_decreases(trained):
    model, *_ = trained
    history = np.asarray(model.loss_history_)
    # With zero initialisation every probability is 0.5, so the first loss is log(2).
    assert history[0] == pytest.approx(math.log(2), rel=1e-6), "start from w = 0, b = 0: the first loss is log 2"
    # Gradient descent with a small step on a convex loss never goes uphill.
    assert np.all(np.diff(history) <= 1e-12), "loss went up during training"
    assert history[-1] < 0.25, f"final training loss {history[-1]:.3f} is too high"


def test_predict_returns_binary_labels(trained):
    model, _, X_test, *_ = trained
    proba = model.predict_proba(X_test)
    pred = model.predict(X_test)
    assert proba.shape == pred.shape == (len(X_test),)
    np.testing.assert_allclose(proba, sigmoid(X_test @ model.w_ + model.b_), rtol=1e-12,
                               err_msg="predict_proba is sigmoid(X w_ + b_)")
    assert np.issubdtype(pred.dtype, np.integer), f"predict must return integer labels, got dtype {pred.dtype}"
    assert set(np.unique(pred)) == {0, 1}
    np.testing.assert_array_equal(pred, (proba >= 0.5).astype(int))


def test_predict_uses_the_threshold(trained):
    model, _, X_test, *_ = trained
    proba = model.predict_proba(X_test)
    for threshold in (0.2, 0.9):
        np.testing.assert_array_equal(
            model.predict(X_test, threshold=threshold), (proba >= threshold).astype(int),
            err_msg=f"predict(X, threshold={threshold}) must label 1 exactly where p >= threshold",
        )


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


def test_bias_is_learned_on_off_centre_data():
    """Shift the blobs away from the origin: a boundary through the origin no longer works."""
    X, y = make_data(400, seed=0)
    X = X + np.array([3.0, 2.0])
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_fraction=0.25, seed=0)
    model = LogisticRegression(lr=0.1, n_epochs=500).fit(X_train, y_train)
    assert model.b_ < -2.0, (
        f"b_ = {model.b_:.3f}: the blobs sit around (3, 2), so the boundary needs a clearly negative "
        "bias (about -3.8 after 500 epochs); is b_ updated with its gradient?"
    )
    acc = accuracy(y_test, model.predict(X_test))
    assert acc >= 0.9, f"held-out accuracy on shifted data {acc:.3f} < 0.9 (without a bias it is about 0.45)"


# ----------------------------------------------------------------------------- from scratch
SHORTCUTS = ("scipy", "sklearn", "torch", "statsmodels")


def test_written_with_numpy_only(monkeypatch):
    """Re-import your module with scipy, scikit-learn, torch and statsmodels unavailable, then
    use every function: the point of the exercise is to write them yourself with NumPy."""
    for name in list(sys.modules):
        if name.split(".")[0] in SHORTCUTS:
            monkeypatch.delitem(sys.modules, name)
    for name in SHORTCUTS:
        monkeypatch.setitem(sys.modules, name, None)  # `import scipy` now raises ImportError
    path = Path(__file__).with_name("logistic_regression.py")
    spec = importlib.util.spec_from_file_location("_logistic_regression_numpy_only", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
        X, y = make_data(100, seed=1)
        module.sigmoid(np.array([-2.0, 0.0, 2.0]))
        module.binary_cross_entropy(y, np.full(len(y), 0.5))
        module.loss_and_gradients(np.zeros(2), 0.0, X, y)
        model = module.LogisticRegression(lr=0.1, n_epochs=5).fit(X, y)
        model.predict(X)
    except ImportError as exc:
        pytest.fail(
            f"your module needs a library that does the work for you ({exc}). Write sigmoid, the loss, "
            "the gradients and gradient descent with NumPy only: no scipy.special.expit, no "
            "sklearn.linear_model.LogisticRegression."
        )
