"""Computes every numeric quiz answer of the foundations layer (roadmap/notes/foundations).

Prints one JSON object mapping "<topic-id>/<item-id>" to the computed value; the quiz check
compares each against the number written in the topic's .quiz.yaml.
"""
import json

import numpy as np
from scipy.stats import binomtest

out = {}

# linear-algebra
out["linear-algebra/growth-after-ten-steps"] = 1.1 ** 10
out["linear-algebra/area-scaling"] = abs(float(np.linalg.det(np.array([[2.0, 1.0], [1.0, 3.0]]))))
lam = np.linalg.eigvalsh(np.array([[2.0, 1.0], [1.0, 2.0]]))
out["linear-algebra/condition-number"] = float(lam.max() / lam.min())

# calculus
A = np.array([[1.0, 2.0], [0.0, 3.0]])
x = np.array([1.0, 1.0])
out["calculus/quadratic-form-gradient"] = float(((A + A.T) @ x)[1])
z = np.linspace(-10, 10, 200001)
s = 1 / (1 + np.exp(-z))
out["calculus/sigmoid-derivative-max"] = float((s * (1 - s)).max())
out["calculus/ten-sigmoid-bound"] = 0.25 ** 10

# probability-statistics
def posterior(prior, sens, fpr):
    return sens * prior / (sens * prior + fpr * (1 - prior))

out["probability-statistics/posterior-at-ten-percent"] = posterior(0.10, 0.99, 0.05)
out["probability-statistics/posterior-low-fpr"] = posterior(0.01, 0.99, 0.01)
out["probability-statistics/density-above-one"] = 1 / np.sqrt(2 * np.pi * 0.1 ** 2)
out["probability-statistics/accuracy-standard-error"] = float(np.sqrt(0.8 * 0.2 / 200))

# optimization
out["optimization/divergence-threshold"] = 2 / 50
th = 1.0
for _ in range(100):
    th -= (1 / 50) * 1.0 * th          # eta = 1/beta, curvature mu = 1
out["optimization/slow-direction-after-100"] = th

# python-numpy-pytorch: nn.Linear(256, 10) has a 10x256 weight and 10 biases
out["python-numpy-pytorch/linear-param-count"] = 256 * 10 + 10

# models-from-scratch
xv, wv, b = np.array([1.0, 3.0]), np.array([0.2, 0.1]), 0.5
p = 1 / (1 + np.exp(-(xv @ wv + b)))
out["models-from-scratch/logistic-gradient-entry"] = float((p - 0.0) * xv[1])
zl = np.array([1000.0, 1001.0, 1002.0])
e = np.exp(zl - zl.max())
out["models-from-scratch/shifted-softmax"] = float(e[-1] / e.sum())

# statistics-for-ml
S = np.array([[4.0, -1.5], [-1.5, 1.0]])
out["statistics-for-ml/correlation-from-covariance"] = float(S[0, 1] / np.sqrt(S[0, 0] * S[1, 1]))
S2 = np.array([[2.0, 1.2], [1.2, 1.0]])
a = np.ones(2)
out["statistics-for-ml/variance-of-sum"] = float(a @ S2 @ a)
out["statistics-for-ml/samples-to-halve-error"] = 2500 * 2 ** 2

# bootstrap-model-comparison
out["bootstrap-model-comparison/family-wise-error"] = 1 - 0.95 ** 20
bb, cc = 15, 5
out["bootstrap-model-comparison/mcnemar-statistic"] = (abs(bb - cc) - 1) ** 2 / (bb + cc)
out["bootstrap-model-comparison/mcnemar-exact-p"] = float(binomtest(bb, bb + cc, 0.5).pvalue)
pv = np.sort(np.array([0.01, 0.02, 0.03, 0.04]))
m, alpha = len(pv), 0.05
holm = 0
for i, pi in enumerate(pv):                 # i = 0..m-1, threshold alpha / (m - i)
    if pi <= alpha / (m - i):
        holm += 1
    else:
        break
out["bootstrap-model-comparison/holm-rejections"] = holm
ok = [i + 1 for i in range(m) if pv[i] <= (i + 1) * alpha / m]
out["bootstrap-model-comparison/bh-rejections"] = max(ok) if ok else 0

print(json.dumps(out))
