"""Tests for softmax_regression.py. Run with:  python3 -m pytest -q"""
import importlib.util
import math
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest

from softmax_regression import (
    cross_entropy,
    gradient_check,
    load_data,
    loss_and_gradients,
    numerical_gradient,
    one_hot,
    predict,
    predict_proba,
    relative_error,
    softmax,
    train,
)


@pytest.fixture(scope="module")
def data():
    return load_data(test_size=0.25, seed=0)


def _small_problem(seed=0, n=20, d=64, k=10):
    rng = np.random.default_rng(seed)
    X = rng.random((n, d))
    y = rng.integers(0, k, size=n)
    W = 0.1 * rng.standard_normal((d, k))
    b = 0.1 * rng.standard_normal(k)
    return W, b, X, y


# ----------------------------------------------------------------------------- softmax
def test_softmax_rows_are_probability_distributions():
    Z = np.random.default_rng(0).normal(scale=5.0, size=(7, 5))
    P = softmax(Z)
    assert P.shape == Z.shape
    assert np.all(P > 0)
    np.testing.assert_allclose(P.sum(axis=1), 1.0, atol=1e-12)
    # Larger score -> larger probability, row by row.
    np.testing.assert_array_equal(P.argmax(axis=1), Z.argmax(axis=1))


def test_softmax_matches_definition():
    Z = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
    expected = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
    np.testing.assert_allclose(softmax(Z), expected, rtol=1e-12)


def test_softmax_is_stable_for_huge_scores():
    Z = np.array([[1000.0, 1001.0, 1002.0], [-1000.0, 0.0, 1000.0]])
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", under="ignore"):
        warnings.simplefilter("error")
        P = softmax(Z)
    assert np.all(np.isfinite(P))
    np.testing.assert_allclose(P[0], softmax(np.array([[0.0, 1.0, 2.0]]))[0], rtol=1e-12)
    np.testing.assert_allclose(P.sum(axis=1), 1.0, atol=1e-12)
    assert P[1, 2] == pytest.approx(1.0)
    # Rows on very different scales: each row needs its own maximum, not the matrix's.
    Z = np.array([[1000.0, 1001.0], [-1000.0, -999.0]])
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):
        warnings.simplefilter("error")
        try:
            P = softmax(Z)
        except (FloatingPointError, RuntimeWarning) as exc:
            pytest.fail(f"softmax failed on rows of very different scale ({exc}): subtract each ROW's max")
    expected = np.exp([0.0, 1.0]) / np.exp([0.0, 1.0]).sum()
    np.testing.assert_allclose(P, [expected, expected], rtol=1e-12,
                               err_msg="subtract each row's own maximum (axis=1, keepdims=True)")


def test_softmax_is_shift_invariant():
    Z = np.random.default_rng(1).normal(size=(4, 6))
    np.testing.assert_allclose(softmax(Z), softmax(Z + 123.0), atol=1e-12)


# ----------------------------------------------------------------------------- loss
def test_cross_entropy_values():
    k = 10
    uniform = np.full((3, k), 1.0 / k)
    assert cross_entropy(uniform, np.array([0, 4, 9])) == pytest.approx(math.log(k))
    P = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]])
    assert cross_entropy(P, np.array([0, 2])) == pytest.approx(-(math.log(0.7) + math.log(0.8)) / 2)


def test_cross_entropy_is_finite_for_zero_probability():
    P = np.array([[1.0, 0.0], [0.0, 1.0]])
    with np.errstate(divide="ignore"):
        loss = cross_entropy(P, np.array([1, 0]))
    assert np.isfinite(loss) and loss > 10, (
        f"a zero probability on the true class should give a large but finite loss, got {loss}: clip P away from 0"
    )


def test_loss_includes_l2_penalty():
    W, b, X, y = _small_problem(seed=3)
    plain = loss_and_gradients(W, b, X, y, reg=0.0)[0]
    penalised = loss_and_gradients(W, b, X, y, reg=0.5)[0]
    assert plain == pytest.approx(cross_entropy(softmax(X @ W + b), y), rel=1e-12)
    assert penalised - plain == pytest.approx(0.25 * np.sum(W * W), rel=1e-9)


# ----------------------------------------------------------------------------- gradients
def test_numerical_gradient_of_a_known_function():
    x = np.array([[1.0, -2.0], [0.5, 3.0]])
    before = x.copy()
    grad = numerical_gradient(lambda: float(np.sum(x ** 3)), x)
    np.testing.assert_allclose(grad, 3 * before ** 2, rtol=1e-6)
    np.testing.assert_array_equal(x, before)  # every entry restored after nudging


def test_relative_error():
    assert relative_error(np.array([1.0, 2.0]), np.array([1.0, 2.0])) == 0.0
    assert relative_error(np.zeros(3), np.zeros(3)) == 0.0
    assert relative_error(np.array([1.0]), np.array([-1.0])) == pytest.approx(1.0)


def _reference_numerical_grads(W, b, X, y, reg, eps=1e-5):
    """The tests' own central differences, independent of your numerical_gradient."""
    def grad_of(param):
        g = np.zeros_like(param)
        flat, gflat = param.reshape(-1), g.reshape(-1)
        for i in range(flat.size):
            old = flat[i]
            flat[i] = old + eps
            plus = loss_and_gradients(W, b, X, y, reg)[0]
            flat[i] = old - eps
            minus = loss_and_gradients(W, b, X, y, reg)[0]
            flat[i] = old
            gflat[i] = (plus - minus) / (2 * eps)
        return g

    return grad_of(W), grad_of(b)


@pytest.mark.parametrize("reg", [0.0, 0.1])
def test_analytic_gradients_match_finite_differences(reg):
    W, b, X, y = _small_problem(seed=1)
    _, dW, db = loss_and_gradients(W, b, X, y, reg)
    assert dW.shape == W.shape and db.shape == b.shape
    num_W, num_b = _reference_numerical_grads(W.copy(), b.copy(), X, y, reg)
    assert relative_error(dW, num_W) < 1e-5
    assert relative_error(db, num_b) < 1e-5


def test_gradient_check_reports_small_errors_on_digits(data):
    X_train, _, y_train, _ = data
    rng = np.random.default_rng(0)
    W = 0.01 * rng.standard_normal((64, 10))
    b = np.zeros(10)
    W_before, b_before = W.copy(), b.copy()
    errors = gradient_check(W, b, X_train[:25], y_train[:25], reg=0.1)
    assert set(errors) == {"W", "b"}
    assert errors["W"] < 1e-5, f"relative error for W: {errors['W']:.2e}"
    assert errors["b"] < 1e-5, f"relative error for b: {errors['b']:.2e}"
    np.testing.assert_array_equal(W, W_before)  # gradient_check must not change the parameters
    np.testing.assert_array_equal(b, b_before)


@pytest.mark.parametrize("wrong", ["W", "b"])
def test_gradient_check_detects_a_wrong_gradient(monkeypatch, wrong):
    """If the backward pass were wrong for W (or for b), gradient_check must say so for that
    parameter, and still report the other one as correct."""
    import softmax_regression as sr

    real = sr.loss_and_gradients

    def broken(W, b, X, y, reg=0.0):
        loss, dW, db = real(W, b, X, y, reg)
        if wrong == "W":
            return loss, 2.0 * dW, db  # off by a factor of two
        return loss, dW, 2.0 * db

    monkeypatch.setattr(sr, "loss_and_gradients", broken)
    W, b, X, y = _small_problem(seed=2, n=10, d=5, k=3)
    errors = sr.gradient_check(W, b, X, y)
    right = "b" if wrong == "W" else "W"
    assert errors[wrong] > 1e-2, (
        f"d{wrong} was doubled but gradient_check reported {errors[wrong]:.2e} for {wrong!r}: compare the "
        f"analytic d{wrong} with the numerical gradient of the loss with respect to {wrong}"
    )
    assert errors[right] < 1e-5, f"only d{wrong} was wrong, yet {right!r} reports {errors[right]:.2e}"


# ----------------------------------------------------------------------------- training
@pytest.fixture(scope="module")
def trained(data):
    X_train, X_test, y_train, y_test = data
    W, b, history = train(X_train, y_train, n_classes=10, lr=0.5, n_epochs=300, reg=1e-4, seed=0)
    return W, b, history


def test_training_reduces_the_loss(trained):
    W, b, history = trained
    assert W.shape == (64, 10) and b.shape == (10,)
    assert len(history) == 300
    assert history[0] == pytest.approx(math.log(10), abs=0.1)  # small init: near-uniform guesses
    assert history[-1] < 0.5 * history[0]
    assert history[-1] < 0.5


def test_each_epoch_is_one_gradient_step_from_the_prescribed_start():
    """Three epochs by hand with your own (gradient-checked) loss_and_gradients."""
    W0, b0, X, y = _small_problem(seed=4, n=30, d=6, k=4)
    lr, reg, seed = 0.3, 0.05, 5
    W, b, history = train(X, y, n_classes=4, lr=lr, n_epochs=3, reg=reg, seed=seed)
    W_ref = 0.01 * np.random.default_rng(seed).standard_normal((6, 4))
    b_ref = np.zeros(4)
    losses = []
    for _ in range(3):
        loss, dW, db = loss_and_gradients(W_ref, b_ref, X, y, reg)
        losses.append(loss)
        W_ref, b_ref = W_ref - lr * dW, b_ref - lr * db
    assert len(history) == 3, f"one loss per epoch: expected 3 entries, got {len(history)}"
    np.testing.assert_allclose(history, losses, rtol=1e-10,
                               err_msg="history[i] is the loss (with the reg penalty) BEFORE update i, starting "
                               "from W = 0.01 * rng.standard_normal((d, k)) with rng = default_rng(seed), b = 0")
    np.testing.assert_allclose(W, W_ref, rtol=1e-10, atol=1e-12,
                               err_msg=f"W after 3 steps of W -= lr * dW (lr = {lr}, reg = {reg}) does not match")
    np.testing.assert_allclose(b, b_ref, rtol=1e-10, atol=1e-12,
                               err_msg=f"b after 3 steps of b -= lr * db (lr = {lr}) does not match: is the bias trained?")


def test_bias_matters_on_off_centre_data():
    """Three classes in a row along the diagonal, far from the origin. Scores without a bias
    are w_k . x, whose class regions are wedges from the origin: they cannot separate them."""
    rng = np.random.default_rng(0)
    centres = np.array([[1.0, 1.0], [2.0, 2.0], [3.0, 3.0]])
    y = np.repeat(np.arange(3), 100)
    X = centres[y] + 0.3 * rng.normal(size=(300, 2))
    order = rng.permutation(300)
    X, y = X[order], y[order]
    W, b, _ = train(X[:200], y[:200], n_classes=3, lr=0.5, n_epochs=300, reg=0.0, seed=0)
    acc = float(np.mean(predict(X[200:], W, b) == y[200:]))
    assert acc >= 0.9, f"held-out accuracy {acc:.3f} < 0.9 (the reference gets 0.96; without a trained bias about 0.4)"
    assert b[0] > 2 and b[2] < -2, f"b = {np.round(b, 2)}: the near and far classes need large opposite biases"


def test_probabilities_sum_to_one_on_test_set(data, trained):
    W, b, _ = trained
    P = predict_proba(data[1], W, b)
    assert P.shape == (len(data[1]), 10)
    np.testing.assert_allclose(P.sum(axis=1), 1.0, atol=1e-10)
    np.testing.assert_array_equal(predict(data[1], W, b), P.argmax(axis=1))


def test_held_out_accuracy(data, trained):
    _, X_test, _, y_test = data
    W, b, _ = trained
    acc = float(np.mean(predict(X_test, W, b) == y_test))
    assert acc >= 0.9, f"held-out accuracy {acc:.3f} < 0.9"


def test_one_hot_helper():
    np.testing.assert_array_equal(one_hot(np.array([2, 0]), 3), [[0, 0, 1], [1, 0, 0]])


# ----------------------------------------------------------------------------- from scratch
SHORTCUTS = ("scipy", "sklearn", "torch", "jax", "autograd")


def test_written_with_numpy_only(monkeypatch, data):
    """Re-import your module with scipy, scikit-learn, torch, jax and autograd unavailable,
    then use every function you wrote: softmax, the backward pass and the training loop are
    the exercise, so they must not come from a library (only the given load_data uses sklearn)."""
    X_train, _, y_train, _ = data  # loaded before the libraries are hidden
    for name in list(sys.modules):
        if name.split(".")[0] in SHORTCUTS:
            monkeypatch.delitem(sys.modules, name)
    for name in SHORTCUTS:
        monkeypatch.setitem(sys.modules, name, None)  # `import scipy` now raises ImportError
    path = Path(__file__).with_name("softmax_regression.py")
    spec = importlib.util.spec_from_file_location("_softmax_regression_numpy_only", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
        X, y = X_train[:40], y_train[:40]
        module.softmax(X[:, :10])
        module.cross_entropy(np.full((3, 4), 0.25), np.array([0, 1, 3]))
        W, b = 0.01 * np.ones((64, 10)), np.zeros(10)
        module.loss_and_gradients(W, b, X, y, 0.1)
        module.gradient_check(W[:, :], b, X[:5], y[:5])
        W, b, _ = module.train(X, y, n_classes=10, n_epochs=3)
        module.predict_proba(X, W, b)
        module.predict(X, W, b)
    except ImportError as exc:
        pytest.fail(
            f"your module needs a library that does the work for you ({exc}). Write softmax, the loss, "
            "the gradients and the training loop with NumPy only: no scipy.special.softmax or "
            "logsumexp, no sklearn LogisticRegression, no autograd."
        )
