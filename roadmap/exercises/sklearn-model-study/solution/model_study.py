"""A scikit-learn model study (reference solution).

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
    return {
        "decision_tree": DecisionTreeClassifier(random_state=random_state),
        "random_forest": RandomForestClassifier(n_estimators=200, random_state=random_state),
        "svm": make_pipeline(StandardScaler(), SVC(kernel="rbf", C=1.0)),
    }


def positive_class_scores(model: BaseEstimator, X: np.ndarray) -> np.ndarray:
    """A continuous score per sample, higher meaning "more likely class 1".

    ROC AUC ranks samples by this score, so hard 0/1 predictions would throw information
    away. Use ``predict_proba`` when the model has it, else ``decision_function`` (an SVM
    without ``probability=True`` only has the latter).
    """
    if hasattr(model, "predict_proba"):
        return model.predict_proba(X)[:, 1]
    return model.decision_function(X)


def evaluate(model: BaseEstimator, X_test: np.ndarray, y_test: np.ndarray) -> Dict[str, float]:
    """Accuracy, precision, recall (class 1 is positive) and ROC AUC of a fitted model."""
    y_pred = model.predict(X_test)
    scores = positive_class_scores(model, X_test)
    return {
        "accuracy": float(accuracy_score(y_test, y_pred)),
        "precision": float(precision_score(y_test, y_pred, zero_division=0)),
        "recall": float(recall_score(y_test, y_pred, zero_division=0)),
        "roc_auc": float(roc_auc_score(y_test, scores)),
    }


def compare_classifiers(
    X_train: np.ndarray,
    X_test: np.ndarray,
    y_train: np.ndarray,
    y_test: np.ndarray,
    random_state: int = 0,
) -> Dict[str, Dict[str, float]]:
    """Fit every model from ``make_classifiers`` and return the metrics table
    ``{model_name: {"accuracy": ..., "precision": ..., "recall": ..., "roc_auc": ...}}``."""
    results = {}
    for name, model in make_classifiers(random_state).items():
        model.fit(X_train, y_train)
        results[name] = evaluate(model, X_test, y_test)
    return results


# ---------------------------------------------------------------------------
# 2. Unsupervised: PCA and k-means
# ---------------------------------------------------------------------------
def explained_variance(X: np.ndarray, n_components: Optional[int] = None) -> np.ndarray:
    """Fraction of the total variance captured by each principal component (descending)."""
    return PCA(n_components=n_components).fit(X).explained_variance_ratio_


def components_for_variance(X: np.ndarray, threshold: float = 0.9) -> int:
    """Smallest number of principal components whose cumulative explained variance
    reaches ``threshold``."""
    cumulative = np.cumsum(explained_variance(X))
    # searchsorted finds the first index where cumulative >= threshold; +1 turns it into a count.
    return int(np.searchsorted(cumulative, threshold) + 1)


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
    Z = PCA(n_components=n_components, random_state=random_state).fit_transform(X) if n_components else X
    kmeans = KMeans(n_clusters=n_clusters, n_init=10, random_state=random_state)
    labels = kmeans.fit_predict(Z)
    return {
        "labels": labels,
        "ari": float(adjusted_rand_score(y_true, labels)),
        "silhouette": float(silhouette_score(Z, labels)),
    }


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
    if penalty not in ("l1", "l2"):
        raise ValueError(f"penalty must be 'l1' or 'l2', got {penalty!r}")
    model = make_pipeline(
        StandardScaler(),
        LogisticRegression(penalty=penalty, C=C, solver="liblinear", random_state=random_state),
    )
    return model.fit(X, y)


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
    table = {}
    for penalty in ("l1", "l2"):
        model = fit_regularized(X_train, y_train, penalty, C)
        coef = model[-1].coef_.ravel()
        table[penalty] = {
            "coef": coef,
            "n_zero": int(np.sum(coef == 0.0)),
            "accuracy": float(model.score(X_test, y_test)),
        }
    return table


def sparsity_path(X: np.ndarray, y: np.ndarray, Cs: Sequence[float], penalty: str = "l1") -> list:
    """Number of zero coefficients for each C in ``Cs`` (same order)."""
    return [int(np.sum(fit_regularized(X, y, penalty, C)[-1].coef_ == 0.0)) for C in Cs]


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
