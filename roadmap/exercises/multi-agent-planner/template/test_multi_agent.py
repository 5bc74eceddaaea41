"""Tests for multi_agent.py. Run with:  python3 -m pytest -q"""
import pytest

import multi_agent as M

K = M.MessageKind


# ---------------------------------------------------------------------------
# Typed messages
# ---------------------------------------------------------------------------
def test_messages_require_their_fields():
    M.Message("user", "planner", K.GOAL, {"goal": "add 1 and 2"})
    with pytest.raises(ValueError):
        M.Message("user", "planner", K.GOAL, {"text": "no goal field"})
    with pytest.raises(ValueError):
        M.Message("critic", "planner", K.REVIEW, {"ok": True})


# ---------------------------------------------------------------------------
# Tool registry
# ---------------------------------------------------------------------------
@pytest.fixture()
def registry():
    return M.default_registry()


def test_registry_calls_tools(registry):
    assert registry.call("add", {"a": 2, "b": 3}) == 5
    assert registry.call("multiply", {"a": 2.5, "b": 4}) == 10.0
    assert registry.call("word_count", {"text": "one two three"}) == 3
    assert registry.call("lookup", {"entity": "Heron", "field": "nodes"}) == 32
    assert set(registry.names()) >= {"add", "subtract", "multiply", "divide", "lookup", "word_count"}


def test_registry_rejects_unknown_tools(registry):
    with pytest.raises(M.UnknownToolError):
        registry.call("launch_rockets", {})
    with pytest.raises(M.UnknownToolError):
        registry.validate("sum", {"a": 1, "b": 2})


@pytest.mark.parametrize(
    "name, args",
    [
        ("add", {"a": 1}),  # missing b
        ("add", {"a": 1, "b": 2, "c": 3}),  # unexpected c
        ("add", {"a": "1", "b": 2}),  # string, not number
        ("add", {"a": True, "b": 2}),  # bool is not a number here
        ("word_count", {"text": 42}),
        ("lookup", {"entity": "heron"}),
    ],
)
def test_registry_rejects_bad_arguments(registry, name, args):
    with pytest.raises(M.ToolArgumentError):
        registry.validate(name, args)
    with pytest.raises(M.ToolArgumentError):
        registry.call(name, args)


def test_register_checks_schema_and_duplicates():
    reg = M.ToolRegistry()
    schema = {"type": "object", "properties": {"x": {"type": "integer"}}, "required": ["x"]}
    reg.register("double", lambda x: 2 * x, schema, "twice x")
    assert reg.call("double", {"x": 21}) == 42
    with pytest.raises(M.ToolArgumentError):
        reg.call("double", {"x": 1.5})  # integer required
    with pytest.raises(ValueError):
        reg.register("double", lambda x: x, schema)  # duplicate name
    with pytest.raises(ValueError):
        reg.register("bad", lambda x: x, {"type": "object", "properties": {"x": {"type": "tensor"}}})
    with pytest.raises(ValueError):
        reg.register("bad2", lambda x: x, {"type": "object", "properties": {}, "required": ["x"]})
    spec = reg.specs()[0]
    assert spec == {"type": "function", "function": {"name": "double", "description": "twice x", "parameters": schema}}


# ---------------------------------------------------------------------------
# The agents, one message at a time
# ---------------------------------------------------------------------------
def test_executor_reports_output_or_error(registry):
    ex = M.Executor(registry)
    [ok] = ex.handle(M.Message("planner", "executor", K.STEP, {"step": M.Step("add", {"a": 1, "b": 2})}))
    assert (ok.sender, ok.recipient, ok.kind) == ("executor", "critic", K.RESULT)
    assert ok.content["output"] == 3 and ok.content["error"] is None
    [bad] = ex.handle(M.Message("planner", "executor", K.STEP, {"step": M.Step("nope", {})}))
    assert bad.content["output"] is None and "unknown tool" in bad.content["error"]
    [zero] = ex.handle(M.Message("planner", "executor", K.STEP, {"step": M.Step("divide", {"a": 1, "b": 0})}))
    assert "division by zero" in zero.content["error"]


def test_critic_accepts_and_rejects():
    critic = M.Critic()
    step = M.Step("add", {"a": 1, "b": 2})
    [good] = critic.handle(M.Message("executor", "critic", K.RESULT, {"step": step, "output": 3, "error": None}))
    assert (good.recipient, good.kind, good.content["ok"]) == ("planner", K.REVIEW, True)
    assert good.content["output"] == 3 and good.content["step"] is step
    for fine in [0, 0.0, -2.5, "ok"]:
        assert M.Critic.review(fine, None) is None, f"{fine!r} is a valid result (0 is not 'no output')"
    for output, error in [(None, "boom"), (None, None), (float("nan"), None), (float("inf"), None), ("  ", None)]:
        [bad] = critic.handle(M.Message("executor", "critic", K.RESULT, {"step": step, "output": output, "error": error}))
        assert bad.content["ok"] is False and bad.content["feedback"]


def test_planner_resolves_previous_output():
    planner = M.Planner(M.RuleBasedPlannerPolicy())
    [first] = planner.handle(M.Message("user", "planner", K.GOAL, {"goal": "add 2 and 3, then multiply it by 4"}))
    assert first.kind == K.STEP and first.content["step"].tool == "add"
    review = {"step": first.content["step"], "output": 5, "ok": True, "feedback": "looks good"}
    [second] = planner.handle(M.Message("critic", "planner", K.REVIEW, review))
    assert second.content["step"].tool == "multiply"
    assert second.content["step"].args == {"a": 5, "b": 4}, "'it' must become the previous output"


# ---------------------------------------------------------------------------
# Whole conversations on the bus
# ---------------------------------------------------------------------------
def flow(result):
    return [(m.sender, m.recipient, m.kind) for m in result.log]


def test_message_flow_order():
    result = M.solve("add 2 and 3, then multiply it by 4")
    one_step = [("planner", "executor", K.STEP), ("executor", "critic", K.RESULT), ("critic", "planner", K.REVIEW)]
    assert flow(result) == [("user", "planner", K.GOAL)] + one_step * 2 + [("planner", "user", K.DONE)]
    assert [m.turn for m in result.log] == list(range(1, 9))
    assert result.status == "done"
    assert result.final.content["answer"] == 20
    assert result.final.content["results"] == [5, 20]


@pytest.mark.parametrize(
    "goal, answer",
    [
        ("add 2 and 3, then multiply it by 4", 20),
        ("look up the gpus of heron, then divide it by 8", 32),
        ('count the words in "the quick brown fox", then multiply it by 10', 40),
        ("subtract 4 from 10; multiply it by it", 36),
        ("look up the nodes of falcon, then add it to 2, then multiply it by 3", 30),
    ],
)
def test_goals_are_completed(goal, answer):
    result = M.solve(goal)
    assert result.status == "done", result.final and result.final.content
    assert result.final.content["answer"] == pytest.approx(answer)


def test_critic_feedback_lets_planner_repair_a_step():
    result = M.solve("sum 2 and 3, then multiply it by 4")
    assert result.status == "done" and result.final.content["answer"] == 20
    reviews = [m.content["ok"] for m in result.log if m.kind == K.REVIEW]
    assert reviews == [False, True, True], "the unknown tool 'sum' is rejected once, then repaired to 'add'"
    steps = [m.content["step"].tool for m in result.log if m.kind == K.STEP]
    assert steps == ["sum", "add", "multiply"]


@pytest.mark.parametrize("goal, reason", [("divide 1 by 0", "division by zero"), ("translate hello and world", "unknown tool")])
def test_impossible_goals_fail_cleanly(goal, reason):
    result = M.solve(goal)
    assert result.status == "failed"
    assert result.final.kind == K.FAILED and reason in result.final.content["reason"]
    assert len(result.log) < 10


def test_bus_turn_guard_stops_runaway_plans():
    result = M.solve("count forever", policy=M.EndlessPlannerPolicy(), max_turns=25, max_steps=1000)
    assert result.status == "max_turns"
    assert len(result.log) == 25
    assert not any(m.kind == K.DONE for m in result.log)


def test_planner_step_guard_stops_runaway_plans():
    result = M.solve("count forever", policy=M.EndlessPlannerPolicy(), max_turns=1000, max_steps=5)
    assert result.status == "failed"
    assert "step limit" in result.final.content["reason"]
    assert sum(m.kind == K.STEP for m in result.log) == 5


def test_a_result_of_zero_is_accepted_and_used():
    result = M.solve("subtract 5 from 5, then add it to 3")
    assert result.status == "done", result.final and result.final.content
    assert result.final.content["results"] == [0, 3]
    assert result.final.content["answer"] == 3
    zero = M.solve("subtract 7 from 7")
    assert zero.status == "done" and zero.final.content["answer"] == 0


def make_bus(policy, max_retries=1, max_steps=10, max_turns=50):
    bus = M.MessageBus(max_turns=max_turns)
    planner = M.Planner(policy, max_steps=max_steps, max_retries=max_retries)
    bus.register(planner)
    bus.register(M.Executor(M.default_registry()))
    bus.register(M.Critic())
    return bus, planner


def steps_of(log):
    return [m.content["step"].tool for m in log if m.kind == K.STEP]


class StubbornPolicy(M.RuleBasedPlannerPolicy):
    """Its repairs never work: every revision is still an unknown tool."""

    def revise(self, goal, step, feedback):
        return M.Step("total", dict(step.args), "still wrong")


@pytest.mark.parametrize("max_retries", [0, 1, 3])
def test_planner_makes_at_most_max_retries_repairs(max_retries):
    bus, _ = make_bus(StubbornPolicy(), max_retries=max_retries)
    bus.send(M.Message(M.USER, "planner", K.GOAL, {"goal": "sum 2 and 3"}))
    result = bus.run()
    assert result.status == "failed"
    assert steps_of(result.log) == ["sum"] + ["total"] * max_retries, (
        f"with max_retries={max_retries} a rejected step may be revised {max_retries} time(s), then the plan fails"
    )
    assert "rejected" in result.final.content["reason"]


def test_retries_are_counted_per_step():
    """Each new step gets its own repair budget: two steps that each need one repair both succeed."""
    bus, _ = make_bus(M.RuleBasedPlannerPolicy(), max_retries=1)
    bus.send(M.Message(M.USER, "planner", K.GOAL, {"goal": "sum 2 and 3, then plus it and 4"}))
    result = bus.run()
    assert result.status == "done", result.final and result.final.content
    assert steps_of(result.log) == ["sum", "add", "plus", "add"]
    assert result.final.content["answer"] == 9


def test_one_planner_handles_a_second_goal_from_scratch():
    bus, planner = make_bus(M.RuleBasedPlannerPolicy(), max_steps=2)
    bus.send(M.Message(M.USER, "planner", K.GOAL, {"goal": "add 2 and 3, then multiply it by 4"}))
    first = bus.run()
    assert first.status == "done" and first.final.content["answer"] == 20
    n_first = len(bus.log)
    bus.send(M.Message(M.USER, "planner", K.GOAL, {"goal": "add 1 and 1, then multiply it by 7"}))
    second = bus.run()
    assert second.status == "done", (
        f"{second.final and second.final.content}: a new GOAL must reset the planner's goal, history, "
        "step count and retries"
    )
    assert second.final.content["answer"] == 14 and second.final.content["results"] == [2, 14]
    assert [m.turn for m in second.log[n_first:]] == list(range(n_first + 1, 2 * n_first + 1))


class Fanout(M.Agent):
    """Test agent: on any message, sends the messages listed for it (to other test agents)."""

    def __init__(self, name, sends):
        self.name = name
        self.sends = sends
        self.received = []

    def handle(self, message):
        self.received.append(message.content["goal"])
        return [M.Message(self.name, to, K.GOAL, {"goal": label}) for to, label in self.sends]


def test_bus_delivers_in_fifo_order():
    bus = M.MessageBus()
    bus.register(Fanout("a", [("b", "a->b"), ("c", "a->c")]))
    bus.register(Fanout("b", [("c", "b->c")]))
    bus.register(Fanout("c", []))
    bus.send(M.Message(M.USER, "a", K.GOAL, {"goal": "start"}))
    result = bus.run()
    delivered = [m.content["goal"] for m in result.log]
    assert delivered == ["start", "a->b", "a->c", "b->c"], (
        f"delivery order {delivered}: the oldest queued message is delivered first (a queue, not a stack)"
    )
    assert [m.turn for m in result.log] == [1, 2, 3, 4]
    assert result.status == "failed" and result.final is None, "the queue ran dry without an answer to the user"


def test_bus_rejects_unknown_recipients():
    bus = M.MessageBus()
    bus.register(M.Critic())
    with pytest.raises(ValueError):
        bus.send(M.Message("user", "nobody", K.GOAL, {"goal": "x"}))
    with pytest.raises(ValueError):
        bus.register(M.Critic())  # duplicate name
