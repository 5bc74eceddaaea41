"""Tests for tabular_boosting.py. Run with:  python3 -m pytest -q"""
import numpy as np
import pandas as pd
import pytest
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from threadpoolctl import threadpool_limits

import tabular_boosting as T

# One thread: the data is small, and OpenMP threads competing for busy cores can slow the
# histogram booster down by orders of magnitude.
threadpool_limits(1)

NUMERIC = ["age", "income", "tenure_months", "monthly_charges", "support_calls"]
CATEGORICAL = ["plan", "region", "payment"]


@pytest.fixture(scope="module")
def split():
    X, y = T.make_data(3000, seed=0)
    return train_test_split(X, y, test_size=0.3, stratify=y, random_state=0)


@pytest.fixture(scope="module")
def study():
    return T.run_study(n_samples=3000, seed=0)


# ----------------------------------------------------------------------------- columns
def test_split_columns_on_the_churn_table(split):
    X_train = split[0]
    assert T.split_columns(X_train) == (NUMERIC, CATEGORICAL)


def test_split_columns_by_dtype():
    df = pd.DataFrame(
        {
            "colour": ["red", "blue"],
            "count": [1, 2],
            "flag": [True, False],
            "size": pd.Categorical(["S", "M"]),
            "weight": [1.5, np.nan],
        }
    )
    numeric, categorical = T.split_columns(df)
    assert numeric == ["count", "weight"], "int and float columns (even with NaN) are numeric"
    assert categorical == ["colour", "flag", "size"], "strings, booleans and pandas categories are categorical"


# ----------------------------------------------------------------------------- preprocessing
def _fitted_preprocessor(X_train):
    prep = T.make_preprocessor(NUMERIC, CATEGORICAL)
    assert isinstance(prep, ColumnTransformer), "make_preprocessor must return a ColumnTransformer"
    return prep.fit(X_train)


def test_preprocessor_structure():
    prep = T.make_preprocessor(NUMERIC, CATEGORICAL)
    assert isinstance(prep, ColumnTransformer)
    parts = {name: (step, cols) for name, step, cols in prep.transformers}
    assert set(parts) >= {"num", "cat"}, "name the two branches 'num' and 'cat'"
    num, num_cols = parts["num"]
    cat, cat_cols = parts["cat"]
    assert list(num_cols) == NUMERIC and list(cat_cols) == CATEGORICAL
    assert isinstance(num, Pipeline) and [type(s) for _, s in num.steps] == [SimpleImputer, StandardScaler], (
        "numeric branch: SimpleImputer then StandardScaler"
    )
    assert isinstance(cat, Pipeline) and [type(s) for _, s in cat.steps] == [SimpleImputer, OneHotEncoder], (
        "categorical branch: SimpleImputer then OneHotEncoder"
    )


def test_preprocessor_output_is_dense_complete_and_scaled(split):
    X_train = split[0]
    out = _fitted_preprocessor(X_train).transform(X_train)
    assert isinstance(out, np.ndarray), "HistGradientBoostingClassifier needs a dense array: sparse_output=False"
    # 5 numeric + plan (3 + 'missing') + region (4 + 'missing') + payment (3, never missing)
    assert out.shape == (len(X_train), 17)
    assert not np.isnan(out).any(), "every missing value must be imputed"
    num = out[:, :5]
    np.testing.assert_allclose(num.mean(axis=0), 0.0, atol=1e-9, err_msg="numeric columns must be standardised")
    np.testing.assert_allclose(num.std(axis=0), 1.0, atol=1e-9, err_msg="numeric columns must be standardised")
    onehot = out[:, 5:]
    assert set(np.unique(onehot)) == {0.0, 1.0}
    np.testing.assert_array_equal(onehot.sum(axis=1), 3.0, err_msg="exactly one 1 per categorical column")


def test_numeric_gaps_are_filled_with_the_training_median(split):
    X_train = split[0]
    prep = _fitted_preprocessor(X_train)
    row = X_train.iloc[[0]].copy()
    row["income"] = np.nan
    got = prep.transform(row)[0, NUMERIC.index("income")]
    median = X_train["income"].median()
    filled = X_train["income"].fillna(median)
    expected = (median - filled.mean()) / filled.std(ddof=0)
    assert got == pytest.approx(expected, rel=1e-9), (
        "a missing income should become the training median, then be scaled with the training mean and std "
        "(income is skewed, so the mean would be a worse fill)"
    )


def test_missing_and_unseen_categories(split):
    X_train = split[0]
    prep = _fitted_preprocessor(X_train)
    names = list(prep.get_feature_names_out())
    row = X_train.iloc[[0, 1]].copy()
    row.iloc[0, row.columns.get_loc("plan")] = np.nan
    row.iloc[1, row.columns.get_loc("plan")] = "enterprise"  # never seen in training
    out = prep.transform(row)  # must not raise: handle_unknown="ignore"
    plan_cols = [i for i, n in enumerate(names) if n.startswith("cat__plan_")]
    assert "cat__plan_missing" in names, "missing categories become their own 'missing' category"
    assert out[0, names.index("cat__plan_missing")] == 1.0
    assert out[1, plan_cols].sum() == 0.0, "an unseen category is encoded as all zeros"


# ----------------------------------------------------------------------------- models
def test_baseline_is_a_logistic_regression_pipeline():
    model = T.make_baseline(NUMERIC, CATEGORICAL)
    assert isinstance(model, Pipeline)
    assert isinstance(model.steps[0][1], ColumnTransformer), "preprocessing is the first step of the pipeline"
    assert isinstance(model.steps[-1][1], LogisticRegression)


def test_boosted_pipeline_passes_its_settings():
    model = T.make_boosted(NUMERIC, CATEGORICAL, learning_rate=0.05, max_iter=77, seed=3)
    assert isinstance(model, Pipeline)
    assert isinstance(model.steps[0][1], ColumnTransformer), "preprocessing is the first step of the pipeline"
    hgb = model.steps[-1][1]
    assert isinstance(hgb, HistGradientBoostingClassifier)
    assert hgb.learning_rate == 0.05 and hgb.max_iter == 77 and hgb.random_state == 3
    assert hgb.early_stopping is True, "pass early_stopping=True: 'auto' only turns it on above 10,000 rows"
    assert T.make_boosted(NUMERIC, CATEGORICAL, early_stopping=False).steps[-1][1].early_stopping is False


def test_early_stopping_stops_before_max_iter(split):
    X_train, _, y_train, _ = split
    model = T.make_boosted(NUMERIC, CATEGORICAL, max_iter=1000, seed=0).fit(X_train, y_train)
    hgb = model.steps[-1][1]
    assert hgb.n_iter_ < 200, f"early stopping should stop long before 1000 trees, ran {hgb.n_iter_}"
    assert len(hgb.validation_score_) == hgb.n_iter_ + 1, "the validation loss is tracked on a held-out fraction"
    full = T.make_boosted(NUMERIC, CATEGORICAL, max_iter=40, early_stopping=False).fit(X_train, y_train)
    assert full.steps[-1][1].n_iter_ == 40


def test_the_seed_fixes_the_validation_split(split):
    X_train, X_val, y_train, _ = split
    a = T.make_boosted(NUMERIC, CATEGORICAL, seed=0).fit(X_train, y_train).predict_proba(X_val)
    b = T.make_boosted(NUMERIC, CATEGORICAL, seed=0).fit(X_train, y_train).predict_proba(X_val)
    c = T.make_boosted(NUMERIC, CATEGORICAL, seed=1).fit(X_train, y_train).predict_proba(X_val)
    np.testing.assert_array_equal(a, b, err_msg="the same seed must give the same model (random_state=seed)")
    assert not np.allclose(a, c), "another seed holds out other rows for early stopping"


# ----------------------------------------------------------------------------- cross-validation
def test_cross_validation_uses_shared_stratified_folds_and_roc_auc(split):
    X_train, _, y_train, _ = split
    scores = T.cross_validate_models({"logistic": T.make_baseline(NUMERIC, CATEGORICAL)}, X_train, y_train, n_splits=4, seed=3)
    assert set(scores) == {"logistic"}
    assert len(scores["logistic"]) == 4, "one score per fold"
    folds = StratifiedKFold(n_splits=4, shuffle=True, random_state=3)
    expected = cross_val_score(T.make_baseline(NUMERIC, CATEGORICAL), X_train, y_train, cv=folds, scoring="roc_auc")
    np.testing.assert_allclose(
        scores["logistic"], expected, rtol=1e-9,
        err_msg="use StratifiedKFold(n_splits, shuffle=True, random_state=seed) and scoring='roc_auc'",
    )


def test_preprocessing_is_fitted_on_training_folds_only(split, monkeypatch):
    """Leakage check: every imputer, scaler and encoder may only ever see a training fold."""
    X_train, _, y_train, _ = split
    seen = {}
    for cls in (SimpleImputer, StandardScaler, OneHotEncoder):
        original = cls.fit

        def spy(self, X, y=None, _original=original, _name=cls.__name__, **kw):
            seen.setdefault(_name, []).append(len(X))
            return _original(self, X, y, **kw)

        monkeypatch.setattr(cls, "fit", spy)
    n_splits = 4
    T.cross_validate_models({"logistic": T.make_baseline(NUMERIC, CATEGORICAL)}, X_train, y_train, n_splits=n_splits, seed=0)
    folds = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=0)
    train_sizes = sorted(len(tr) for tr, _ in folds.split(X_train, y_train))
    assert sorted(seen.get("StandardScaler", [])) == train_sizes, (
        f"the scaler was fitted on {seen.get('StandardScaler')} rows; expected once per training fold {train_sizes}. "
        "Pass the raw DataFrame and the whole pipeline to cross_val_score, never a pre-transformed X."
    )
    assert sorted(seen.get("OneHotEncoder", [])) == train_sizes
    assert sorted(seen.get("SimpleImputer", [])) == sorted(train_sizes * 2), "two imputers per training fold"


# ----------------------------------------------------------------------------- the validation curve
def test_staged_validation_loss_shows_overfitting(split):
    X_train, X_val, y_train, y_val = split
    model = T.make_boosted(NUMERIC, CATEGORICAL, learning_rate=0.3, max_iter=100, early_stopping=False).fit(X_train, y_train)
    curve = np.asarray(T.staged_validation_loss(model, X_val, y_val))
    assert curve.shape == (100,), "one validation loss per boosting iteration"
    assert curve[-1] == pytest.approx(log_loss(y_val, model.predict_proba(X_val)), rel=1e-9)
    best = int(curve.argmin())
    assert best < 40 and curve[-1] > curve[best] + 0.1, (
        f"with a large learning rate the validation loss should bottom out early and rise again "
        f"(best iteration {best}, loss {curve[best]:.3f} -> {curve[-1]:.3f}); measure it on X_val, not on the training rows"
    )


# ----------------------------------------------------------------------------- the study
def test_boosting_beats_the_baseline_fold_by_fold(study):
    logistic, boosted = np.asarray(study["cv"]["logistic"]), np.asarray(study["cv"]["boosted"])
    assert len(logistic) == len(boosted) == 5
    assert boosted.mean() >= 0.88, f"boosted cross-validated ROC AUC {boosted.mean():.3f} < 0.88"
    assert boosted.mean() - logistic.mean() >= 0.03, (
        f"boosting ({boosted.mean():.3f}) should beat the linear baseline ({logistic.mean():.3f}) by at least 0.03"
    )
    assert (boosted > logistic).sum() >= 4, "on the same folds boosting should win at least 4 of 5"


def test_final_model_is_fitted_on_the_training_split_only(study):
    model = study["model"]
    scaler = model.named_steps["prep"].named_transformers_["num"].named_steps["scale"]
    assert study["n_train"] == 2250
    assert scaler.n_samples_seen_ == study["n_train"], "fit the final pipeline on the training split, not on all rows"
    assert study["n_iter"] == model.steps[-1][1].n_iter_ < 500, "early stopping should cut the 500 trees short"
    assert study["test_auc"] >= 0.84, f"held-out ROC AUC {study['test_auc']:.3f} < 0.84"
