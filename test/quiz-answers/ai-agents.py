"""Computed answers for the numeric quiz items of roadmap/notes/ai-agents/.

Prints one JSON object mapping "<topic-id>/<item-id>" to the number each item expects;
scripts/check-quiz-answers.mjs compares it with the `answer` in the quiz files.
"""
import json
import math

import numpy as np

A = {}

# advanced-rag: reciprocal rank fusion and ColBERT MaxSim.
A["advanced-rag/rrf-score"] = 1 / (60 + 1) + 1 / (60 + 3)
S = np.array([[0.2, 0.9, 0.1],          # query token 1 vs document tokens 1..3
              [0.5, 0.3, 0.7]])         # query token 2
A["advanced-rag/maxsim"] = float(S.max(axis=1).sum())

# agent-protocols-sdks: implementations with a shared protocol, N + M.
A["agent-protocols-sdks/integrations"] = 12 + 40

# coding-computer-use-agents: resolved needs FAIL_TO_PASS and PASS_TO_PASS.
A["coding-computer-use-agents/resolved-rate"] = (260 - 30) / 500

# context-engineering: the dilution formula w = e^D / (e^D + n).
A["context-engineering/delta-increase"] = math.log(10)
A["context-engineering/dilution-weight"] = math.exp(5) / (math.exp(5) + 1000)

# embedding-models-vector-search: PQ bytes and compression, InfoNCE.
A["embedding-models-vector-search/pq-bytes"] = 16 * math.log2(256) / 8
A["embedding-models-vector-search/pq-compression"] = 768 * 4 / 96
tau = 0.1
logits = np.array([0.8, 0.5, 0.3]) / tau
A["embedding-models-vector-search/infonce"] = float(-(logits[0] - np.log(np.exp(logits).sum())))

# function-calling: Toolformer keeps a call if L- - L+ >= tau_f.
L_none, L_call_no_result, L_with_result = 2.0, 1.8, 1.5
A["function-calling/toolformer-gain"] = min(L_none, L_call_no_result) - L_with_result

# llm-security: independent layers.
A["llm-security/breach-probability"] = 0.2 * 0.1 * 0.3

# memory-planning: Generative Agents score with unit weights; memory B wins.
score = lambda rec, imp, rel: rec + imp + rel
A["memory-planning/memory-score"] = max(score(0.9, 0.2, 0.5), score(0.3, 0.9, 0.7))

# multi-agent-orchestration: chained success, then one verified retry per step.
A["multi-agent-orchestration/chain-8"] = 0.9 ** 8
A["multi-agent-orchestration/chain-8-retry"] = (1 - 0.1 ** 2) ** 8

# prompt-engineering: majority of 5 with one wrong answer; marginalising over rationales.
A["prompt-engineering/majority-of-5"] = sum(math.comb(5, j) * 0.6 ** j * 0.4 ** (5 - j) for j in (3, 4, 5))
A["prompt-engineering/marginal-answer"] = 0.7 * 0.9 + 0.3 * 0.2

# rag-evaluation: nDCG@5 of q1 in the note, Cohen's kappa, standard error.
def dcg(rels, k):
    return sum(r / math.log2(i + 1) for i, r in enumerate(rels[:k], 1))
ranked, missed = [0, 2, 1, 0, 0], [1]
A["rag-evaluation/ndcg"] = dcg(ranked, 5) / dcg(sorted(ranked + missed, reverse=True), 5)
both_pass, both_fail, judge_only, human_only = 60, 20, 15, 5
n = both_pass + both_fail + judge_only + human_only
p_o = (both_pass + both_fail) / n
judge_pass, human_pass = (both_pass + judge_only) / n, (both_pass + human_only) / n
p_e = judge_pass * human_pass + (1 - judge_pass) * (1 - human_pass)
A["rag-evaluation/cohen-kappa"] = (p_o - p_e) / (1 - p_e)
A["rag-evaluation/standard-error"] = math.sqrt(0.8 * 0.2 / 200)

# retrieval-augmented-generation: one BM25 term, cosine, chunk count of the note's chunker.
f, dl, avgdl, k1, b, idf = 3, 150, 100, 1.2, 0.75, 2.0
A["retrieval-augmented-generation/bm25-term"] = idf * f * (k1 + 1) / (f + k1 * (1 - b + b * dl / avgdl))
u, v = np.array([1.0, 2.0, 2.0]), np.array([2.0, 0.0, 1.0])
A["retrieval-augmented-generation/cosine"] = float(u @ v / np.linalg.norm(u) / np.linalg.norm(v))
def chunk(text, size=12, overlap=4):     # the note's chunker
    words = text.split()
    return [" ".join(words[i:i + size]) for i in range(0, max(len(words) - overlap, 1), size - overlap)]
A["retrieval-augmented-generation/chunk-count"] = len(chunk(" ".join(f"w{i}" for i in range(30))))

print(json.dumps(A))
