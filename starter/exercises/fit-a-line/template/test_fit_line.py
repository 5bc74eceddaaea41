import math

from fit_line import fit, gradients, mse

XS = [1.0, 2.0, 3.0, 4.0, 5.0]
YS = [1.2, 1.9, 3.2, 3.8, 5.1]


def test_mse_of_a_perfect_line_is_zero():
    assert mse(2.0, 1.0, [0.0, 1.0, 2.0], [1.0, 3.0, 5.0]) == 0.0


def test_mse_averages_the_squared_errors():
    # Errors 1 and -3: (1 + 9) / 2.
    assert math.isclose(mse(1.0, 0.0, [1.0, 2.0], [0.0, 5.0]), 5.0)


def test_gradients_match_finite_differences():
    w, b, h = 0.3, -0.2, 1e-6
    dw, db = gradients(w, b, XS, YS)
    assert math.isclose(dw, (mse(w + h, b, XS, YS) - mse(w - h, b, XS, YS)) / (2 * h), rel_tol=1e-4)
    assert math.isclose(db, (mse(w, b + h, XS, YS) - mse(w, b - h, XS, YS)) / (2 * h), rel_tol=1e-4)


def test_fit_finds_the_least_squares_line():
    w, b = fit(XS, YS)
    assert math.isclose(w, 0.97, abs_tol=1e-2)
    assert math.isclose(b, 0.13, abs_tol=3e-2)
