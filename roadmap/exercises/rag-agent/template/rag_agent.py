"""A small retrieval-augmented (RAG) agent with tools (starter code).

Pipeline:
    docs/*.md --load--> documents --chunk (with overlap)--> chunks --TF-IDF--> index
    question --retrieve top-k chunks--> prompt with cited context --> model
    model --(optional) tool calls: calculator, search_files--> tool results --> model --> answer

The model is pluggable:
  * ``RuleBasedModel``: deterministic and offline; the default, and what the tests use;
  * ``OpenAICompatibleClient``: any server speaking the OpenAI chat-completions protocol
    (OpenAI, vLLM, llama.cpp server, Ollama at http://localhost:11434/v1, ...), chosen by
    setting AI_ROADMAP_LLM_BASE_URL, AI_ROADMAP_LLM_MODEL and optionally AI_ROADMAP_LLM_API_KEY.

Only the standard library and numpy are used. Fill in the TODOs in order;
``python3 -m pytest -q`` shows which parts already work (no network is ever needed).
"""
from __future__ import annotations

import ast
import json
import operator
import os
import re
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np

DOCS_DIR = Path(__file__).resolve().parent / "docs"


# =============================================================================
# 1. Documents and chunking
# =============================================================================
@dataclass
class Document:
    name: str  # path relative to the docs folder, e.g. "gpu-cluster.md"
    text: str


@dataclass
class Chunk:
    doc: str  # document name
    index: int  # position of the chunk inside its document
    text: str

    @property
    def id(self) -> str:
        """Citation label, e.g. "gpu-cluster.md#2"."""
        return f"{self.doc}#{self.index}"


def load_documents(folder: os.PathLike = DOCS_DIR) -> List[Document]:
    """Every *.md file under ``folder`` (recursively), sorted by name."""
    folder = Path(folder)
    return [
        Document(path.relative_to(folder).as_posix(), path.read_text(encoding="utf-8"))
        for path in sorted(folder.rglob("*.md"))
    ]


def chunk_words(text: str, chunk_size: int = 60, overlap: int = 15) -> List[str]:
    """Split ``text`` into windows of ``chunk_size`` words; consecutive windows share
    ``overlap`` words so a sentence cut at a boundary still appears whole in one chunk.

    The windows start at 0, step, 2*step, ... with step = chunk_size - overlap, and the last
    window ends exactly at the last word (no window is a pure subset of the previous one).
    """
    # TODO 1: raise ValueError unless chunk_size > 0 and 0 <= overlap < chunk_size;
    #         words = text.split(); step = chunk_size - overlap; for start in 0, step, ...:
    #         append " ".join(words[start:start + chunk_size]) and stop as soon as that
    #         window reached the last word. Empty text -> [].
    raise NotImplementedError("TODO 1: chunk_words")


def chunk_documents(docs: Sequence[Document], chunk_size: int = 60, overlap: int = 15) -> List[Chunk]:
    return [
        Chunk(doc.name, i, text)
        for doc in docs
        for i, text in enumerate(chunk_words(doc.text, chunk_size, overlap))
    ]


# =============================================================================
# 2. TF-IDF retrieval
# =============================================================================
STOPWORDS = frozenset(
    "a an and are as at be by can do does for from how i in is it its of on or the this to "
    "what when where which who why will with you your my me we our must may".split()
)


def tokenize(text: str) -> List[str]:
    """Lower-case alphanumeric words without stop words."""
    return [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOPWORDS]


class TfidfIndex:
    """Chunks as L2-normalised TF-IDF vectors; a query is scored by cosine similarity.

    tf(t, d)  = 1 + log(count of t in d)      (sub-linear: the 10th repeat adds little)
    idf(t)    = log((1 + N) / (1 + df(t))) + 1  (the smoothed form scikit-learn uses)
    """

    def __init__(self, chunks: Sequence[Chunk]):
        self.chunks = list(chunks)
        docs_tokens = [tokenize(c.text) for c in self.chunks]
        self.vocab: Dict[str, int] = {}
        for tokens in docs_tokens:
            for tok in tokens:
                self.vocab.setdefault(tok, len(self.vocab))
        n = len(self.chunks)
        counts = np.zeros((n, len(self.vocab)))
        for row, tokens in enumerate(docs_tokens):
            for tok in tokens:
                counts[row, self.vocab[tok]] += 1
        df = (counts > 0).sum(axis=0)
        # TODO 2a: self.idf = log((1 + n) / (1 + df)) + 1   (a numpy array, one value per word)
        raise NotImplementedError("TODO 2: TfidfIndex idf and _weigh")
        self.matrix = self._weigh(counts)

    def _weigh(self, counts: np.ndarray) -> np.ndarray:
        # TODO 2b: tf = 1 + log(count) where count > 0, else 0; multiply by self.idf;
        #          divide every row by its L2 norm (guard against 0 with np.maximum(norm, 1e-12)).
        raise NotImplementedError("TODO 2: TfidfIndex._weigh")

    def vectorize(self, text: str) -> np.ndarray:
        counts = np.zeros((1, len(self.vocab)))
        for tok in tokenize(text):
            if tok in self.vocab:  # words never seen in the corpus carry no signal
                counts[0, self.vocab[tok]] += 1
        return self._weigh(counts)[0]

    def search(self, query: str, k: int = 3) -> List[Tuple[Chunk, float]]:
        """The k most similar chunks (score > 0), best first; ties keep corpus order."""
        # TODO 3: cosine scores = self.matrix @ self.vectorize(query) (rows are unit length);
        #         take the k best (np.argsort(-scores, kind="stable")) and keep those with
        #         score > 0, as (chunk, float(score)) pairs.
        raise NotImplementedError("TODO 3: TfidfIndex.search")


# =============================================================================
# 3. Tools
# =============================================================================
_BINARY_OPS: Dict[type, Callable[[Any, Any], Any]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
    ast.Pow: operator.pow,
}
_UNARY_OPS: Dict[type, Callable[[Any], Any]] = {ast.UAdd: operator.pos, ast.USub: operator.neg}


def safe_calculate(expression: str) -> float:
    """Evaluate plain arithmetic (+ - * / // % ** and parentheses) on numbers.

    The text is parsed into a syntax tree and only whitelisted node types are evaluated,
    so names, calls, attributes, subscripts, strings... are all rejected. ``eval`` is
    never used. Raises ValueError for anything that is not safe arithmetic.
    """
    if not isinstance(expression, str) or len(expression) > 200:
        raise ValueError("expression must be a string of at most 200 characters")
    try:
        tree = ast.parse(expression.strip(), mode="eval")
    except SyntaxError as exc:
        raise ValueError(f"not an arithmetic expression: {expression!r}") from exc
    return _eval_node(tree.body)


def _eval_node(node: ast.AST) -> float:
    # TODO 4: evaluate the tree recursively, allowing ONLY:
    #   - ast.Constant whose type(...) is int or float (not bool, not str);
    #   - ast.BinOp whose op type is in _BINARY_OPS (refuse ** with |exponent| > 100 or
    #     |base| > 1e6, and turn ZeroDivisionError into ValueError);
    #   - ast.UnaryOp whose op type is in _UNARY_OPS.
    #   Anything else: raise ValueError. Never call eval/exec.
    raise NotImplementedError("TODO 4: _eval_node")


def search_files(query: str, folder: os.PathLike = DOCS_DIR, max_results: int = 10) -> List[Dict[str, Any]]:
    """Case-insensitive phrase search over the lines of the *.md files in ``folder``.

    Returns [{"file": "onboarding.md", "line": 12, "text": "..."}, ...]. Only files inside
    ``folder`` are read: the query is matched against text, never used as a path.
    """
    # TODO 5: for every document of load_documents(folder), every line (numbered from 1)
    #         that contains the query, case-insensitively, gives
    #         {"file": doc.name, "line": line_no, "text": line.strip()}; stop at max_results.
    #         An empty query returns [].
    raise NotImplementedError("TODO 5: search_files")


TOOL_SPECS: List[Dict[str, Any]] = [
    {
        "type": "function",
        "function": {
            "name": "calculator",
            "description": "Evaluate an arithmetic expression such as '(12 + 4) * 3'.",
            "parameters": {
                "type": "object",
                "properties": {"expression": {"type": "string", "description": "arithmetic only"}},
                "required": ["expression"],
            },
        },
    },
    {
        "type": "function",
        "function": {
            "name": "search_files",
            "description": "Find the lines of the document folder that contain a phrase.",
            "parameters": {
                "type": "object",
                "properties": {"query": {"type": "string", "description": "phrase to look for"}},
                "required": ["query"],
            },
        },
    },
]


def make_tools(docs_folder: os.PathLike = DOCS_DIR) -> Dict[str, Callable[..., str]]:
    """Tool name -> function(**arguments) -> text result for the model."""

    def calculator(expression: str) -> str:
        return str(safe_calculate(expression))

    def search(query: str) -> str:
        hits = search_files(query, docs_folder)
        if not hits:
            return f"no lines contain {query!r}"
        return "\n".join(f"{h['file']}:{h['line']}: {h['text']}" for h in hits)

    return {"calculator": calculator, "search_files": search}


# =============================================================================
# 4. Model clients
# =============================================================================
class OpenAICompatibleClient:
    """Chat-completions client for any OpenAI-compatible server, using urllib only."""

    def __init__(self, base_url: str, model: str, api_key: Optional[str] = None, timeout: float = 60.0):
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.api_key = api_key
        self.timeout = timeout

    def build_request(self, messages: List[Dict[str, Any]], tools: Optional[List[Dict[str, Any]]] = None) -> urllib.request.Request:
        # TODO 6: POST {base_url}/chat/completions with a JSON body {"model", "messages",
        #         "temperature": 0, and "tools" if given}; headers Content-Type:
        #         application/json and, only if there is an API key, Authorization: Bearer <key>.
        #         Return urllib.request.Request(url, data=bytes, headers=..., method="POST").
        raise NotImplementedError("TODO 6: OpenAICompatibleClient.build_request")

    def complete(self, messages: List[Dict[str, Any]], tools: Optional[List[Dict[str, Any]]] = None) -> Dict[str, Any]:
        """Send the conversation; return the assistant message (a dict in OpenAI format)."""
        with urllib.request.urlopen(self.build_request(messages, tools), timeout=self.timeout) as resp:
            payload = json.loads(resp.read().decode("utf-8"))
        message = payload["choices"][0]["message"]
        return {
            "role": "assistant",
            "content": message.get("content"),
            "tool_calls": message.get("tool_calls") or [],
        }


_CONTEXT_LINE = re.compile(r"^\[([^\[\]\s]+#\d+)\] (.*)$", re.MULTILINE)
_ARITHMETIC = re.compile(r"[-+(]*\d[\d.\s()+\-*/%]*[+\-*/%][\d.\s()+\-*/%]*\d\)*")
_FILE_QUESTION = re.compile(
    r"\b(?:which|what) (?:file|files|document|documents|doc|docs) (?:mentions?|contains?|talks? about|covers?) (.+?)[?.!]*$",
    re.IGNORECASE,
)


class RuleBasedModel:
    """A deterministic, offline stand-in for an LLM with the same message interface.

    It follows three rules, in order:
      1. after a tool result: answer with the tool result plus the best context sentence;
      2. arithmetic in the question: call ``calculator``; "which file mentions X": call
         ``search_files``;
      3. otherwise: answer with the context sentence that shares most words with the
         question, citing its chunk id.
    """

    def complete(self, messages: List[Dict[str, Any]], tools: Optional[List[Dict[str, Any]]] = None) -> Dict[str, Any]:
        user = next(m for m in reversed(messages) if m["role"] == "user")
        context = _CONTEXT_LINE.findall(user["content"])
        question = user["content"].rsplit("Question:", 1)[-1].strip()
        last = messages[-1]

        if last["role"] == "tool":
            results = [m["content"] for m in messages if m["role"] == "tool"]
            return self._answer("Tool result: " + "; ".join(results) + ".", question, context)

        tool_names = {t["function"]["name"] for t in (tools or [])}
        match = _ARITHMETIC.search(question)
        if match and "calculator" in tool_names:
            return self._tool_call("calculator", {"expression": match.group(0).strip()})
        match = _FILE_QUESTION.search(question)
        if match and "search_files" in tool_names:
            phrase = re.sub(r"^(?:the|a|an)\s+", "", match.group(1).strip(), flags=re.IGNORECASE)
            return self._tool_call("search_files", {"query": phrase})
        return self._answer("", question, context)

    @staticmethod
    def _tool_call(name: str, arguments: Dict[str, Any]) -> Dict[str, Any]:
        return {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {"id": f"call_{name}", "type": "function", "function": {"name": name, "arguments": json.dumps(arguments)}}
            ],
        }

    @staticmethod
    def _answer(prefix: str, question: str, context: List[Tuple[str, str]]) -> Dict[str, Any]:
        q_words = set(tokenize(question))
        best: Optional[Tuple[int, str, str]] = None
        for chunk_id, text in context:
            # Sentences end at . ! ? and markdown headings ("## Limits") start new pieces.
            for sentence in re.split(r"(?<=[.!?])\s+|\s*#{1,6}\s+", text):
                score = len(q_words & set(tokenize(sentence)))
                if best is None or score > best[0]:
                    best = (score, sentence, chunk_id)
        parts = [prefix] if prefix else []
        if best is not None and best[0] > 0:
            parts.append(f"{best[1]} [{best[2]}]")
        elif not prefix:
            parts.append("I could not find this in the documents.")
        return {"role": "assistant", "content": " ".join(parts), "tool_calls": []}


def select_client(env: Optional[Mapping[str, str]] = None):
    """OpenAICompatibleClient if AI_ROADMAP_LLM_BASE_URL is set, else RuleBasedModel."""
    env = os.environ if env is None else env
    # TODO 7: no (or blank) AI_ROADMAP_LLM_BASE_URL -> RuleBasedModel(). Otherwise
    #         AI_ROADMAP_LLM_MODEL is required (ValueError if missing) and
    #         AI_ROADMAP_LLM_API_KEY is optional (None when missing or empty).
    raise NotImplementedError("TODO 7: select_client")


# =============================================================================
# 5. The agent loop
# =============================================================================
SYSTEM_PROMPT = (
    "You answer questions about the lab's documents. Use only the numbered context below and "
    "cite the chunks you used by their label in square brackets, e.g. [gpu-cluster.md#1]. "
    "Use the calculator tool for any arithmetic and the search_files tool to locate phrases. "
    "If the answer is not in the context, say so."
)

_CITATION = re.compile(r"\[([^\[\]\s]+#\d+)\]")


@dataclass
class AgentResult:
    answer: str
    citations: List[str]  # chunk ids cited in the answer that were really retrieved
    retrieved: List[Chunk]
    tool_calls: List[Dict[str, Any]] = field(default_factory=list)  # {"name", "arguments", "result"}
    messages: List[Dict[str, Any]] = field(default_factory=list)


class Agent:
    def __init__(self, index: TfidfIndex, tools: Dict[str, Callable[..., str]], client=None, k: int = 3, max_steps: int = 4):
        self.index = index
        self.tools = tools
        self.client = client if client is not None else RuleBasedModel()
        self.k = k
        self.max_steps = max_steps

    def build_messages(self, question: str, retrieved: Sequence[Chunk]) -> List[Dict[str, Any]]:
        context = "\n".join(f"[{c.id}] {c.text}" for c in retrieved)
        return [
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": f"Context:\n{context}\n\nQuestion: {question}"},
        ]

    def _run_tool(self, call: Dict[str, Any]) -> Tuple[str, Dict[str, Any], str]:
        name = call["function"]["name"]
        try:
            arguments = json.loads(call["function"].get("arguments") or "{}")
        except json.JSONDecodeError:
            return name, {}, "error: arguments are not valid JSON"
        if name not in self.tools:
            return name, arguments, f"error: unknown tool {name!r}"
        try:
            return name, arguments, self.tools[name](**arguments)
        except (ValueError, TypeError) as exc:  # bad arguments go back to the model as text
            return name, arguments, f"error: {exc}"

    def run(self, question: str) -> AgentResult:
        # TODO 8: the agent loop.
        #   1. retrieved = the chunks of self.index.search(question, self.k);
        #      messages = self.build_messages(question, retrieved).
        #   2. At most self.max_steps times: reply = self.client.complete(messages, TOOL_SPECS);
        #      append it to messages as an assistant message (keep its "tool_calls" if any).
        #      No tool calls -> its content is the answer, stop. Otherwise run each call with
        #      self._run_tool(call), log {"name", "arguments", "result"} and append
        #      {"role": "tool", "tool_call_id": call["id"], "content": result}.
        #   3. If the loop ran out of steps, the answer says so (it mentions the "step limit").
        #   4. citations = the [doc.md#i] labels in the answer (regex _CITATION) that are ids
        #      of retrieved chunks, without duplicates, in order of appearance.
        #   Return AgentResult(answer, citations, retrieved, tool_log, messages).
        raise NotImplementedError("TODO 8: Agent.run")


def build_agent(docs_folder: os.PathLike = DOCS_DIR, client=None, chunk_size: int = 60, overlap: int = 15, k: int = 3) -> Agent:
    chunks = chunk_documents(load_documents(docs_folder), chunk_size, overlap)
    return Agent(TfidfIndex(chunks), make_tools(docs_folder), client if client is not None else select_client(), k=k)


if __name__ == "__main__":
    import sys

    agent = build_agent()
    print(f"model: {type(agent.client).__name__}")
    for q in sys.argv[1:] or [
        "How many GPUs can a single job request?",
        "A job can use at most 8 GPUs. How many GPUs do 3 such jobs use? Compute 3 * 8.",
        "Which file mentions the red-team review?",
    ]:
        result = agent.run(q)
        print(f"\nQ: {q}\nA: {result.answer}\n   tools: {[(t['name'], t['result']) for t in result.tool_calls]}")
