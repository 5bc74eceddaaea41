"""A scikit-learn model study.

Fill in every ``TODO`` below, then run the tests:  python3 -m pytest -q

Three small studies, all offline on data sets bundled with scikit-learn:

1. Supervised: a decision tree, a random forest and an SVM compared on the breast-cancer
   data set with accuracy, precision, recall and ROC AUC.
2. Unsupervised: PCA (how many components keep 90% of the variance?) and k-means,
   scored against the true labels with the adjusted Rand index (ARI) and the silhouette.
3. Regularisation: L1 vs L2 logistic regression. L1 drives coefficients to exactly zero.

    python3 model_study.py
"""
from __future__ import annotations

from typing import Dict, Optional, Sequence

import numpy as np
from sklearn.base import BaseEstimator
from sklearn.cluster import KMeans
from sklearn.datasets import load_breast_cancer
from sklearn.decomposition import PCA
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    accuracy_score,
    adjusted_rand_score,
    precision_score,
    recall_score,
    roc_auc_score,
    silhouette_score,
)
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC
from sklearn.tree import DecisionTreeClassifier

METRICS = ("accuracy", "precision", "recall", "roc_auc")


# ---------------------------------------------------------------------------
# Data (given)
# ---------------------------------------------------------------------------
def load_binary_data(test_size: float = 0.25, seed: int = 0):
    """Breast-cancer data (569 samples, 30 features, labels 0/1): a stratified split
    ``X_train, X_test, y_train, y_test``."""
    X, y = load_breast_cancer(return_X_y=True)
    return train_test_split(X, y, test_size=test_size, random_state=seed, stratify=y)


def format_table(results: Dict[str, Dict[str, float]]) -> str:
    """Render ``{model: {metric: value}}`` as a fixed-width text table."""
    header = f"{'model':<15}" + "".join(f"{m:>11}" for m in METRICS)
    rows = [f"{name:<15}" + "".join(f"{scores[m]:>11.3f}" for m in METRICS) for name, scores in results.items()]
    return "\n".join([header, "-" * len(header), *rows])


# ---------------------------------------------------------------------------
# 1. Supervised: trees, forests and SVMs
# ---------------------------------------------------------------------------
def make_classifiers(random_state: int = 0) -> Dict[str, BaseEstimator]:
    """The three unfitted models to compare, keyed by name.

    Trees and forests split on one feature at a time, so feature scale does not matter.
    The RBF-kernel SVM measures distances, so it needs standardised features; putting the
    scaler in a pipeline makes sure it is fitted on training data only.
    """
    # TODO: return {"decision_tree": ..., "random_forest": ..., "svm": ...}.
    #       Pass random_state to the tree and the forest (about 200 trees is plenty);
    #       put a StandardScaler in front of the RBF SVC with make_pipeline.
    raise NotImplementedError("TODO: make_classifiers")


def positive_class_scores(model: BaseEstimator, X: np.ndarray) -> np.ndarray:
    """A continuous score per sample, higher meaning "more likely class 1".

    ROC AUC ranks samples by this score, so hard 0/1 predictions would throw information
    away. Use ``predict_proba`` when the model has it, else ``decision_function`` (an SVM
    without ``probability=True`` only has the latter).
    """
    # TODO: column 1 of predict_proba if the model has that method (hasattr), else decision_function.
    raise NotImplementedError("TODO: positive_class_scores")


def evaluate(model: BaseEstimator, X_test: np.ndarray, y_test: np.ndarray) -> Dict[str, float]:
    """Accuracy, precision, recall (class 1 is positive) and ROC AUC of a fitted model."""
    # TODO: hard predictions for accuracy/precision/recall (sklearn.metrics, zero_division=0),
    #       positive_class_scores for roc_auc_score. Return plain floats keyed by METRICS.
    raise NotImplementedError("TODO: evaluate")


def compare_classifiers(
    X_train: np.ndarray,
    X_test: np.ndarray,
    y_train: np.ndarray,
    y_test: np.ndarray,
    random_state: int = 0,
) -> Dict[str, Dict[str, float]]:
    """Fit every model from ``make_classifiers`` and return the metrics table
    ``{model_name: {"accuracy": ..., "precision": ..., "recall": ..., "roc_auc": ...}}``."""
    # TODO: for each (name, model) in make_classifiers(random_state): fit on the training
    #       split, evaluate on the test split, collect {name: metrics}.
    raise NotImplementedError("TODO: compare_classifiers")


# ---------------------------------------------------------------------------
# 2. Unsupervised: PCA and k-means
# ---------------------------------------------------------------------------
def explained_variance(X: np.ndarray, n_components: Optional[int] = None) -> np.ndarray:
    """Fraction of the total variance captured by each principal component (descending)."""
    # TODO: fit sklearn's PCA and return its explained_variance_ratio_.
    raise NotImplementedError("TODO: explained_variance")


def components_for_variance(X: np.ndarray, threshold: float = 0.9) -> int:
    """Smallest number of principal components whose cumulative explained variance
    reaches ``threshold``."""
    # TODO: cumulative sum of explained_variance(X); the first position where it reaches
    #       the threshold (np.searchsorted or np.argmax on a boolean array), as a count (int).
    raise NotImplementedError("TODO: components_for_variance")


def cluster_and_score(
    X: np.ndarray,
    y_true: np.ndarray,
    n_clusters: int,
    n_components: Optional[int] = None,
    random_state: int = 0,
) -> Dict[str, object]:
    """k-means (optionally after PCA to ``n_components``), scored two ways.

    Returns ``{"labels": cluster ids (n,), "ari": adjusted Rand index against y_true,
    "silhouette": silhouette of the clustering in the space it was computed in}``.
    ARI needs true labels (1 = identical partition, about 0 = random); the silhouette does not.
    """
    # TODO: if n_components: project X with PCA first. Then KMeans(n_clusters, n_init=10,
    #       random_state=random_state).fit_predict, and score with adjusted_rand_score
    #       (against y_true) and silhouette_score (on the clustered data).
    raise NotImplementedError("TODO: cluster_and_score")


# ---------------------------------------------------------------------------
# 3. L1 vs L2 regularisation
# ---------------------------------------------------------------------------
def fit_regularized(X: np.ndarray, y: np.ndarray, penalty: str, C: float, random_state: int = 0) -> Pipeline:
    """Standardise, then fit a logistic regression with an ``"l1"`` or ``"l2"`` penalty.

    ``C`` is the inverse regularisation strength: smaller C, stronger penalty. Standardising
    puts every coefficient on the same scale, so the penalty treats features equally.
    ``liblinear`` supports both penalties; it visits coordinates in a random order, so the
    seed is fixed for reproducible coefficients.
    """
    # TODO: raise ValueError for anything but "l1"/"l2"; otherwise fit and return
    #       make_pipeline(StandardScaler(), LogisticRegression(penalty=..., C=...,
    #       solver="liblinear", random_state=random_state)).
    raise NotImplementedError("TODO: fit_regularized")


def l1_vs_l2(
    X_train: np.ndarray,
    X_test: np.ndarray,
    y_train: np.ndarray,
    y_test: np.ndarray,
    C: float = 0.1,
) -> Dict[str, Dict[str, object]]:
    """Fit both penalties with the same C.

    Returns ``{"l1": row, "l2": row}`` where each row is
    ``{"coef": 1-D coefficient array, "n_zero": number of coefficients exactly 0,
    "accuracy": test accuracy}``.
    """
    # TODO: for "l1" and "l2": fit_regularized on the training split, take the fitted
    #       LogisticRegression's coef_ (model[-1].coef_, flattened), count exact zeros,
    #       and score on the test split.
    raise NotImplementedError("TODO: l1_vs_l2")


def sparsity_path(X: np.ndarray, y: np.ndarray, Cs: Sequence[float], penalty: str = "l1") -> list:
    """Number of zero coefficients for each C in ``Cs`` (same order)."""
    # TODO: one fit_regularized per C; count coefficients equal to 0.0.
    raise NotImplementedError("TODO: sparsity_path")


if __name__ == "__main__":
    from sklearn.datasets import load_digits

    X_train, X_test, y_train, y_test = load_binary_data()
    print(format_table(compare_classifiers(X_train, X_test, y_train, y_test)))

    X_digits, y_digits = load_digits(return_X_y=True)
    print(f"\ndigits: {components_for_variance(X_digits, 0.9)} of 64 components keep 90% of the variance")
    result = cluster_and_score(X_digits, y_digits, n_clusters=10, n_components=20)
    print(f"k-means on digits (PCA-20): ARI {result['ari']:.3f}, silhouette {result['silhouette']:.3f}")

    table = l1_vs_l2(X_train, X_test, y_train, y_test, C=0.1)
    for penalty, row in table.items():
        print(f"{penalty}: {row['n_zero']:2d} of {row['coef'].size} coefficients are zero, accuracy {row['accuracy']:.3f}")
    print("L1 zeros for C = 0.01, 0.1, 1:", sparsity_path(X_train, y_train, [0.01, 0.1, 1.0]))
