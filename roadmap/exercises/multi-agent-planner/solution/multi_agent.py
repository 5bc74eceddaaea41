"""A planner, an executor and a critic collaborating over a message bus (reference solution).

    user --GOAL--> planner --STEP--> executor --RESULT--> critic --REVIEW--> planner --> ...
                                                                   planner --DONE/FAILED--> user

* Messages are typed: a ``MessageKind`` plus the content fields that kind requires.
* Tools live in a ``ToolRegistry`` with a JSON-schema-like parameter description; every call
  is validated before it runs, so a confused planner cannot call tools that do not exist or
  pass arguments of the wrong type.
* The "LLM" behind the planner is a deterministic policy (``RuleBasedPlannerPolicy``), so the
  whole system runs offline and the tests are reproducible. A real LLM would plug in behind
  the same two methods: ``next_action`` and ``revise``.
* Two guards stop runaway behaviour: the bus stops after ``max_turns`` deliveries and the
  planner gives up after ``max_steps`` tool steps.
"""
from __future__ import annotations

import math
import re
from collections import deque
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Callable, Deque, Dict, List, Optional, Union

# =============================================================================
# 1. Typed messages
# =============================================================================
USER = "user"


class MessageKind(str, Enum):
    GOAL = "goal"  # user -> planner
    STEP = "step"  # planner -> executor
    RESULT = "result"  # executor -> critic
    REVIEW = "review"  # critic -> planner
    DONE = "done"  # planner -> user
    FAILED = "failed"  # planner -> user


REQUIRED_FIELDS: Dict[MessageKind, frozenset] = {
    MessageKind.GOAL: frozenset({"goal"}),
    MessageKind.STEP: frozenset({"step"}),
    MessageKind.RESULT: frozenset({"step", "output", "error"}),
    MessageKind.REVIEW: frozenset({"step", "output", "ok", "feedback"}),
    MessageKind.DONE: frozenset({"answer", "results"}),
    MessageKind.FAILED: frozenset({"reason"}),
}


@dataclass
class Message:
    sender: str
    recipient: str
    kind: MessageKind
    content: Dict[str, Any]
    turn: int = 0  # stamped by the bus when the message is delivered

    def __post_init__(self):
        self.kind = MessageKind(self.kind)
        missing = REQUIRED_FIELDS[self.kind] - set(self.content)
        if missing:
            raise ValueError(f"{self.kind.value} message is missing {sorted(missing)}")


@dataclass
class Step:
    tool: str
    args: Dict[str, Any]
    description: str = ""


@dataclass
class Finish:
    answer: Any


PREV = "$prev"  # placeholder argument: "the output of the previous step"


# =============================================================================
# 2. Tool registry with argument validation
# =============================================================================
class ToolError(Exception):
    pass


class UnknownToolError(ToolError):
    pass


class ToolArgumentError(ToolError):
    pass


_TYPE_CHECKS: Dict[str, Callable[[Any], bool]] = {
    # bool is a subclass of int in Python; a JSON schema "number" must not accept true/false.
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
}


@dataclass
class Tool:
    name: str
    func: Callable[..., Any]
    parameters: Dict[str, Any]  # {"type": "object", "properties": {...}, "required": [...]}
    description: str = ""


class ToolRegistry:
    def __init__(self):
        self._tools: Dict[str, Tool] = {}

    def register(self, name: str, func: Callable[..., Any], parameters: Dict[str, Any], description: str = "") -> None:
        if name in self._tools:
            raise ValueError(f"tool {name!r} is already registered")
        if parameters.get("type") != "object" or not isinstance(parameters.get("properties"), dict):
            raise ValueError("parameters must be an object schema with 'properties'")
        for prop, spec in parameters["properties"].items():
            if spec.get("type") not in _TYPE_CHECKS:
                raise ValueError(f"unsupported type for {prop!r}: {spec.get('type')!r}")
        unknown_required = set(parameters.get("required", [])) - set(parameters["properties"])
        if unknown_required:
            raise ValueError(f"required names not in properties: {sorted(unknown_required)}")
        self._tools[name] = Tool(name, func, parameters, description)

    def names(self) -> List[str]:
        return sorted(self._tools)

    def validate(self, name: str, args: Dict[str, Any]) -> None:
        """Raise UnknownToolError or ToolArgumentError unless the call is well-formed."""
        if name not in self._tools:
            raise UnknownToolError(f"unknown tool {name!r}; available: {', '.join(self.names())}")
        if not isinstance(args, dict):
            raise ToolArgumentError("arguments must be a dict")
        schema = self._tools[name].parameters
        props = schema["properties"]
        missing = [p for p in schema.get("required", []) if p not in args]
        if missing:
            raise ToolArgumentError(f"{name}: missing argument(s) {missing}")
        extra = sorted(set(args) - set(props))
        if extra:
            raise ToolArgumentError(f"{name}: unexpected argument(s) {extra}")
        for key, value in args.items():
            expected = props[key]["type"]
            if not _TYPE_CHECKS[expected](value):
                raise ToolArgumentError(f"{name}: argument {key!r} must be {expected}, got {type(value).__name__}")

    def call(self, name: str, args: Dict[str, Any]) -> Any:
        self.validate(name, args)
        return self._tools[name].func(**args)

    def specs(self) -> List[Dict[str, Any]]:
        """The tools in the OpenAI function-calling format (what an LLM would be shown)."""
        return [
            {"type": "function", "function": {"name": t.name, "description": t.description, "parameters": t.parameters}}
            for t in (self._tools[n] for n in self.names())
        ]


KNOWLEDGE_BASE: Dict[str, Dict[str, Any]] = {
    "heron": {"nodes": 32, "gpus": 256, "owner": "infrastructure"},
    "falcon": {"nodes": 8, "gpus": 64, "owner": "research"},
}


def _lookup(entity: str, field: str) -> Any:
    try:
        return KNOWLEDGE_BASE[entity.lower()][field.lower()]
    except KeyError:
        raise ToolError(f"no {field!r} known for {entity!r}") from None


def _divide(a: float, b: float) -> float:
    if b == 0:
        raise ToolError("division by zero")
    return a / b


def _num_schema(*names: str) -> Dict[str, Any]:
    return {"type": "object", "properties": {n: {"type": "number"} for n in names}, "required": list(names)}


def default_registry() -> ToolRegistry:
    reg = ToolRegistry()
    reg.register("add", lambda a, b: a + b, _num_schema("a", "b"), "a + b")
    reg.register("subtract", lambda a, b: a - b, _num_schema("a", "b"), "a - b")
    reg.register("multiply", lambda a, b: a * b, _num_schema("a", "b"), "a * b")
    reg.register("divide", _divide, _num_schema("a", "b"), "a / b")
    reg.register(
        "lookup", _lookup,
        {"type": "object", "properties": {"entity": {"type": "string"}, "field": {"type": "string"}}, "required": ["entity", "field"]},
        "look up a field of an entity in the knowledge base",
    )
    reg.register(
        "word_count", lambda text: len(text.split()),
        {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]},
        "number of words in a text",
    )
    return reg


# =============================================================================
# 3. Deterministic "LLM" policies for the planner
# =============================================================================
_NUM = r"-?\d+(?:\.\d+)?"
_OPERAND = rf"({_NUM}|it|the result)"


def _operand(text: str) -> Union[float, int, str]:
    if text in ("it", "the result"):
        return PREV
    return float(text) if "." in text else int(text)


class RuleBasedPlannerPolicy:
    """Turns goals like "add 2 and 3, then multiply it by 4" into tool steps.

    A real system would prompt an LLM with the goal, the tool specs and the history; this
    stand-in reads a tiny command language so that it is offline and deterministic, and it
    makes the same kind of mistakes (unknown tool names) that the critic must catch.
    """

    SYNONYMS = {"sum": "add", "plus": "add", "times": "multiply", "minus": "subtract"}

    def __init__(self):
        self._plans: Dict[str, List[Step]] = {}

    def plan(self, goal: str) -> List[Step]:
        clauses = [c.strip().lower() for c in re.split(r",?\s*\bthen\b\s*|;", goal) if c.strip()]
        return [self._parse(c) for c in clauses]

    def _parse(self, clause: str) -> Step:
        patterns = [
            (rf"^multiply {_OPERAND} by {_OPERAND}$", lambda m: Step("multiply", {"a": _operand(m[1]), "b": _operand(m[2])})),
            (rf"^divide {_OPERAND} by {_OPERAND}$", lambda m: Step("divide", {"a": _operand(m[1]), "b": _operand(m[2])})),
            (rf"^subtract {_OPERAND} from {_OPERAND}$", lambda m: Step("subtract", {"a": _operand(m[2]), "b": _operand(m[1])})),
            (rf"^add {_OPERAND} to {_OPERAND}$", lambda m: Step("add", {"a": _operand(m[2]), "b": _operand(m[1])})),
            (r"^look up the (\w+) of (\w+)$", lambda m: Step("lookup", {"entity": m[2], "field": m[1]})),
            (r'^count the words in "(.*)"$', lambda m: Step("word_count", {"text": m[1]})),
            # Generic "<verb> X and Y": the verb becomes the tool name, right or wrong.
            (rf"^(\w+) {_OPERAND} and {_OPERAND}$", lambda m: Step(m[1], {"a": _operand(m[2]), "b": _operand(m[3])})),
        ]
        for pattern, build in patterns:
            match = re.match(pattern, clause)
            if match:
                step = build(match)
                step.description = clause
                return step
        verb = clause.split()[0] if clause.split() else "noop"
        return Step(verb, {"request": clause}, clause)  # a guess the critic will reject

    def next_action(self, goal: str, history: List[Dict[str, Any]]) -> Union[Step, Finish]:
        steps = self._plans.setdefault(goal, self.plan(goal))
        if len(history) < len(steps):
            return steps[len(history)]
        return Finish(history[-1]["output"] if history else None)

    def revise(self, goal: str, step: Step, feedback: str) -> Optional[Step]:
        """Fix a rejected step if possible (known tool synonyms), else give up (None)."""
        if step.tool in self.SYNONYMS and "unknown tool" in feedback:
            return Step(self.SYNONYMS[step.tool], dict(step.args), step.description)
        return None


class EndlessPlannerPolicy:
    """A runaway "LLM" that never decides it is finished: the guards must stop it."""

    def next_action(self, goal: str, history: List[Dict[str, Any]]) -> Union[Step, Finish]:
        return Step("add", {"a": PREV if history else 0, "b": 1}, "add one more")

    def revise(self, goal: str, step: Step, feedback: str) -> Optional[Step]:
        return None


# =============================================================================
# 4. The agents
# =============================================================================
class Agent:
    name: str

    def handle(self, message: Message) -> List[Message]:
        raise NotImplementedError


class Executor(Agent):
    """Runs one tool step; reports the output or the error to the critic."""

    def __init__(self, registry: ToolRegistry, name: str = "executor", critic: str = "critic"):
        self.registry = registry
        self.name = name
        self.critic = critic

    def handle(self, message: Message) -> List[Message]:
        step: Step = message.content["step"]
        try:
            output, error = self.registry.call(step.tool, step.args), None
        except ToolError as exc:  # unknown tool, bad arguments, or the tool itself failed
            output, error = None, str(exc)
        return [Message(self.name, self.critic, MessageKind.RESULT, {"step": step, "output": output, "error": error})]


class Critic(Agent):
    """Checks each result before the planner may build on it."""

    def __init__(self, name: str = "critic", planner: str = "planner"):
        self.name = name
        self.planner = planner

    @staticmethod
    def review(output: Any, error: Optional[str]) -> Optional[str]:
        """None if the result is acceptable, else a short explanation."""
        if error is not None:
            return error
        if output is None:
            return "the step produced no output"
        if isinstance(output, float) and not math.isfinite(output):
            return "the step produced a non-finite number"
        if isinstance(output, str) and not output.strip():
            return "the step produced an empty text"
        return None

    def handle(self, message: Message) -> List[Message]:
        c = message.content
        problem = self.review(c["output"], c["error"])
        content = {"step": c["step"], "output": c["output"], "ok": problem is None, "feedback": problem or "looks good"}
        return [Message(self.name, self.planner, MessageKind.REVIEW, content)]


class Planner(Agent):
    """Asks its policy for the next step, sends it out, and acts on the critic's reviews."""

    def __init__(self, policy, name: str = "planner", executor: str = "executor", max_steps: int = 10, max_retries: int = 1):
        self.policy = policy
        self.name = name
        self.executor = executor
        self.max_steps = max_steps
        self.max_retries = max_retries
        self.goal: Optional[str] = None
        self.history: List[Dict[str, Any]] = []  # accepted steps: {"step", "output"}
        self.steps_sent = 0
        self.retries = 0

    def _resolve(self, step: Step) -> Step:
        """Replace "$prev" arguments by the previous accepted output."""
        prev = self.history[-1]["output"] if self.history else None
        return Step(step.tool, {k: (prev if v == PREV else v) for k, v in step.args.items()}, step.description)

    def _send_step(self, step: Step) -> List[Message]:
        if self.steps_sent >= self.max_steps:
            return [self._fail(f"step limit of {self.max_steps} reached")]
        self.steps_sent += 1
        return [Message(self.name, self.executor, MessageKind.STEP, {"step": self._resolve(step)})]

    def _fail(self, reason: str) -> Message:
        return Message(self.name, USER, MessageKind.FAILED, {"reason": reason})

    def _next(self) -> List[Message]:
        action = self.policy.next_action(self.goal, self.history)
        if isinstance(action, Finish):
            results = [h["output"] for h in self.history]
            return [Message(self.name, USER, MessageKind.DONE, {"answer": action.answer, "results": results})]
        self.retries = 0
        return self._send_step(action)

    def handle(self, message: Message) -> List[Message]:
        if message.kind is MessageKind.GOAL:
            self.goal, self.history, self.steps_sent, self.retries = message.content["goal"], [], 0, 0
            return self._next()
        if message.kind is MessageKind.REVIEW:
            c = message.content
            if c["ok"]:
                self.history.append({"step": c["step"], "output": c["output"]})
                return self._next()
            revised = self.policy.revise(self.goal, c["step"], c["feedback"]) if self.retries < self.max_retries else None
            if revised is None:
                return [self._fail(f"step {c['step'].tool!r} rejected: {c['feedback']}")]
            self.retries += 1
            return self._send_step(revised)
        raise ValueError(f"planner cannot handle {message.kind.value} messages")


# =============================================================================
# 5. The message bus
# =============================================================================
@dataclass
class RunResult:
    status: str  # "done", "failed" or "max_turns"
    final: Optional[Message]
    log: List[Message] = field(default_factory=list)


class MessageBus:
    """Delivers messages one at a time, in FIFO order, and records every delivery."""

    def __init__(self, max_turns: int = 50):
        self.max_turns = max_turns
        self.agents: Dict[str, Agent] = {}
        self.queue: Deque[Message] = deque()
        self.log: List[Message] = []

    def register(self, agent: Agent) -> None:
        if agent.name in self.agents or agent.name == USER:
            raise ValueError(f"agent name {agent.name!r} is taken")
        self.agents[agent.name] = agent

    def send(self, message: Message) -> None:
        if message.recipient != USER and message.recipient not in self.agents:
            raise ValueError(f"unknown recipient {message.recipient!r}")
        self.queue.append(message)

    def run(self) -> RunResult:
        while self.queue:
            if len(self.log) >= self.max_turns:
                return RunResult("max_turns", None, self.log)
            message = self.queue.popleft()
            message.turn = len(self.log) + 1
            self.log.append(message)
            if message.recipient == USER:  # the conversation ends when the user gets an answer
                status = "done" if message.kind is MessageKind.DONE else "failed"
                return RunResult(status, message, self.log)
            for reply in self.agents[message.recipient].handle(message):
                self.send(reply)
        return RunResult("failed", None, self.log)  # nobody answered the user


def solve(goal: str, policy=None, registry: Optional[ToolRegistry] = None, max_turns: int = 50, max_steps: int = 10) -> RunResult:
    """Wire up the three agents on a fresh bus and run one goal to completion."""
    bus = MessageBus(max_turns=max_turns)
    bus.register(Planner(policy or RuleBasedPlannerPolicy(), max_steps=max_steps))
    bus.register(Executor(registry or default_registry()))
    bus.register(Critic())
    bus.send(Message(USER, "planner", MessageKind.GOAL, {"goal": goal}))
    return bus.run()


if __name__ == "__main__":
    for goal in [
        "add 2 and 3, then multiply it by 4",
        "look up the gpus of heron, then divide it by 8",
        "sum 2 and 3, then multiply it by 4",
        "divide 1 by 0",
    ]:
        result = solve(goal)
        print(f"\n{goal!r} -> {result.status}: {result.final.content if result.final else None}")
        for m in result.log:
            print(f"  {m.turn:2d} {m.sender:>8} -> {m.recipient:<8} {m.kind.value}")
