"""Tests for rag_agent.py. Run with:  python3 -m pytest -q   (no network needed)"""
import builtins
import io
import json
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
    def forbidden(*args, **kwargs):
        raise AssertionError("eval/exec must not be used")

    monkeypatch.setattr(builtins, "eval", forbidden)
    monkeypatch.setattr(builtins, "exec", forbidden)
    assert R.safe_calculate("6 * 7") == 42


def test_search_files_finds_lines():
    hits = R.search_files("reading group", DOCS)
    assert hits and hits[0]["file"] == "onboarding.md"
    assert "reading group" in hits[0]["text"].lower() and isinstance(hits[0]["line"], int)
    assert R.search_files("READING GROUP", DOCS) == hits, "search must be case-insensitive"
    assert R.search_files("no such phrase anywhere", DOCS) == []


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


# ---------------------------------------------------------------------------
# Client selection from the environment (never connects)
# ---------------------------------------------------------------------------
def test_default_client_is_offline():
    assert isinstance(R.select_client({}), R.RuleBasedModel)
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
