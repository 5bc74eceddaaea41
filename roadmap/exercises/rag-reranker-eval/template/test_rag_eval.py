"""Tests for rag_eval.py. Run with:  python3 -m pytest -q"""
import importlib.util
import math
import sys
from pathlib import Path

import numpy as np
import pytest

import rag_eval as R

TOY = ["cat sat on the mat", "the cat and the cat and a dog", "dog bird bird bird fish"]
# After stop words: d0 = cat sat mat (3 tokens), d1 = cat cat dog (3), d2 = dog bird bird bird fish (5);
# N = 3, avgdl = 11/3. For "cat": df = 2, idf = ln(1 + (3 - 2 + 0.5) / (2 + 0.5)) = ln 1.6.
# d0: tf = 1, length factor 1.5 * (0.25 + 0.75 * 3 / (11/3)) = 1.29545..., score = ln 1.6 * 1 * 2.5 / (1 + 1.29545...)


# ----------------------------------------------------------------------------- BM25
def test_bm25_scores_match_hand_computed_values():
    bm25 = R.BM25().fit(TOY)
    assert (bm25.k1, bm25.b) == (1.5, 0.75), "the defaults are k1 = 1.5 and b = 0.75"
    scores = bm25.score("cat")
    assert isinstance(scores, np.ndarray) and scores.shape == (3,), "one score per document, as a NumPy array"
    np.testing.assert_allclose(scores, [0.5118851407626823, 0.7131089547176678, 0.0], rtol=1e-9, err_msg=(
        "BM25('cat'): idf(cat) = ln 1.6, then tf * (k1 + 1) / (tf + k1 * (1 - b + b * |d| / avgdl)) with tf 1, 2, 0"
    ))
    np.testing.assert_allclose(bm25.score("dog"), [0.0, 0.5118851407626823, 0.403909368883054], rtol=1e-9, err_msg=(
        "'dog' appears once in d1 (3 tokens) and once in d2 (5 tokens): the longer document scores lower"
    ))
    np.testing.assert_allclose(bm25.score("bird fish"), [0.0, 0.0, 2.341389275852645], rtol=1e-9, err_msg=(
        "a query's score is the sum over its tokens"
    ))


def test_bm25_counts_repeated_query_tokens_and_ignores_unknown_ones():
    bm25 = R.BM25().fit(TOY)
    np.testing.assert_allclose(bm25.score("cat cat"), 2 * bm25.score("cat"), rtol=1e-12,
                               err_msg="sum over the query's tokens, repeats included")
    np.testing.assert_allclose(bm25.score("cat zebra"), bm25.score("cat"), rtol=1e-12,
                               err_msg="a word that is in no document adds nothing")
    assert np.all(bm25.score("zebra unicorn") == 0)
    assert bm25.search("zebra unicorn", k=3) == [], "no document matches: return no results"


def test_bm25_idf_stays_positive_for_a_word_in_every_document():
    docs = ["common apple", "common pear", "common plum common"]
    scores = R.BM25().fit(docs).score("common")
    assert np.all(scores > 0), (
        "use idf = ln(1 + (N - df + 0.5) / (df + 0.5)): it is small but positive even when df = N (the classic "
        "ln((N - df + 0.5) / (df + 0.5)) goes negative and would punish documents for matching)"
    )
    assert scores[0] == pytest.approx(math.log(1 + 0.5 / 3.5) * 2.5 / (1 + 1.5 * (0.25 + 0.75 * 2 / (7 / 3))), rel=1e-9)


def test_bm25_b_controls_length_normalisation():
    docs = ["apple", "apple pear plum kiwi lime fig"]
    flat = R.BM25(b=0.0).fit(docs).score("apple")
    assert flat[0] == pytest.approx(flat[1], rel=1e-12), "with b = 0 the document length plays no role"
    default = R.BM25().fit(docs).score("apple")
    full = R.BM25(b=1.0).fit(docs).score("apple")
    assert default[0] > default[1], "with b > 0 the same match counts more in a shorter document"
    assert full[0] / full[1] > default[0] / default[1], "b = 1 normalises length more strongly than b = 0.75"


def test_bm25_k1_controls_term_frequency_saturation():
    docs = ["apple apple apple apple", "apple pear kiwi lime", "pear plum", "kiwi lime"]
    binary = R.BM25(k1=0.0, b=0.0).fit(docs).score("apple")
    assert np.all(np.isfinite(binary)) and binary[2] == 0 and binary[3] == 0, (
        "with k1 = 0 a document without the word must score 0, not 0 / 0 = nan: only add to the documents that match"
    )
    assert binary[0] == pytest.approx(binary[1], rel=1e-12), "k1 = 0: only whether the word occurs matters"
    bm25 = R.BM25(b=0.0).fit(docs)
    s = bm25.score("apple")
    idf = math.log(1 + (4 - 2 + 0.5) / (2 + 0.5))
    assert s[0] == pytest.approx(idf * 4 * 2.5 / (4 + 1.5), rel=1e-9), "tf = 4 with k1 = 1.5, b = 0"
    assert s[0] < 2.5 * idf and s[0] / s[1] < 4, "four occurrences are worth less than four times one: saturation"


def test_search_returns_the_best_matches_first_and_breaks_ties_by_index():
    docs = ["alpha beta", "gamma delta", "alpha beta", "alpha alpha beta", "alpha beta"]
    bm25 = R.BM25().fit(docs)
    assert bm25.search("alpha", k=10) == [3, 0, 2, 4], (
        "best first; documents 0, 2 and 4 have equal scores and keep their index order; document 1 does not "
        "match and is left out"
    )
    assert bm25.search("alpha", k=2) == [3, 0], "at most k results"
    results = bm25.search("alpha gamma", k=5)
    assert results[0] == 1 and sorted(results) == [0, 1, 2, 3, 4]


# ----------------------------------------------------------------------------- reranking
class ScorerSpy:
    def __init__(self, scores):
        self.scores = scores
        self.calls = []

    def __call__(self, query, document):
        self.calls.append((query, document))
        return self.scores[document]


DOCS = [f"doc number {i}" for i in range(10)]


def test_rerank_reorders_only_the_top_n():
    spy = ScorerSpy({"doc number 5": 0.1, "doc number 3": 0.9, "doc number 9": 0.5, "doc number 1": 2.0, "doc number 7": 3.0})
    candidates = [5, 3, 9, 1, 7]
    out = R.rerank("q", candidates, DOCS, spy, top_n=3)
    assert out == [3, 9, 5, 1, 7], (
        f"got {out}: the first 3 candidates are sorted by the reranker's score, best first; candidates 1 and 7 "
        "were not reranked and stay behind them in their first-stage order"
    )
    assert candidates == [5, 3, 9, 1, 7], "do not modify the candidate list"


def test_rerank_calls_the_scorer_once_per_reranked_candidate():
    spy = ScorerSpy({d: float(i % 3) for i, d in enumerate(DOCS)})
    R.rerank("brake noise", [0, 1, 2, 3, 4, 5, 6], DOCS, spy, top_n=4)
    assert len(spy.calls) == 4, (
        f"the scorer ran {len(spy.calls)} times: a cross-encoder is expensive, score only the top_n candidates, once each"
    )
    assert sorted(spy.calls) == sorted(("brake noise", DOCS[i]) for i in range(4)), (
        "the scorer gets (query, document text)"
    )


def test_rerank_keeps_the_first_stage_order_for_equal_scores():
    spy = ScorerSpy({DOCS[i]: s for i, s in zip([4, 2, 8, 6], [1.0, 5.0, 1.0, 5.0])})
    assert R.rerank("q", [4, 2, 8, 6], DOCS, spy, top_n=10) == [2, 6, 4, 8], (
        "equal scores keep their first-stage order (a stable sort)"
    )


# ----------------------------------------------------------------------------- metrics
def test_recall_at_k():
    ranking = ["a", "b", "c", "d", "e"]
    relevance = {"b": 2, "e": 1, "z": 1}
    assert R.recall_at_k(ranking, relevance, 3) == pytest.approx(1 / 3), "b of {b, e, z} is in the top 3"
    assert R.recall_at_k(ranking, relevance, 5) == pytest.approx(2 / 3), "z was never retrieved: recall 2/3"
    assert R.recall_at_k(ranking, relevance, 50) == pytest.approx(2 / 3), "k beyond the ranking's end is fine"
    assert R.recall_at_k(ranking, {"b": 2, "c": 0}, 5) == 1.0, "grade 0 means judged NOT relevant"
    assert R.recall_at_k([], relevance, 5) == 0.0


def test_reciprocal_rank():
    ranking = ["a", "b", "c"]
    assert R.reciprocal_rank(ranking, {"c": 1}, 10) == pytest.approx(1 / 3)
    assert R.reciprocal_rank(ranking, {"c": 1}, 2) == 0.0, "the first relevant document is below the cutoff k"
    assert R.reciprocal_rank(ranking, {"a": 0, "b": 1, "c": 2}, 10) == pytest.approx(1 / 2), (
        "grade 0 is not relevant; the first document with a grade > 0 counts, whatever its grade"
    )
    assert R.reciprocal_rank(ranking, {"a": 1}, 10) == 1.0


def test_ndcg_on_hand_computed_values():
    relevance = {"b": 2, "d": 1, "x": 1}
    # DCG  = (2^2 - 1) / log2(3) + (2^1 - 1) / log2(5)          (b at rank 2, d at rank 4)
    # IDCG = (2^2 - 1) / log2(2) + 1 / log2(3) + 1 / log2(4)     (grades 2, 1, 1: x counts even unretrieved)
    assert R.ndcg_at_k(["a", "b", "c", "d"], relevance, 4) == pytest.approx(0.562455901550729, rel=1e-9)
    assert R.ndcg_at_k(["a", "b", "c", "d"], relevance, 2) == pytest.approx(0.52129602861432, rel=1e-9), (
        "at k = 2 both DCG and the ideal DCG stop after two ranks"
    )
    assert R.ndcg_at_k(["d", "b"], {"b": 2, "d": 1}, 5) == pytest.approx(0.7967075809905066, rel=1e-9), (
        "gain 2^grade - 1 (a linear gain would give 0.8597)"
    )
    assert R.ndcg_at_k(["b"], {"b": 2, "d": 1}, 5) == pytest.approx(0.8262346571285599, rel=1e-9), (
        "the ideal ranking uses every relevant document in the labels, not only the retrieved ones"
    )


def test_ndcg_ties_and_perfect_rankings():
    relevance = {"b": 2, "d": 1, "x": 1}
    assert R.ndcg_at_k(["b", "d", "x"], relevance, 3) == pytest.approx(1.0)
    assert R.ndcg_at_k(["b", "x", "d"], relevance, 3) == pytest.approx(1.0), "swapping equal grades changes nothing"
    assert R.ndcg_at_k(["b", "x", "d", "q"], relevance, 10) == pytest.approx(1.0), "an unlabelled document has grade 0"
    assert R.ndcg_at_k(["q", "r"], relevance, 2) == 0.0


@pytest.mark.parametrize("relevance", [{}, {"a": 0, "b": 0}])
def test_metrics_are_undefined_without_relevant_documents(relevance):
    ranking = ["a", "b", "c"]
    for name, value in [
        ("recall_at_k", R.recall_at_k(ranking, relevance, 3)),
        ("reciprocal_rank", R.reciprocal_rank(ranking, relevance, 3)),
        ("ndcg_at_k", R.ndcg_at_k(ranking, relevance, 3)),
    ]:
        assert isinstance(value, float) and math.isnan(value), (
            f"{name} must return nan when no document is relevant: no ranking can be good or bad for that query"
        )


def test_evaluate_averages_over_answerable_queries():
    run = {"q1": ["a", "b", "c"], "q3": ["a"], "q4": ["x", "y"]}
    qrels = {"q1": {"b": 2, "z": 1}, "q2": {"c": 1}, "q3": {}, "q4": {"x": 0}}
    scores = R.evaluate(run, qrels, k=2)
    assert set(scores) == {"recall@2", "mrr@2", "ndcg@2", "n_queries", "n_skipped"}
    assert scores["n_queries"] == 2 and scores["n_skipped"] == 2, (
        "q3 and q4 have no relevant document: skip them (and count them); q2 is missing from the run, which "
        "counts as an empty ranking, not as a skipped query"
    )
    assert scores["recall@2"] == pytest.approx((1 / 2 + 0) / 2)
    assert scores["mrr@2"] == pytest.approx((1 / 2 + 0) / 2)
    ndcg_q1 = (3 / math.log2(3)) / (3 + 1 / math.log2(3))
    assert scores["ndcg@2"] == pytest.approx((ndcg_q1 + 0) / 2)


def test_evaluate_uses_its_cutoff():
    run = {"q1": ["a", "b", "c", "d"]}
    qrels = {"q1": {"d": 1}}
    assert R.evaluate(run, qrels, k=3)["recall@3"] == 0.0
    assert R.evaluate(run, qrels, k=4)["recall@4"] == 1.0 and R.evaluate(run, qrels, k=4)["mrr@4"] == 0.25


# ----------------------------------------------------------------------------- the evaluation set
@pytest.fixture(scope="module")
def results():
    data = R.load_eval_set()
    qrels = R.qrels_of(data)
    first, reranked = R.first_stage_run(data, k=10), R.reranked_run(data, k=10, top_n=10)
    return {
        "first@5": R.evaluate(first, qrels, k=5),
        "reranked@5": R.evaluate(reranked, qrels, k=5),
        "first@10": R.evaluate(first, qrels, k=10),
        "reranked@10": R.evaluate(reranked, qrels, k=10),
        "first": first,
        "reranked": reranked,
    }


def test_first_stage_quality_on_the_eval_set(results):
    s = results["first@5"]
    assert s["n_queries"] == 13 and s["n_skipped"] == 1, "13 answerable queries; the train question has no answer"
    assert 0.75 <= s["ndcg@5"] <= 0.83, f"BM25 nDCG@5 = {s['ndcg@5']:.3f}, expected about 0.79"
    assert 0.7 <= s["recall@5"] <= 0.8 and 0.78 <= s["mrr@5"] <= 0.84, s


def test_reranking_improves_the_top_of_the_ranking(results):
    before, after = results["first@5"], results["reranked@5"]
    assert after["ndcg@5"] >= before["ndcg@5"] + 0.1, (
        f"nDCG@5 {before['ndcg@5']:.3f} -> {after['ndcg@5']:.3f}: the reranker should fix BM25's ordering"
    )
    assert after["mrr@5"] >= before["mrr@5"] + 0.15 and after["ndcg@5"] > 0.92, after


def test_reranking_cannot_change_recall_at_the_candidate_depth(results):
    assert results["reranked@10"]["recall@10"] == pytest.approx(results["first@10"]["recall@10"]), (
        "the reranker only reorders BM25's 10 candidates, so recall@10 is fixed by the first stage"
    )
    for qid, ranking in results["first"].items():
        assert sorted(results["reranked"][qid]) == sorted(ranking), f"{qid}: reranking must keep the same documents"


# ----------------------------------------------------------------------------- from scratch
SHORTCUTS = ("sklearn", "scipy", "rank_bm25", "torch", "pandas", "gensim")


def test_written_with_numpy_only(monkeypatch):
    """Re-import your module with the usual shortcut libraries unavailable and run everything."""
    for name in list(sys.modules):
        if name.split(".")[0] in SHORTCUTS:
            monkeypatch.delitem(sys.modules, name)
    for name in SHORTCUTS:
        monkeypatch.setitem(sys.modules, name, None)
    path = Path(__file__).with_name("rag_eval.py")
    spec = importlib.util.spec_from_file_location("_rag_eval_numpy_only", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
        data = module.load_eval_set()
        module.evaluate(module.reranked_run(data), module.qrels_of(data), k=5)
        module.BM25().fit(TOY).score("cat")
    except ImportError as exc:
        pytest.fail(
            f"your module needs a library that does the work for you ({exc}). Write BM25 and the metrics with "
            "NumPy and the standard library: no rank_bm25, no sklearn.metrics.ndcg_score."
        )
