"""Tests for model_study.py. Run with:  python3 -m pytest -q"""
import numpy as np
import pytest
from sklearn.base import is_classifier
from sklearn.cluster import KMeans
from sklearn.datasets import load_digits, make_blobs
from sklearn.decomposition import PCA
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import adjusted_rand_score, silhouette_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC
from sklearn.tree import DecisionTreeClassifier

from model_study import (
    METRICS,
    cluster_and_score,
    compare_classifiers,
    components_for_variance,
    evaluate,
    explained_variance,
    fit_regularized,
    l1_vs_l2,
    load_binary_data,
    make_classifiers,
    positive_class_scores,
    sparsity_path,
)

try:  # one thread: fast and steady timings for k-means on a busy machine
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1)
except ImportError:  # pragma: no cover
    pass


@pytest.fixture(scope="module")
def split():
    return load_binary_data(test_size=0.25, seed=0)


@pytest.fixture(scope="module")
def results(split):
    return compare_classifiers(*split, random_state=0)


@pytest.fixture(scope="module")
def digits():
    return load_digits(return_X_y=True)


# ----------------------------------------------------------------------------- stubs
class ProbaStub:
    """A 'fitted model' with fixed outputs, to test evaluate() in isolation."""

    def __init__(self, pred, scores):
        self.pred, self.scores = np.asarray(pred), np.asarray(scores, dtype=float)

    def predict(self, X):
        return self.pred

    def predict_proba(self, X):
        return np.column_stack([1 - self.scores, self.scores])


class MarginStub:
    """Like an SVC without probability=True: only decision_function."""

    def __init__(self, pred, margins):
        self.pred, self.margins = np.asarray(pred), np.asarray(margins, dtype=float)

    def predict(self, X):
        return self.pred

    def decision_function(self, X):
        return self.margins


# ----------------------------------------------------------------------------- 1. supervised
def test_make_classifiers_returns_three_unfitted_classifiers():
    models = make_classifiers(random_state=0)
    assert set(models) == {"decision_tree", "random_forest", "svm"}
    for name, model in models.items():
        assert is_classifier(model), f"{name} is not a scikit-learn classifier"


def test_make_classifiers_builds_the_prescribed_estimators():
    models = make_classifiers(random_state=7)
    tree, forest, svm = models["decision_tree"], models["random_forest"], models["svm"]
    assert type(tree) is DecisionTreeClassifier, f"decision_tree must be a DecisionTreeClassifier, got {type(tree).__name__}"
    assert type(forest) is RandomForestClassifier, (
        f"random_forest must be a RandomForestClassifier, got {type(forest).__name__}"
    )
    assert tree.random_state == 7 and forest.random_state == 7, (
        "pass random_state to the tree and the forest, so the study is reproducible for any seed"
    )
    assert forest.n_estimators >= 100, f"a forest of {forest.n_estimators} trees is too small to average well"
    assert isinstance(svm, Pipeline), "the SVM goes in a Pipeline, so the scaler only ever sees training data"
    steps = [step for _, step in svm.steps]
    assert [type(step) for step in steps] == [StandardScaler, SVC], (
        f"svm pipeline must be StandardScaler -> SVC, got {[type(step).__name__ for step in steps]}"
    )
    assert steps[-1].kernel == "rbf", "use the RBF kernel, the SVM whose distances need standardised features"


def test_positive_class_scores_prefers_probabilities_then_margins():
    X = np.zeros((3, 1))
    np.testing.assert_allclose(positive_class_scores(ProbaStub([0, 1, 1], [0.2, 0.7, 0.9]), X), [0.2, 0.7, 0.9])
    np.testing.assert_allclose(positive_class_scores(MarginStub([0, 1, 1], [-1.5, 0.3, 2.0]), X), [-1.5, 0.3, 2.0])


def test_evaluate_computes_the_four_metrics():
    y_test = np.array([0, 0, 1, 1, 1])
    model = ProbaStub(pred=[1, 1, 1, 1, 0], scores=[0.1, 0.4, 0.35, 0.8, 0.7])
    metrics = evaluate(model, np.zeros((5, 2)), y_test)
    assert set(metrics) == set(METRICS)
    assert all(isinstance(v, float) for v in metrics.values()), "return plain floats"
    assert metrics["accuracy"] == pytest.approx(2 / 5)
    assert metrics["precision"] == pytest.approx(2 / 4), "precision = TP / (TP + FP) = 2 / 4 here"
    assert metrics["recall"] == pytest.approx(2 / 3), "recall = TP / (TP + FN) = 2 / 3 here"
    assert metrics["roc_auc"] == pytest.approx(5 / 6)  # 5 of 6 (positive, negative) pairs ranked right


def test_roc_auc_uses_scores_not_hard_predictions():
    y_test = np.array([0, 0, 1, 1])
    # Every prediction is "1" (accuracy 0.5) but the scores rank the classes perfectly.
    proba_model = ProbaStub(pred=[1, 1, 1, 1], scores=[0.6, 0.7, 0.8, 0.9])
    assert evaluate(proba_model, np.zeros((4, 1)), y_test)["roc_auc"] == pytest.approx(1.0)
    margin_model = MarginStub(pred=[1, 1, 1, 1], margins=[0.1, 0.2, 0.3, 0.4])
    metrics = evaluate(margin_model, np.zeros((4, 1)), y_test)
    assert metrics["roc_auc"] == pytest.approx(1.0)
    assert metrics["accuracy"] == pytest.approx(0.5) and metrics["recall"] == pytest.approx(1.0)


def test_compare_classifiers_returns_a_metrics_table(results):
    assert set(results) == {"decision_tree", "random_forest", "svm"}
    for name, row in results.items():
        assert set(row) == set(METRICS), name
        for metric, value in row.items():
            assert isinstance(value, float), (name, metric, value)


def test_compare_classifiers_fits_on_train_and_scores_on_test(split, results):
    """The table must hold each model's scores on the held-out split after fitting on the
    training split (the tree is deterministic with random_state=0, so the values are exact)."""
    X_train, X_test, y_train, y_test = split
    tree = DecisionTreeClassifier(random_state=0).fit(X_train, y_train)
    expected = evaluate(tree, X_test, y_test)
    for metric in METRICS:
        assert results["decision_tree"][metric] == pytest.approx(expected[metric]), (
            f"decision_tree {metric}: {results['decision_tree'][metric]:.4f}, expected {expected[metric]:.4f} "
            "from fitting on (X_train, y_train) and evaluating on (X_test, y_test)"
        )
    assert results["decision_tree"]["accuracy"] < 1.0, "a fully grown tree is perfect on its training data, not on the test split"


def test_models_perform_sensibly(results):
    for name, row in results.items():
        assert row["accuracy"] >= 0.85, f"{name}: accuracy {row['accuracy']:.3f}"
    # An SVM on standardised features is strong on this data set (unscaled, it is not).
    assert results["svm"]["accuracy"] >= 0.93
    assert results["svm"]["roc_auc"] >= 0.98
    # Averaging many trees gives much better-ranked scores than a single tree.
    assert results["random_forest"]["roc_auc"] > results["decision_tree"]["roc_auc"]


def test_compare_classifiers_is_reproducible(split, results):
    again = compare_classifiers(*split, random_state=0)
    for name in results:
        for metric in METRICS:
            assert again[name][metric] == pytest.approx(results[name][metric])


# ----------------------------------------------------------------------------- 2. unsupervised
def test_explained_variance_ratios(digits):
    X, _ = digits
    ratios = np.asarray(explained_variance(X))
    assert ratios.shape == (64,)
    assert np.all(np.diff(ratios) <= 1e-12), "ratios must be in descending order"
    assert ratios.sum() == pytest.approx(1.0, abs=1e-6)
    np.testing.assert_allclose(explained_variance(X, n_components=5), ratios[:5], rtol=1e-6)


def test_components_for_variance_on_digits(digits):
    X, _ = digits
    k = components_for_variance(X, threshold=0.9)
    cumulative = np.cumsum(PCA().fit(X).explained_variance_ratio_)
    assert isinstance(k, int)
    assert cumulative[k - 1] >= 0.9 > cumulative[k - 2], "k must be the smallest count reaching 90%"
    assert 10 < k < 40


def test_components_for_variance_finds_a_low_rank_structure():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(300, 3)) @ rng.normal(size=(3, 12))  # rank 3 in 12 dimensions
    X += 1e-4 * rng.normal(size=X.shape)
    assert components_for_variance(X, threshold=0.999) <= 3


def test_kmeans_recovers_well_separated_blobs():
    X, y = make_blobs(n_samples=600, centers=4, cluster_std=0.6, random_state=0)
    result = cluster_and_score(X, y, n_clusters=4, random_state=0)
    assert np.shape(result["labels"]) == (600,)
    assert len(np.unique(result["labels"])) == 4
    assert result["ari"] > 0.95
    assert result["silhouette"] > 0.5


def test_ari_is_near_zero_against_random_labels():
    X, y = make_blobs(n_samples=600, centers=4, cluster_std=0.6, random_state=0)
    shuffled = np.random.default_rng(0).permutation(y)
    assert abs(cluster_and_score(X, shuffled, n_clusters=4, random_state=0)["ari"]) < 0.05


def test_pca_then_kmeans_on_digits(digits):
    X, y = digits
    result = cluster_and_score(X, y, n_clusters=10, n_components=20, random_state=0)
    assert np.shape(result["labels"]) == (len(X),)
    assert result["ari"] > 0.5, f"ARI {result['ari']:.3f}: k-means should find most digit groups"
    Z = PCA(n_components=20, svd_solver="full").fit_transform(X)
    in_pca_space = silhouette_score(Z, result["labels"])
    assert result["silhouette"] == pytest.approx(in_pca_space, abs=2e-3), (
        f"silhouette {result['silhouette']:.4f}, but these labels score {in_pca_space:.4f} in the 20-D PCA space "
        f"(and {silhouette_score(X, result['labels']):.4f} in pixel space): score the clustering in the space it was made in"
    )


def test_pca_really_comes_before_kmeans():
    """Four groups on a 2 x 2 grid: far apart along x (variance ~100), closer along y (~9).
    On the raw data k-means finds all four; after PCA to ONE component it only sees x."""
    rng = np.random.default_rng(0)
    gx, gy = rng.integers(0, 2, 400), rng.integers(0, 2, 400)
    X = np.c_[np.where(gx, 10.0, -10.0) + rng.normal(size=400), np.where(gy, 3.0, -3.0) + 0.5 * rng.normal(size=400)]
    y = 2 * gx + gy
    raw = cluster_and_score(X, y, n_clusters=4, random_state=0)
    assert raw["ari"] > 0.95, f"without PCA k-means should recover the 4 groups, ARI {raw['ari']:.3f}"
    reduced = cluster_and_score(X, y, n_clusters=4, n_components=1, random_state=0)
    Z = PCA(n_components=1).fit_transform(X)
    expected = KMeans(n_clusters=4, n_init=10, random_state=0).fit_predict(Z)
    agreement = adjusted_rand_score(expected, reduced["labels"])
    assert agreement > 0.99, (
        f"with n_components=1 the labels should be k-means on the first principal component only "
        f"(agreement ARI {agreement:.3f}); was PCA applied before k-means?"
    )
    assert reduced["ari"] < 0.6, "one component cannot separate the y groups, so ARI must drop"
    assert reduced["silhouette"] == pytest.approx(silhouette_score(Z, reduced["labels"]), abs=1e-6), (
        "the silhouette must be computed on the PCA-projected data that k-means clustered"
    )


# ----------------------------------------------------------------------------- 3. regularisation
def test_l1_gives_sparser_coefficients_than_l2(split):
    table = l1_vs_l2(*split, C=0.1)
    assert set(table) == {"l1", "l2"}
    for penalty, row in table.items():
        assert np.shape(row["coef"]) == (30,), penalty
        assert row["n_zero"] == int(np.sum(np.asarray(row["coef"]) == 0.0)), penalty
        assert row["accuracy"] >= 0.9, f"{penalty}: accuracy {row['accuracy']:.3f}"
    assert table["l2"]["n_zero"] == 0, "L2 shrinks coefficients but does not zero them"
    assert table["l1"]["n_zero"] >= 10, "L1 with C=0.1 should zero out many of the 30 features"
    assert table["l1"]["n_zero"] > table["l2"]["n_zero"]


def test_stronger_l1_penalty_means_more_zeros(split):
    X_train, _, y_train, _ = split
    zeros = sparsity_path(X_train, y_train, Cs=[0.01, 0.1, 1.0], penalty="l1")
    assert len(zeros) == 3
    assert zeros[0] >= zeros[1] >= zeros[2], f"zeros per C: {zeros}"
    assert zeros[0] > zeros[2]


def test_fit_regularized_returns_a_fitted_model(split):
    X_train, X_test, y_train, y_test = split
    model = fit_regularized(X_train, y_train, "l2", C=1.0)
    assert model.score(X_test, y_test) >= 0.93
    with pytest.raises(ValueError):
        fit_regularized(X_train, y_train, "elasticnet", C=1.0)


@pytest.mark.parametrize("penalty, C", [("l1", 0.05), ("l2", 3.0)])
def test_fit_regularized_builds_the_prescribed_pipeline(split, penalty, C):
    X_train, _, y_train, _ = split
    model = fit_regularized(X_train, y_train, penalty, C=C)
    assert isinstance(model, Pipeline), "return the fitted pipeline (make_pipeline(...).fit(X, y))"
    steps = [step for _, step in model.steps]
    assert [type(step) for step in steps] == [StandardScaler, LogisticRegression], (
        f"expected StandardScaler -> LogisticRegression, got {[type(step).__name__ for step in steps]}: "
        "without standardising, the penalty treats features on different scales unequally"
    )
    logreg = steps[-1]
    assert logreg.penalty == penalty and logreg.C == C, (
        f"the logistic regression must use penalty={penalty!r} and C={C}, got penalty={logreg.penalty!r}, C={logreg.C}"
    )
    assert hasattr(logreg, "coef_"), "the pipeline must be fitted"
