"""Two-stage retrieval (BM25 + reranker) and its evaluation - reference solution.

    query --BM25 over the whole corpus--> top-k candidates --reranker on the top_n--> final ranking
    final ranking + relevance labels --> recall@k, MRR@k, nDCG@k, averaged over the queries

The corpus and the labelled queries (graded relevance: 2 = answers the question, 1 = related) are
in ``eval_set.json``: the support knowledge base of a fictional e-bike, the "Voltbike".
NumPy and the standard library only. Run the tests with ``python3 -m pytest -q``; run
``python3 rag_eval.py`` to compare the first stage with the reranked pipeline.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from pathlib import Path
from typing import Callable, Dict, List, Mapping, Sequence

import numpy as np

EVAL_SET = Path(__file__).resolve().parent / "eval_set.json"

STOPWORDS = frozenset(
    "a an and are as at be by can do does for from how i if in is it its my of on or should "
    "the this to what when where which why with you your".split()
)


# =============================================================================
# Given: tokenizer, data loading, and the reranker's scoring function
# =============================================================================
def tokenize(text: str) -> List[str]:
    """Lower-case words and numbers, stop words removed."""
    return [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOPWORDS]


def load_eval_set(path: Path = EVAL_SET) -> dict:
    """{"documents": [{"id", "title", "text"}], "queries": [{"id", "text", "relevance": {doc_id: grade}}]}"""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def document_texts(eval_set: dict) -> List[str]:
    """The text that is indexed for each document: its title, then its body."""
    return [f"{d['title']}. {d['text']}" for d in eval_set["documents"]]


# Words a cross-encoder would know are the same concept; BM25 only sees exact tokens.
SYNONYMS = {
    "pack": "battery", "cell": "battery", "cells": "battery",
    "recharge": "charge", "charging": "charge", "charger": "charge", "charged": "charge",
    "distance": "range", "mileage": "range", "far": "range",
    "tyre": "tire", "tyres": "tire", "puncture": "flat", "punctured": "flat",
    "squeal": "noise", "squeak": "noise", "squeaking": "noise", "squealing": "noise", "noisy": "noise",
    "guarantee": "warranty", "covered": "warranty", "coverage": "warranty",
    "phone": "app", "smartphone": "app", "bluetooth": "app",
    "cold": "winter", "freezing": "winter", "frost": "winter",
    "pads": "pad", "braking": "brake", "brakes": "brake", "stopping": "brake",
    "kept": "store", "storage": "store", "storing": "store",
    "pressure": "inflate", "psi": "inflate", "pump": "inflate",
    "firmware": "software", "upgrade": "update", "updating": "update",
    "riding": "ride", "rides": "ride", "rode": "ride",
    "rain": "water", "wet": "water", "waterproof": "water",
}


def _concepts(text: str) -> List[str]:
    """Tokens mapped to their concept: synonym table, then a plural 's' stripped."""
    out = []
    for w in tokenize(text):
        w = SYNONYMS.get(w, w)
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.append(SYNONYMS.get(w, w))
    return out


def cross_encoder_score(query: str, document: str) -> float:
    """A deterministic stand-in for a cross-encoder: it reads the query and one document together.

    score = coverage + 0.5 * phrase - 0.002 * length, where coverage is the fraction of the
    query's distinct concepts found in the document, phrase the fraction of the query's adjacent
    concept pairs that also appear side by side in the document, and length the document's
    number of tokens (a slight preference for focused passages).
    """
    q, d = _concepts(query), _concepts(document)
    if not q or not d:
        return 0.0
    distinct = set(q)
    coverage = len(distinct & set(d)) / len(distinct)
    pairs = set(zip(q, q[1:]))
    doc_pairs = set(zip(d, d[1:]))
    phrase = len(pairs & doc_pairs) / len(pairs) if pairs else 0.0
    return coverage + 0.5 * phrase - 0.002 * len(d)


# =============================================================================
# 1. First stage: BM25
# =============================================================================
class BM25:
    """Okapi BM25 over a fixed list of documents.

    idf(t)      = ln(1 + (N - df(t) + 0.5) / (df(t) + 0.5))
    score(q, d) = sum over the query's tokens t (repeats included) of
                  idf(t) * tf(t, d) * (k1 + 1) / (tf(t, d) + k1 * (1 - b + b * |d| / avgdl))
    """

    def __init__(self, k1: float = 1.5, b: float = 0.75):
        self.k1 = k1
        self.b = b

    def fit(self, documents: Sequence[str]) -> "BM25":
        tokens = [tokenize(d) for d in documents]
        self.n_docs_ = len(tokens)
        self.term_freqs_ = [Counter(t) for t in tokens]
        self.doc_len_ = np.array([len(t) for t in tokens], dtype=float)
        self.avgdl_ = float(self.doc_len_.mean())
        df = Counter(term for tf in self.term_freqs_ for term in tf)
        self.idf_ = {
            term: math.log(1.0 + (self.n_docs_ - n + 0.5) / (n + 0.5)) for term, n in df.items()
        }
        return self

    def score(self, query: str) -> np.ndarray:
        """BM25 score of every document for ``query``, shape (n_docs,)."""
        scores = np.zeros(self.n_docs_)
        norm = self.k1 * (1.0 - self.b + self.b * self.doc_len_ / self.avgdl_)
        for term in tokenize(query):
            idf = self.idf_.get(term)
            if idf is None:
                continue
            tf = np.array([freqs[term] for freqs in self.term_freqs_], dtype=float)
            hit = tf > 0  # only matching documents: with k1 = 0, tf / (tf + 0) would be 0 / 0 elsewhere
            scores[hit] += idf * tf[hit] * (self.k1 + 1.0) / (tf[hit] + norm[hit])
        return scores

    def search(self, query: str, k: int = 10) -> List[int]:
        """Indices of the (at most) k best documents with a score > 0, best first; equal
        scores are ordered by index."""
        scores = self.score(query)
        order = sorted(range(self.n_docs_), key=lambda i: (-scores[i], i))
        return [i for i in order if scores[i] > 0][:k]


# =============================================================================
# 2. Second stage: reranking
# =============================================================================
def rerank(
    query: str,
    candidates: Sequence[int],
    documents: Sequence[str],
    scorer: Callable[[str, str], float],
    top_n: int = 10,
) -> List[int]:
    """Reorder the first ``top_n`` candidates by ``scorer(query, documents[i])``, best first
    (equal scores keep their first-stage order); the remaining candidates follow unchanged."""
    head, tail = list(candidates[:top_n]), list(candidates[top_n:])
    scores = {i: scorer(query, documents[i]) for i in head}
    return sorted(head, key=lambda i: -scores[i]) + tail


# =============================================================================
# 3. Metrics for one query
# =============================================================================
def recall_at_k(ranking: Sequence[str], relevance: Mapping[str, int], k: int) -> float:
    """Fraction of the relevant documents (grade > 0) found in the top k; nan if there are none."""
    relevant = {d for d, g in relevance.items() if g > 0}
    if not relevant:
        return float("nan")
    return len(relevant.intersection(ranking[:k])) / len(relevant)


def reciprocal_rank(ranking: Sequence[str], relevance: Mapping[str, int], k: int) -> float:
    """1 / rank of the first relevant document within the top k (0 if none); nan if there are none."""
    if not any(g > 0 for g in relevance.values()):
        return float("nan")
    for rank, doc in enumerate(ranking[:k], start=1):
        if relevance.get(doc, 0) > 0:
            return 1.0 / rank
    return 0.0


def dcg(grades: Sequence[float]) -> float:
    """Discounted cumulative gain of grades in rank order: sum of (2^g - 1) / log2(rank + 1)."""
    return float(sum((2.0 ** g - 1.0) / math.log2(rank + 1) for rank, g in enumerate(grades, start=1)))


def ndcg_at_k(ranking: Sequence[str], relevance: Mapping[str, int], k: int) -> float:
    """DCG of the top k divided by the DCG of the ideal top k; unlabelled documents have grade 0;
    nan if no document is relevant."""
    ideal = sorted((g for g in relevance.values() if g > 0), reverse=True)[:k]
    if not ideal:
        return float("nan")
    return dcg([relevance.get(d, 0) for d in ranking[:k]]) / dcg(ideal)


# =============================================================================
# 4. Evaluation over a query set
# =============================================================================
def evaluate(run: Mapping[str, Sequence[str]], qrels: Mapping[str, Mapping[str, int]], k: int = 5) -> Dict[str, float]:
    """Mean recall@k, MRR@k and nDCG@k over the queries of ``qrels`` that have at least one
    relevant document (a query missing from ``run`` counts as an empty ranking); the others are
    skipped and counted."""
    per_query = {"recall": [], "mrr": [], "ndcg": []}
    skipped = 0
    for qid, relevance in qrels.items():
        if not any(g > 0 for g in relevance.values()):
            skipped += 1
            continue
        ranking = list(run.get(qid, []))
        per_query["recall"].append(recall_at_k(ranking, relevance, k))
        per_query["mrr"].append(reciprocal_rank(ranking, relevance, k))
        per_query["ndcg"].append(ndcg_at_k(ranking, relevance, k))
    n = len(per_query["recall"])
    mean = (lambda xs: float(sum(xs) / n)) if n else (lambda xs: float("nan"))
    return {
        f"recall@{k}": mean(per_query["recall"]),
        f"mrr@{k}": mean(per_query["mrr"]),
        f"ndcg@{k}": mean(per_query["ndcg"]),
        "n_queries": n,
        "n_skipped": skipped,
    }


# =============================================================================
# Given: the two pipelines over the evaluation set
# =============================================================================
def first_stage_run(eval_set: dict, k: int = 10, **bm25_params) -> Dict[str, List[str]]:
    """{query id: the top-k document ids from BM25}."""
    ids = [d["id"] for d in eval_set["documents"]]
    bm25 = BM25(**bm25_params).fit(document_texts(eval_set))
    return {q["id"]: [ids[i] for i in bm25.search(q["text"], k)] for q in eval_set["queries"]}


def reranked_run(
    eval_set: dict, k: int = 10, top_n: int = 10, scorer: Callable[[str, str], float] = cross_encoder_score
) -> Dict[str, List[str]]:
    """{query id: BM25's top-k document ids, the first top_n of them reranked by ``scorer``}."""
    ids = [d["id"] for d in eval_set["documents"]]
    texts = document_texts(eval_set)
    bm25 = BM25().fit(texts)
    return {
        q["id"]: [ids[i] for i in rerank(q["text"], bm25.search(q["text"], k), texts, scorer, top_n)]
        for q in eval_set["queries"]
    }


def qrels_of(eval_set: dict) -> Dict[str, Dict[str, int]]:
    return {q["id"]: dict(q["relevance"]) for q in eval_set["queries"]}


if __name__ == "__main__":
    data = load_eval_set()
    qrels = qrels_of(data)
    for name, run in [("BM25", first_stage_run(data)), ("BM25 + reranker", reranked_run(data))]:
        scores = evaluate(run, qrels, k=5)
        print(f"{name:<16} " + "  ".join(f"{key} {value:.3f}" if isinstance(value, float) else f"{key} {value}"
                                        for key, value in scores.items()))
