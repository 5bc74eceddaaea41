"""Tests for softmax_regression.py. Run with:  python3 -m pytest -q"""
import math
import warnings

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
    assert np.isfinite(cross_entropy(P, np.array([1, 0])))


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


def test_gradient_check_detects_a_wrong_gradient(monkeypatch):
    """If the backward pass were wrong, gradient_check must say so."""
    import softmax_regression as sr

    real = sr.loss_and_gradients

    def broken(W, b, X, y, reg=0.0):
        loss, dW, db = real(W, b, X, y, reg)
        return loss, 2.0 * dW, db  # off by a factor of two

    monkeypatch.setattr(sr, "loss_and_gradients", broken)
    W, b, X, y = _small_problem(seed=2, n=10, d=5, k=3)
    assert sr.gradient_check(W, b, X, y)["W"] > 1e-2


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
