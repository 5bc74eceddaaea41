"""Two-stage retrieval (BM25 + reranker) and its evaluation (starter code).

    query --BM25 over the whole corpus--> top-k candidates --reranker on the top_n--> final ranking
    final ranking + relevance labels --> recall@k, MRR@k, nDCG@k, averaged over the queries

The corpus and the labelled queries (graded relevance: 2 = answers the question, 1 = related) are
in ``eval_set.json``: the support knowledge base of a fictional e-bike, the "Voltbike".
NumPy and the standard library only. Fill in the TODOs in order; ``python3 -m pytest -q`` shows which
parts already work, and ``python3 rag_eval.py`` compares the first stage with the reranked pipeline.
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
        # TODO 1: tokenize every document; keep the number of documents (self.n_docs_), each document's
        #         term counts (a Counter per document), the lengths as a NumPy array and their mean
        #         (avgdl); count in how many documents each term occurs (df) and store
        #         idf = ln(1 + (N - df + 0.5) / (df + 0.5)) per term. Return self.
        raise NotImplementedError("TODO 1: BM25.fit")

    def score(self, query: str) -> np.ndarray:
        """BM25 score of every document for ``query``, shape (n_docs,)."""
        # TODO 2: start from zeros (n_docs,); for every token of the query (repeats included) that occurs
        #         in the corpus, add idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * doc_len / avgdl)), with tf
        #         the token's count in each document (a vector over documents). Add only where tf > 0:
        #         with k1 = 0 the fraction would be 0 / 0 for the other documents.
        raise NotImplementedError("TODO 2: BM25.score")

    def search(self, query: str, k: int = 10) -> List[int]:
        """Indices of the (at most) k best documents with a score > 0, best first; equal
        scores are ordered by index."""
        # TODO 3: sort the indices by (-score, index), keep those with a score > 0, return the first k.
        raise NotImplementedError("TODO 3: BM25.search")


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
    # TODO 4: score each of the first top_n candidates once with scorer(query, documents[i]); sort them by
    #         score, best first, with a stable sort (Python's sorted is stable); append the other
    #         candidates in their original order. Return a new list.
    raise NotImplementedError("TODO 4: rerank")


# =============================================================================
# 3. Metrics for one query
# =============================================================================
def recall_at_k(ranking: Sequence[str], relevance: Mapping[str, int], k: int) -> float:
    """Fraction of the relevant documents (grade > 0) found in the top k; nan if there are none."""
    # TODO 5: the relevant documents are those with grade > 0; nan if there are none; otherwise the
    #         fraction of them that appear in ranking[:k].
    raise NotImplementedError("TODO 5: recall_at_k")


def reciprocal_rank(ranking: Sequence[str], relevance: Mapping[str, int], k: int) -> float:
    """1 / rank of the first relevant document within the top k (0 if none); nan if there are none."""
    # TODO 6: nan if no grade is > 0; otherwise walk ranking[:k] with ranks starting at 1 and return
    #         1 / rank at the first document whose grade is > 0, or 0.0 if there is none.
    raise NotImplementedError("TODO 6: reciprocal_rank")


def dcg(grades: Sequence[float]) -> float:
    """Discounted cumulative gain of grades in rank order: sum of (2^g - 1) / log2(rank + 1)."""
    # TODO 7: ranks start at 1, so the first grade is divided by log2(2) = 1.
    raise NotImplementedError("TODO 7: dcg")


def ndcg_at_k(ranking: Sequence[str], relevance: Mapping[str, int], k: int) -> float:
    """DCG of the top k divided by the DCG of the ideal top k; unlabelled documents have grade 0;
    nan if no document is relevant."""
    # TODO 8: the ideal ranking is every grade > 0 of the labels, sorted from high to low, cut at k (nan if
    #         it is empty); divide the DCG of the grades of ranking[:k] (0 for unlabelled documents) by
    #         the DCG of the ideal.
    raise NotImplementedError("TODO 8: ndcg_at_k")


# =============================================================================
# 4. Evaluation over a query set
# =============================================================================
def evaluate(run: Mapping[str, Sequence[str]], qrels: Mapping[str, Mapping[str, int]], k: int = 5) -> Dict[str, float]:
    """Mean recall@k, MRR@k and nDCG@k over the queries of ``qrels`` that have at least one
    relevant document (a query missing from ``run`` counts as an empty ranking); the others are
    skipped and counted."""
    # TODO 9: loop over qrels (not over run); skip and count the queries without any grade > 0; for the
    #         others take run.get(qid, []) and collect the three metrics. Return
    #         {f"recall@{k}": mean, f"mrr@{k}": mean, f"ndcg@{k}": mean, "n_queries": ..., "n_skipped": ...}.
    raise NotImplementedError("TODO 9: evaluate")


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
