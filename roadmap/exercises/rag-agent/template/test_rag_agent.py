"""Tests for rag_agent.py. Run with:  python3 -m pytest -q   (no network needed)"""
import ast
import builtins
import io
import json
import math
import sys
import types
from pathlib import Path

import pytest

import rag_agent as R

DOCS = Path(__file__).resolve().parent / "docs"

# (question, file that answers it, phrase of the answer)
KNOWN_QUESTIONS = [
    ("How many GPUs can a single job request?", "gpu-cluster.md", "at most 8 GPUs"),
    ("How long are files kept on scratch before they are purged?", "gpu-cluster.md", "30 days"),
    ("Who has to approve a model release?", "model-release.md", "two reviewers"),
    ("When does the reading group meet?", "onboarding.md", "Thursday at 15:00"),
    ("How quickly must a deletion request be handled?", "data-policy.md", "within 14 days"),
    ("What must the model card include?", "model-release.md", "intended uses"),
    ("How large is the book budget for new staff?", "onboarding.md", "200 euros"),
    ("Can personal data be used for training?", "data-policy.md", "anonymised"),
    ("What is the maximum wall time of a job?", "gpu-cluster.md", "48 hours"),
    ("How long does the red-team review take?", "model-release.md", "at least one week"),
]


@pytest.fixture(scope="module")
def index():
    return R.TfidfIndex(R.chunk_documents(R.load_documents(DOCS), chunk_size=60, overlap=15))


@pytest.fixture()
def agent():
    return R.build_agent(DOCS, client=R.RuleBasedModel())


# ---------------------------------------------------------------------------
# Chunking
# ---------------------------------------------------------------------------
def test_chunk_boundaries_and_overlap():
    words = [f"w{i}" for i in range(23)]
    chunks = R.chunk_words(" ".join(words), chunk_size=10, overlap=3)
    # windows start at 0, 7, 14; the one starting at 14 reaches the last word, so we stop.
    assert chunks == [" ".join(words[0:10]), " ".join(words[7:17]), " ".join(words[14:23])]


def test_chunks_cover_text_and_share_exactly_overlap_words():
    text = " ".join(f"t{i}" for i in range(101))
    size, overlap = 12, 4
    chunks = [c.split() for c in R.chunk_words(text, size, overlap)]
    assert all(1 <= len(c) <= size for c in chunks)
    for a, b in zip(chunks, chunks[1:]):
        assert a[-overlap:] == b[:overlap]
    rebuilt = chunks[0] + [w for c in chunks[1:] for w in c[overlap:]]
    assert rebuilt == text.split(), "chunks must cover the whole text, in order, without gaps"


def test_chunking_edge_cases():
    assert R.chunk_words("", 10, 2) == []
    assert R.chunk_words("only five words right here", 10, 2) == ["only five words right here"]
    assert R.chunk_words("a b c d e f", 3, 0) == ["a b c", "d e f"]
    with pytest.raises(ValueError):
        R.chunk_words("a b c", 5, 5)
    with pytest.raises(ValueError):
        R.chunk_words("a b c", 0, 0)


def test_chunk_documents_ids():
    docs = R.load_documents(DOCS)
    assert {d.name for d in docs} >= {"gpu-cluster.md", "data-policy.md", "model-release.md", "onboarding.md"}
    chunks = R.chunk_documents(docs, 60, 15)
    first = [c for c in chunks if c.doc == "gpu-cluster.md"]
    assert [c.index for c in first] == list(range(len(first)))
    assert first[0].id == "gpu-cluster.md#0"


# ---------------------------------------------------------------------------
# TF-IDF retrieval
# ---------------------------------------------------------------------------
def test_tfidf_vectors_are_normalised_and_idf_is_smoothed():
    chunks = [R.Chunk("a.md", 0, "cats purr"), R.Chunk("b.md", 0, "cats bark loudly"), R.Chunk("c.md", 0, "dogs bark")]
    idx = R.TfidfIndex(chunks)
    norms = (idx.matrix ** 2).sum(axis=1) ** 0.5
    assert norms == pytest.approx([1.0, 1.0, 1.0])
    # idf = ln((1 + N) / (1 + df)) + 1 with N = 3: "purr" df=1, "cats" df=2.
    import math
    assert idx.idf[idx.vocab["purr"]] == pytest.approx(math.log(4 / 2) + 1)
    assert idx.idf[idx.vocab["cats"]] == pytest.approx(math.log(4 / 3) + 1)
    top = idx.search("who barks? dogs bark", k=2)
    assert top[0][0].doc == "c.md" and top[0][1] >= top[1][1]
    assert idx.search("zebra", k=3) == [], "no shared words -> no results"


def test_tfidf_rows_follow_the_sublinear_tf_formula():
    chunks = [R.Chunk("a.md", 0, "cats cats cats purr"), R.Chunk("b.md", 0, "cats bark"), R.Chunk("c.md", 0, "dogs bark loudly")]
    idx = R.TfidfIndex(chunks)
    idf = {w: math.log(4 / (1 + df)) + 1 for w, df in {"cats": 2, "purr": 1, "bark": 2, "dogs": 1, "loudly": 1}.items()}
    raw = {"cats": (1 + math.log(3)) * idf["cats"], "purr": 1.0 * idf["purr"]}
    norm = math.sqrt(sum(v * v for v in raw.values()))
    for word, value in raw.items():
        assert idx.matrix[0, idx.vocab[word]] == pytest.approx(value / norm), (
            f"weight of {word!r}: tf = 1 + ln(count) (3 repeats -> 1 + ln 3), times idf, then the row is L2-normalised"
        )
    assert idx.matrix[0, idx.vocab["dogs"]] == 0
    q = idx.vectorize("cats cats zebra")  # unknown words are ignored
    assert q[idx.vocab["cats"]] == pytest.approx(1.0)


def test_search_returns_exactly_k_results_when_enough_match(index):
    query = "GPU job data model review reading group scratch budget"
    for k in (1, 2, 5, 8):
        results = index.search(query, k=k)
        assert len(results) == k, f"search(query, k={k}) returned {len(results)} results"
        assert all(score > 0 for _, score in results)
    top5 = index.search(query, k=5)
    assert [c.id for c, _ in index.search(query, k=2)] == [c.id for c, _ in top5[:2]], "the k best, best first"
    scores = [s for _, s in top5]
    assert scores == sorted(scores, reverse=True)


def test_retrieval_hit_at_k(index):
    hit1 = hit3 = fact3 = 0
    for question, doc, phrase in KNOWN_QUESTIONS:
        results = index.search(question, k=3)
        assert len(results) <= 3
        scores = [s for _, s in results]
        assert scores == sorted(scores, reverse=True)
        hit1 += results[0][0].doc == doc
        hit3 += any(c.doc == doc for c, _ in results)
        fact3 += any(phrase in c.text for c, _ in results)
    n = len(KNOWN_QUESTIONS)
    assert hit3 == n, f"hit@3 = {hit3}/{n}"
    assert hit1 >= 0.8 * n, f"hit@1 = {hit1}/{n}"
    assert fact3 >= 0.8 * n, f"the answer phrase was in the top-3 chunks for only {fact3}/{n} questions"


# ---------------------------------------------------------------------------
# Tools
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "expr, value",
    [("2 + 3 * 4", 14), ("(1 + 2) ** 3", 27), ("-4 / 2", -2.0), ("7 % 3", 1), ("7 // 2", 3), ("1.5 * 4", 6.0), ("--3", 3)],
)
def test_calculator_arithmetic(expr, value):
    assert R.safe_calculate(expr) == pytest.approx(value)


@pytest.mark.parametrize(
    "expr",
    [
        "__import__('os').system('echo hacked')",
        "open('secret.txt').read()",
        "(1).__class__",
        "x + 1",
        "[1, 2, 3]",
        "'a' * 3",
        "lambda: 1",
        "1 if True else 2",
        "True + 1",
        "2 ** 10000",
        "1 / 0",
        "1; 2",
        "import os",
    ],
)
def test_calculator_rejects_unsafe_or_invalid(expr):
    with pytest.raises(ValueError):
        R.safe_calculate(expr)


def test_calculator_never_uses_eval(monkeypatch):
    """Imports a fresh copy of rag_agent.py with eval/exec/compile replaced by tripwires, so that
    binding them at import time (``_ev = eval``) does not dodge the check, then calculates."""
    real = {name: getattr(builtins, name) for name in ("eval", "exec", "compile")}
    armed = []

    def tripwire(name):
        def wrapper(*args, **kwargs):
            flags = kwargs.get("flags", args[3] if len(args) > 3 else 0)
            if armed and not (name == "compile" and flags & ast.PyCF_ONLY_AST):  # ast.parse is fine
                raise AssertionError(f"the calculator used {name}(): walk the ast tree instead")
            return real[name](*args, **kwargs)
        return wrapper

    path = Path(R.__file__)
    code = compile(path.read_text(encoding="utf-8"), str(path), "exec")
    for name in real:
        monkeypatch.setattr(builtins, name, tripwire(name))
    fresh = types.ModuleType("rag_agent_fresh_copy")
    fresh.__file__ = str(path)
    monkeypatch.setitem(sys.modules, fresh.__name__, fresh)  # dataclasses look their module up here
    real["exec"](code, fresh.__dict__)  # the module's own import-time code sees the tripwires
    armed.append(True)
    assert fresh.safe_calculate("6 * 7") == 42
    assert fresh.safe_calculate("(2 + 3) ** 2 - 1 / 4") == pytest.approx(24.75)
    with pytest.raises(ValueError):
        fresh.safe_calculate("__import__('os').getcwd()")


def test_search_files_finds_lines():
    hits = R.search_files("reading group", DOCS)
    assert hits and hits[0]["file"] == "onboarding.md"
    assert "reading group" in hits[0]["text"].lower() and isinstance(hits[0]["line"], int)
    assert R.search_files("READING GROUP", DOCS) == hits, "search must be case-insensitive"
    assert R.search_files("no such phrase anywhere", DOCS) == []


def test_search_files_stops_at_max_results():
    hits = R.search_files("the", DOCS, max_results=3)
    assert len(hits) == 3
    assert hits == R.search_files("the", DOCS)[:3], "the first max_results hits, in file and line order"


def test_tool_specs_are_openai_function_schemas():
    names = {spec["function"]["name"] for spec in R.TOOL_SPECS}
    assert names == {"calculator", "search_files"}
    for spec in R.TOOL_SPECS:
        assert spec["type"] == "function"
        assert spec["function"]["parameters"]["type"] == "object"
    tools = R.make_tools(DOCS)
    assert tools["calculator"](expression="2*21") == "42"
    assert "onboarding.md" in tools["search_files"](query="book budget")


# ---------------------------------------------------------------------------
# The agent loop (offline rule-based model)
# ---------------------------------------------------------------------------
def test_agent_answers_with_citation_from_retrieved_chunks(agent):
    result = agent.run("When does the reading group meet?")
    assert "Thursday" in result.answer
    assert result.citations, "the answer must cite a chunk like [onboarding.md#1]"
    retrieved_ids = {c.id for c in result.retrieved}
    assert all(c in retrieved_ids for c in result.citations)
    assert any(c.startswith("onboarding.md#") for c in result.citations)
    assert result.tool_calls == []


def test_agent_calls_calculator_and_cites(agent):
    result = agent.run("A job can use at most 8 GPUs. How many GPUs do 3 such jobs use? Compute 3 * 8.")
    assert [t["name"] for t in result.tool_calls] == ["calculator"]
    assert result.tool_calls[0]["arguments"] == {"expression": "3 * 8"}
    assert result.tool_calls[0]["result"] == "24"
    assert "24" in result.answer
    assert any(c.startswith("gpu-cluster.md#") for c in result.citations)
    roles = [m["role"] for m in result.messages]
    assert roles == ["system", "user", "assistant", "tool", "assistant"]
    tool_msg = result.messages[3]
    assert tool_msg["tool_call_id"] == result.messages[2]["tool_calls"][0]["id"]


def test_agent_calls_file_search(agent):
    result = agent.run("Which file mentions the red-team review?")
    assert [t["name"] for t in result.tool_calls] == ["search_files"]
    assert "model-release.md" in result.tool_calls[0]["result"]
    assert "model-release.md" in result.answer


class ScriptedClient:
    """A fake model that replays fixed replies; records what it was sent."""

    def __init__(self, replies):
        self.replies = list(replies)
        self.seen = []

    def complete(self, messages, tools=None):
        self.seen.append([dict(m) for m in messages])
        return self.replies.pop(0) if self.replies else self.replies_exhausted()

    def replies_exhausted(self):
        raise AssertionError("the agent asked for more replies than expected")


def _call(name, args, call_id="c1"):
    return {"role": "assistant", "content": None,
            "tool_calls": [{"id": call_id, "type": "function", "function": {"name": name, "arguments": json.dumps(args)}}]}


def test_agent_reports_tool_errors_to_the_model():
    client = ScriptedClient([_call("calculator", {"expression": "__import__('os')"}), {"role": "assistant", "content": "done"}])
    agent = R.build_agent(DOCS, client=client)
    result = agent.run("anything")
    assert result.answer == "done"
    assert result.tool_calls[0]["result"].startswith("error")
    assert client.seen[1][-1]["role"] == "tool" and "error" in client.seen[1][-1]["content"]


def test_agent_stops_after_max_steps():
    looping = ScriptedClient([_call("calculator", {"expression": "1+1"}, f"c{i}") for i in range(10)])
    agent = R.build_agent(DOCS, client=looping)
    agent.max_steps = 3
    result = agent.run("loop forever")
    assert len(looping.seen) == 3
    assert len(result.tool_calls) == 3
    assert result.citations == []
    assert "step limit" in result.answer.lower(), "when the steps run out, the answer must say that the step limit was reached"


def test_agent_retrieves_k_chunks_and_puts_them_in_the_prompt():
    question = "How many GPUs can a single job request?"
    for k in (1, 5):
        client = ScriptedClient([{"role": "assistant", "content": "ok"}])
        agent = R.build_agent(DOCS, client=client, k=k)
        result = agent.run(question)
        expected = [c.id for c, _ in agent.index.search(question, k)]
        assert [c.id for c in result.retrieved] == expected, f"the agent must retrieve its k={k} best chunks"
        prompt = client.seen[0][-1]["content"]
        assert prompt.count("[") >= k and all(f"[{i}]" in prompt for i in expected)
        assert question in prompt


def test_citations_are_filtered_and_deduplicated():
    question = "How many GPUs can a single job request?"
    probe = R.build_agent(DOCS, client=R.RuleBasedModel(), k=2)
    retrieved = [c.id for c, _ in probe.index.search(question, 2)]
    not_retrieved = next(c.id for c in probe.index.chunks if c.id not in retrieved)
    answer = (f"First [{retrieved[1]}], then [{not_retrieved}] and [{retrieved[0]}], "
              f"again [{retrieved[1]}], and a made-up one [gpu-cluster.md#99].")
    agent = R.build_agent(DOCS, client=ScriptedClient([{"role": "assistant", "content": answer}]), k=2)
    result = agent.run(question)
    assert result.answer == answer
    assert result.citations == [retrieved[1], retrieved[0]], (
        f"got {result.citations}: keep only labels of chunks that were retrieved for this question, "
        "each once, in order of first appearance"
    )


def test_agent_runs_every_tool_call_of_a_reply():
    two_calls = {"role": "assistant", "content": None, "tool_calls": [
        {"id": "a1", "type": "function", "function": {"name": "calculator", "arguments": json.dumps({"expression": "6*7"})}},
        {"id": "b2", "type": "function", "function": {"name": "search_files", "arguments": json.dumps({"query": "reading group"})}},
    ]}
    client = ScriptedClient([two_calls, {"role": "assistant", "content": "42"}])
    result = R.build_agent(DOCS, client=client).run("two tools")
    assert [t["name"] for t in result.tool_calls] == ["calculator", "search_files"]
    tool_msgs = [m for m in client.seen[1] if m["role"] == "tool"]
    assert [m["tool_call_id"] for m in tool_msgs] == ["a1", "b2"], "one tool message per call, answering its id"
    assert tool_msgs[0]["content"] == "42" and "onboarding.md" in tool_msgs[1]["content"]
    assert client.seen[1][-3]["role"] == "assistant" and len(client.seen[1][-3]["tool_calls"]) == 2


# ---------------------------------------------------------------------------
# Client selection from the environment (never connects)
# ---------------------------------------------------------------------------
def test_default_client_is_offline():
    assert isinstance(R.select_client({}), R.RuleBasedModel)
    assert isinstance(R.select_client({"AI_ROADMAP_LLM_BASE_URL": "  ", "AI_ROADMAP_LLM_MODEL": "m"}), R.RuleBasedModel)
    assert isinstance(R.select_client({"AI_ROADMAP_LLM_MODEL": "llama3.2"}), R.RuleBasedModel)


def test_openai_compatible_client_from_env():
    env = {
        "AI_ROADMAP_LLM_BASE_URL": "http://localhost:11434/v1/",
        "AI_ROADMAP_LLM_MODEL": "llama3.2",
        "AI_ROADMAP_LLM_API_KEY": "sk-test",
    }
    client = R.select_client(env)
    assert isinstance(client, R.OpenAICompatibleClient)
    assert client.base_url == "http://localhost:11434/v1"
    assert client.model == "llama3.2" and client.api_key == "sk-test"
    req = client.build_request([{"role": "user", "content": "hi"}], R.TOOL_SPECS)
    assert req.full_url == "http://localhost:11434/v1/chat/completions"
    assert req.get_method() == "POST"
    assert req.get_header("Authorization") == "Bearer sk-test"
    assert req.get_header("Content-type") == "application/json"
    body = json.loads(req.data.decode("utf-8"))
    assert body["model"] == "llama3.2"
    assert body["messages"] == [{"role": "user", "content": "hi"}]
    assert body["tools"] == R.TOOL_SPECS


def test_client_without_key_and_missing_model():
    client = R.select_client({"AI_ROADMAP_LLM_BASE_URL": "http://localhost:8000/v1", "AI_ROADMAP_LLM_MODEL": "m"})
    assert client.api_key is None
    assert client.build_request([{"role": "user", "content": "x"}]).get_header("Authorization") is None
    with pytest.raises(ValueError):
        R.select_client({"AI_ROADMAP_LLM_BASE_URL": "http://localhost:8000/v1"})


def test_openai_client_parses_a_response_without_network(monkeypatch):
    payload = {"choices": [{"message": {"role": "assistant", "content": None, "tool_calls": [
        {"id": "x", "type": "function", "function": {"name": "calculator", "arguments": "{\"expression\": \"1+2\"}"}}]}}]}
    sent = {}

    class FakeResponse(io.BytesIO):
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    def fake_urlopen(request, timeout=None):
        sent["url"] = request.full_url
        return FakeResponse(json.dumps(payload).encode("utf-8"))

    monkeypatch.setattr(R.urllib.request, "urlopen", fake_urlopen)
    client = R.OpenAICompatibleClient("http://example.invalid/v1", "m")
    reply = client.complete([{"role": "user", "content": "1+2?"}], R.TOOL_SPECS)
    assert sent["url"] == "http://example.invalid/v1/chat/completions"
    assert reply["role"] == "assistant"
    assert reply["tool_calls"][0]["function"]["name"] == "calculator"
