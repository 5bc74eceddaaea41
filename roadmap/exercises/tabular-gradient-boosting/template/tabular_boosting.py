"""Gradient boosting on a tabular data set, without leakage.

Fill in every ``TODO`` below, then run the tests:  python3 -m pytest -q

Pipeline:   ColumnTransformer(numeric: median impute -> scale, categorical: impute -> one-hot)
            -> HistGradientBoostingClassifier with early stopping
Baseline:   the same preprocessing -> LogisticRegression
Comparison: ROC AUC on the same stratified folds for every model, preprocessing fitted
            inside each training fold (it is part of the pipeline)

Run this file to compare the models and print the held-out score:

    python3 tabular_boosting.py
"""
from __future__ import annotations

from typing import Dict, List, Tuple

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


# ---------------------------------------------------------------------------
# Data (given): a synthetic customer-churn table with categoricals and missing values.
# ---------------------------------------------------------------------------
def make_data(n_samples: int = 3000, seed: int = 0) -> Tuple[pd.DataFrame, np.ndarray]:
    """Return ``X`` (a DataFrame: 5 numeric and 3 categorical columns, some values missing)
    and ``y`` (1 = the customer left, about a third of the rows).

    The churn probability depends on thresholds and interactions (few months on the basic
    plan, many support calls, young customers in the east...), which a linear model on the
    raw features can only approximate.
    """
    rng = np.random.default_rng(seed)
    n = n_samples
    age = rng.uniform(18, 80, n).round()
    income = np.exp(rng.normal(10.5, 0.6, n)).round(-2)  # skewed: the median is a better fill than the mean
    tenure = rng.integers(0, 73, n).astype(float)
    charges = rng.uniform(20, 120, n).round(2)
    calls = rng.poisson(1.5, n).astype(float)
    plan = rng.choice(["basic", "standard", "premium"], n, p=[0.5, 0.3, 0.2])
    region = rng.choice(["north", "south", "east", "west"], n)
    payment = rng.choice(["card", "bank", "cheque"], n, p=[0.5, 0.3, 0.2])
    z = (
        -1.2
        + 1.8 * (calls >= 3)
        + 2.0 * ((tenure < 12) & (plan == "basic"))
        - 1.5 * (tenure > 48)
        + 1.6 * ((age < 30) & (region == "east"))
        + 1.2 * ((charges > 90) & (plan != "premium"))
        - 1.0 * ((income > 60000) & (payment == "bank"))
    )
    y = (rng.random(n) < 1.0 / (1.0 + np.exp(-2.0 * z))).astype(int)
    X = pd.DataFrame(
        {
            "age": age,
            "income": income,
            "tenure_months": tenure,
            "monthly_charges": charges,
            "support_calls": calls,
            "plan": plan,
            "region": region,
            "payment": payment,
        }
    )
    for col, frac in [("age", 0.05), ("income", 0.12), ("monthly_charges", 0.05), ("plan", 0.08), ("region", 0.05)]:
        X.loc[rng.random(n) < frac, col] = np.nan
    return X, y


# ---------------------------------------------------------------------------
# 1. Which columns are numeric, which are categorical
# ---------------------------------------------------------------------------
def split_columns(X: pd.DataFrame) -> Tuple[List[str], List[str]]:
    """``(numeric, categorical)`` column names, in the frame's column order.

    Numeric: any number dtype (int or float, missing values included). Everything else
    (strings / ``object``, ``category``, booleans) is treated as categorical.
    """
    # TODO: numeric = the columns whose dtype is a number but not bool
    #       (pd.api.types.is_numeric_dtype / is_bool_dtype); categorical = all the others.
    raise NotImplementedError("TODO: split_columns")


# ---------------------------------------------------------------------------
# 2. Preprocessing: one ColumnTransformer, fitted inside the pipeline
# ---------------------------------------------------------------------------
def make_preprocessor(numeric: List[str], categorical: List[str]) -> ColumnTransformer:
    """numeric -> median imputation -> standard scaling;
    categorical -> constant "missing" imputation -> one-hot (unknown categories ignored).

    The output is a dense float array: numeric columns first, then the one-hot columns.
    """
    # TODO: numeric branch: a Pipeline that fills gaps with the median, then standardises.
    # TODO: categorical branch: a Pipeline that fills gaps with the constant "missing", then
    #       one-hot encodes (unknown categories ignored, dense output: sparse_output=False).
    # TODO: return both in a ColumnTransformer, branches named "num" and "cat".
    raise NotImplementedError("TODO: make_preprocessor")


# ---------------------------------------------------------------------------
# 3. The two models: a linear baseline and a gradient-boosted ensemble
# ---------------------------------------------------------------------------
def make_baseline(numeric: List[str], categorical: List[str]) -> Pipeline:
    """The baseline to beat: preprocessing -> LogisticRegression(max_iter=1000)."""
    # TODO: Pipeline([("prep", make_preprocessor(...)), ("model", LogisticRegression(max_iter=1000))])
    raise NotImplementedError("TODO: make_baseline")


def make_boosted(
    numeric: List[str],
    categorical: List[str],
    learning_rate: float = 0.1,
    max_iter: int = 500,
    early_stopping: bool = True,
    seed: int = 0,
) -> Pipeline:
    """preprocessing -> HistGradientBoostingClassifier.

    Early stopping holds out ``validation_fraction=0.15`` of the training rows and stops when
    the validation loss has not improved for ``n_iter_no_change=10`` iterations. The default
    ``early_stopping="auto"`` only switches it on above 10,000 rows, so pass the bool.
    ``random_state=seed`` fixes that validation split.
    """
    # TODO: HistGradientBoostingClassifier with learning_rate, max_iter, early_stopping,
    #       validation_fraction=0.15, n_iter_no_change=10 and random_state=seed,
    #       behind the same preprocessing as the baseline.
    raise NotImplementedError("TODO: make_boosted")


# ---------------------------------------------------------------------------
# 4. Cross-validated comparison on the same folds
# ---------------------------------------------------------------------------
def cross_validate_models(
    models: Dict[str, Pipeline], X: pd.DataFrame, y: np.ndarray, n_splits: int = 5, seed: int = 0
) -> Dict[str, np.ndarray]:
    """ROC AUC of each (unfitted) pipeline on each fold: ``{name: array of n_splits scores}``.

    Every model sees the same ``StratifiedKFold(n_splits, shuffle=True, random_state=seed)``
    folds, so the scores can be compared fold by fold. The raw DataFrame goes in: the
    pipeline fits its imputers, scaler and encoder on each training fold only.
    """
    # TODO: one StratifiedKFold(n_splits, shuffle=True, random_state=seed) shared by all models;
    #       for each (name, model): cross_val_score(model, X, y, cv=folds, scoring="roc_auc").
    raise NotImplementedError("TODO: cross_validate_models")


# ---------------------------------------------------------------------------
# 5. The validation curve behind early stopping
# ---------------------------------------------------------------------------
def staged_validation_loss(pipeline: Pipeline, X_val: pd.DataFrame, y_val: np.ndarray) -> np.ndarray:
    """Log-loss on ``(X_val, y_val)`` after each boosting iteration of a fitted pipeline,
    shape ``(n_iter_,)``. The last value is the loss of the finished model."""
    # TODO: transform X_val with the fitted preprocessing (every step but the last), then
    #       compute log_loss(y_val, proba) for each proba yielded by the boosted model's
    #       staged_predict_proba. Return them as a NumPy array.
    raise NotImplementedError("TODO: staged_validation_loss")


# ---------------------------------------------------------------------------
# 6. The whole study
# ---------------------------------------------------------------------------
def run_study(n_samples: int = 3000, seed: int = 0) -> dict:
    """Cross-validate the baseline and the boosted model on a training split, then fit the
    boosted pipeline on that split and score it once on the held-out test split.

    Returns ``{"cv": {"logistic": scores, "boosted": scores}, "test_auc": float,
    "n_iter": int, "model": fitted pipeline, "n_train": int}``.
    """
    X, y = make_data(n_samples, seed)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=seed)
    # TODO: split the columns of X_train; cross-validate {"logistic": baseline, "boosted": boosted}
    #       on (X_train, y_train) with 5 folds and this seed.
    # TODO: fit a fresh boosted pipeline on (X_train, y_train) only, and compute its ROC AUC on
    #       the test split from predict_proba(X_test)[:, 1]. Return the dictionary described above.
    raise NotImplementedError("TODO: run_study")


if __name__ == "__main__":
    study = run_study()
    for name, scores in study["cv"].items():
        print(f"{name:9s} ROC AUC {scores.mean():.3f} ± {scores.std():.3f}  folds {np.round(scores, 3)}")
    print(f"boosted: {study['n_iter']} trees (early stopping), held-out ROC AUC {study['test_auc']:.3f}")
