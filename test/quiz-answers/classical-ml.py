"""Computes every numeric quiz answer of the classical-ml layer (roadmap/notes/classical-ml).

Prints one JSON object mapping "<topic-id>/<item-id>" to the computed value; the quiz check
compares each against the number written in the topic's .quiz.yaml.
"""
import json
from math import ceil, log

import numpy as np
from scipy.stats import norm

out = {}

# supervised-unsupervised
pred, target = np.array([2.0, 0.0, 1.0]), np.array([1.0, 0.0, 3.0])
out["supervised-unsupervised/empirical-risk"] = float(np.mean((pred - target) ** 2))

# linear-regression
X = np.array([[1.0, 1.0], [2.0, 2.0], [3.0, 3.0]])          # two identical columns
y = np.array([2.0, 4.0, 6.0])
out["linear-regression/minimum-norm-weight"] = float((np.linalg.pinv(X) @ y)[0])
s, lam = 0.5, 1.0
out["linear-regression/ridge-shrink-factor"] = s ** 2 / (s ** 2 + lam)
out["linear-regression/noise-variance"] = 36.0 / (20 - 2)

# regularization-l1-l2: soft-thresholding with orthonormal features
def soft_threshold(z, lam):
    return np.sign(z) * np.maximum(np.abs(z) - lam, 0.0)

out["regularization-l1-l2/soft-threshold-negative"] = float(soft_threshold(-3.5, 1.2))

# evaluation-metrics
tp, fp, fn = 40, 10, 20
prec, rec = tp / (tp + fp), tp / (tp + fn)
out["evaluation-metrics/f1-from-counts"] = 2 * prec * rec / (prec + rec)
pos, neg = np.array([0.9, 0.6, 0.4]), np.array([0.7, 0.3, 0.2, 0.1])
out["evaluation-metrics/pairwise-auc"] = float((pos[:, None] > neg[None, :]).mean()
                                               + 0.5 * (pos[:, None] == neg[None, :]).mean())

# decision-trees-random-forests
p = np.array([0.8, 0.2])
out["decision-trees-random-forests/gini-eight-two"] = float(1 - np.sum(p ** 2))
rho, sigma2, B = 0.3, 1.0, 100
out["decision-trees-random-forests/bagging-variance"] = rho * sigma2 + (1 - rho) / B * sigma2
out["decision-trees-random-forests/bootstrap-unique-share"] = 1 - (1 - 1 / 1000) ** 1000
def entropy(q):
    q = np.asarray(q, dtype=float)
    q = q[q > 0]
    return float(-(q * np.log2(q)).sum())
parent = entropy([0.5, 0.5])
children = 0.5 * entropy([6 / 8, 2 / 8]) + 0.5 * entropy([2 / 8, 6 / 8])
out["decision-trees-random-forests/information-gain"] = parent - children

# support-vector-machines
out["support-vector-machines/margin-from-w"] = 2 / float(np.linalg.norm([3.0, 4.0]))
yy, ff = np.array([1.0, 1.0, -1.0]), np.array([0.3, 1.5, 0.5])
out["support-vector-machines/hinge-losses"] = float(np.maximum(0, 1 - yy * ff).sum())
out["support-vector-machines/rbf-kernel-value"] = float(np.exp(-0.5 * np.sum((np.array([1.0, 0.0]) - np.array([0.0, 1.0])) ** 2)))

# knn-naive-bayes
out["knn-naive-bayes/edge-for-ten-percent"] = 0.1 ** (1 / 100)
out["knn-naive-bayes/laplace-smoothed-probability"] = (0 + 1) / (20 + 1 * 10)

# k-means-clustering
out["k-means-clustering/silhouette-of-point"] = (5 - 2) / max(2, 5)
d = np.array([1.0, 2.0, 3.0])
out["k-means-clustering/kmeanspp-probability"] = float(d[2] ** 2 / np.sum(d ** 2))
pts, centres = np.array([1.0, 2.0, 4.0, 7.0, 8.0]), np.array([0.0, 10.0])
assign = np.abs(pts[:, None] - centres[None, :]).argmin(1)
out["k-means-clustering/one-lloyd-iteration"] = float(pts[assign == 0].mean())

# pca-tsne
sv = np.array([4.0, 2.0, 2.0, 1.0])
out["pca-tsne/ratio-from-singular-values"] = float(sv[0] ** 2 / np.sum(sv ** 2))
out["pca-tsne/variance-from-singular-value"] = 30.0 ** 2 / (101 - 1)

# mixture-models-em
K, dim = 4, 10
out["mixture-models-em/full-covariance-parameters"] = K * dim + K * dim * (dim + 1) // 2 + (K - 1)
def normal_pdf(v, mu, sd):
    return np.exp(-((v - mu) ** 2) / (2 * sd ** 2)) / np.sqrt(2 * np.pi * sd ** 2)
w1, w2 = 0.5 * normal_pdf(1.5, 0.0, 1.0), 0.5 * normal_pdf(1.5, 2.0, 1.0)
out["mixture-models-em/responsibility-value"] = float(w2 / (w1 + w2))
out["mixture-models-em/bic-value"] = 5 * np.log(100) - 2 * (-200.0)

# hierarchical-density-clustering
out["hierarchical-density-clustering/mutual-reachability-value"] = max(0.5, 2.0, 1.0)
pts1 = np.array([0.0, 1.0, 2.0, 3.0, 10.0, 20.0])
eps, min_samples = 1.5, 3
near = np.abs(pts1[:, None] - pts1[None, :]) <= eps      # each point counts itself
core = near.sum(1) >= min_samples
border = ~core & (near & core[None, :]).any(1)
out["hierarchical-density-clustering/dbscan-noise-count"] = int(np.sum(~core & ~border))

# gradient-boosting
yb = np.array([3.0, 5.0, 10.0])
F0 = yb.mean()
out["gradient-boosting/one-boosting-round"] = float(F0 + 0.1 * (yb[2] - F0))
out["gradient-boosting/log-loss-pseudo-residual"] = float(1 - 1 / (1 + np.exp(-0.5)))
out["gradient-boosting/xgboost-leaf-weight"] = -(-12.0) / (5.0 + 1.0)

# class-imbalance-calibration
c_fp, c_fn = 1.0, 20.0
out["class-imbalance-calibration/cost-threshold"] = c_fp / (c_fp + c_fn)
out["class-imbalance-calibration/balanced-class-weight"] = 1000 / (2 * 50)
beta, ps = 0.1, 0.5
out["class-imbalance-calibration/undo-undersampling"] = beta * ps / (beta * ps - ps + 1)
ph, yl = np.array([0.9, 0.2, 0.6]), np.array([1.0, 0.0, 0.0])
out["class-imbalance-calibration/brier-score"] = float(np.mean((ph - yl) ** 2))

# feature-engineering: age -> value + missing indicator, income -> 1, city -> 4 one-hot columns
out["feature-engineering/pipeline-column-count"] = 2 + 1 + 4

# hyperparameter-search
out["hyperparameter-search/random-search-hit-probability"] = 1 - 0.95 ** 60
out["hyperparameter-search/trials-for-top-percent"] = ceil(log(0.01) / log(0.99))
f_star, mu, sd = 1.0, 0.8, 0.2
zz = (f_star - mu) / sd
out["hyperparameter-search/expected-improvement"] = float((f_star - mu) * norm.cdf(zz) + sd * norm.pdf(zz))

# sklearn-kaggle-practice: a constant score ties every positive-negative pair
yc = np.array([1, 0, 1, 1, 0])
sc = np.zeros(len(yc))
pc, nc = sc[yc == 1], sc[yc == 0]
out["sklearn-kaggle-practice/constant-score-auc"] = float((pc[:, None] > nc[None, :]).mean()
                                                          + 0.5 * (pc[:, None] == nc[None, :]).mean())

print(json.dumps(out))
