"""Tests for tool_server.py. Run with:  python3 -m pytest -q"""
import importlib.util
import io
import json
import sys
from pathlib import Path

import pytest

import tool_server as T

WEATHER = {
    "type": "object",
    "properties": {
        "city": {"type": "string"},
        "days": {"type": "integer"},
        "options": {
            "type": "object",
            "properties": {"units": {"type": "string", "enum": ["metric", "imperial"]}, "hourly": {"type": "boolean"}},
            "required": ["units"],
        },
    },
    "required": ["city"],
}


# ----------------------------------------------------------------------------- validator
@pytest.mark.parametrize("value, name, ok", [
    ({"a": 1}, "object", True), ([1], "object", False),
    ([1, "x"], "array", True), ({}, "array", False),
    ("hi", "string", True), (1, "string", False),
    (3, "integer", True), (3.0, "integer", True), (3.5, "integer", False), (True, "integer", False),
    (3, "number", True), (2.5, "number", True), (False, "number", False), ("3", "number", False),
    (True, "boolean", True), (0, "boolean", False),
    (None, "null", True), (0, "null", False), ("", "null", False),
])
def test_is_type_follows_json_schema(value, name, ok):
    assert T.is_type(value, name) is ok, (
        f"is_type({value!r}, {name!r}) should be {ok}: in JSON Schema booleans are not numbers, and 3.0 is an integer"
    )


def test_a_valid_instance_has_no_errors():
    assert T.validate({"city": "Oslo"}, WEATHER) == []
    assert T.validate({"city": "Oslo", "days": 3, "options": {"units": "metric", "hourly": True}, "extra": [1]}, WEATHER) == [], (
        "properties not listed in the schema are allowed"
    )


def test_type_errors_carry_the_path_of_the_value():
    errors = T.validate({"city": 42}, WEATHER)
    assert len(errors) == 1 and errors[0].startswith("$.city"), f"one error at $.city, got {errors}"
    errors = T.validate({"city": "Oslo", "days": 2.5}, WEATHER)
    assert len(errors) == 1 and errors[0].startswith("$.days"), f"2.5 is not an integer: {errors}"
    errors = T.validate({"city": "Oslo", "days": True}, WEATHER)
    assert len(errors) == 1 and errors[0].startswith("$.days"), f"true is not an integer: {errors}"
    errors = T.validate({"city": "Oslo", "options": {"units": "metric", "hourly": "yes"}}, WEATHER)
    assert len(errors) == 1 and errors[0].startswith("$.options.hourly"), f"nested paths join names with dots: {errors}"


def test_a_wrong_type_is_the_only_error_reported_for_that_value():
    errors = T.validate("Oslo", WEATHER)
    assert len(errors) == 1 and errors[0].startswith("$"), (
        f"got {errors}: when the type is wrong, report that and check nothing else about the value"
    )


def test_required_properties():
    errors = T.validate({}, WEATHER)
    assert len(errors) == 1 and errors[0].startswith("$") and "city" in errors[0], (
        f"got {errors}: a missing required property is reported at the object's path and names the property"
    )
    errors = T.validate({"city": "Oslo", "options": {}}, WEATHER)
    assert len(errors) == 1 and errors[0].startswith("$.options") and "units" in errors[0], errors
    assert T.validate({"city": "Oslo", "days": None}, {"properties": {"days": {"type": ["integer", "null"]}}}) == [], (
        "'type' can also be a list of names: any of them will do"
    )


def test_enum():
    errors = T.validate({"city": "Oslo", "options": {"units": "kelvin"}}, WEATHER)
    assert len(errors) == 1 and errors[0].startswith("$.options.units") and "kelvin" in errors[0], errors
    assert T.validate(1, {"enum": [1, "one"]}) == []
    assert T.validate(1.0, {"enum": [1, "one"]}) == [], "1.0 and 1 are the same JSON number"
    assert len(T.validate(True, {"enum": [1, 0]})) == 1, (
        "true is not the number 1 in JSON, although True == 1 in Python: compare with json_equal"
    )
    assert len(T.validate(0, {"enum": [False]})) == 1


def test_all_errors_are_collected():
    errors = T.validate({"days": "three", "options": {"units": "kelvin", "hourly": 1}}, WEATHER)
    paths = sorted(e.split(":")[0] for e in errors)
    assert paths == ["$", "$.days", "$.options.hourly", "$.options.units"], (
        f"got {errors}: report every problem (missing city, days, units, hourly), not only the first one"
    )


# ----------------------------------------------------------------------------- server: errors
def server():
    return T.ToolServer(T.default_tools())


def reply(line, srv=None):
    out = (srv or server()).handle_line(line)
    assert out is not None, f"{line!r} needs a response"
    assert isinstance(out, str) and "\n" not in out, "a response is one line of JSON text"
    response = json.loads(out)
    assert response.get("jsonrpc") == "2.0", 'every response has "jsonrpc": "2.0"'
    assert ("result" in response) != ("error" in response), 'a response has exactly one of "result" and "error"'
    return response


def test_parse_error():
    for line in ['{"jsonrpc": "2.0", "id": 1, "method": "ping"', "not json at all", "{'id': 1}"]:
        response = reply(line)
        assert response["error"]["code"] == -32700, f"{line!r} is not JSON: -32700 Parse error"
        assert response["id"] is None, "the id of unparseable text is unknown: null"
        assert isinstance(response["error"]["message"], str) and response["error"]["message"]


@pytest.mark.parametrize("line, echoed_id", [
    ("[]", None),
    ('[{"jsonrpc": "2.0", "id": 1, "method": "ping"}]', None),
    ("42", None),
    ('"ping"', None),
    ('{"id": 1, "method": "ping"}', 1),
    ('{"jsonrpc": "1.0", "id": 2, "method": "ping"}', 2),
    ('{"jsonrpc": 2.0, "id": 3, "method": "ping"}', 3),
    ('{"jsonrpc": "2.0", "id": 4}', 4),
    ('{"jsonrpc": "2.0", "id": "five", "method": 5}', "five"),
    ('{"jsonrpc": "2.0", "id": true, "method": "ping"}', None),
    ('{"jsonrpc": "2.0", "id": 1.5, "method": "ping"}', None),
    ('{"jsonrpc": "2.0", "id": null, "method": "ping"}', None),
    ('{"jsonrpc": "2.0", "id": [1], "method": "ping"}', None),
    ('{"jsonrpc": "2.0", "id": 6, "method": "ping", "params": "x"}', 6),
    ('{"jsonrpc": "2.0", "method": "ping", "params": 7}', None),
    ('{"jsonrpc": "1.0", "method": "ping"}', None),
    ('{"jsonrpc": "2.0", "method": 8}', None),
])
def test_invalid_requests(line, echoed_id):
    response = reply(line)
    assert response["error"]["code"] == -32600, f"{line} is JSON but not a valid request: -32600 Invalid Request"
    assert response["id"] == echoed_id and type(response["id"]) is type(echoed_id), (
        f"{line}: echo the id when it is a string or an integer, else null (got {response['id']!r})"
    )


def test_method_not_found():
    response = reply('{"jsonrpc": "2.0", "id": 11, "method": "resources/list"}')
    assert response["error"]["code"] == -32601 and response["id"] == 11
    assert "resources/list" in response["error"]["message"], "say which method is missing"


@pytest.mark.parametrize("request_id", [0, 7, -3, "abc-1", ""])
def test_the_id_is_echoed_unchanged(request_id):
    line = json.dumps({"jsonrpc": "2.0", "id": request_id, "method": "ping"})
    response = reply(line)
    assert response == {"jsonrpc": "2.0", "id": request_id, "result": {}}, (
        f"got {response}: ping answers {{}} and the response id must be the request's id, {request_id!r}, "
        "with its type (0 and \"\" are ids too, not missing ones)"
    )


# ----------------------------------------------------------------------------- server: notifications
def test_notifications_get_no_response_but_are_processed():
    srv = server()
    assert srv.handle_line('{"jsonrpc": "2.0", "method": "notifications/initialized"}') is None
    assert srv.initialized, "the notification must still be handled"
    assert srv.handle_line('{"jsonrpc": "2.0", "method": "notifications/unknown"}') is None, (
        "no response to a notification, even for an unknown method"
    )
    assert srv.handle_line('{"jsonrpc": "2.0", "method": "tools/call", "params": {"name": "nope"}}') is None, (
        "no response to a notification, even when it fails"
    )


def test_a_tool_called_by_notification_still_runs():
    calls = []
    tool = T.Tool("record", "Remember a value.", {"type": "object", "properties": {"v": {"type": "integer"}}}, lambda v: calls.append(v))
    srv = T.ToolServer([tool])
    line = '{"jsonrpc": "2.0", "method": "tools/call", "params": {"name": "record", "arguments": {"v": 3}}}'
    assert srv.handle_line(line) is None
    assert calls == [3], "a notification is executed; only the response is dropped"


# ----------------------------------------------------------------------------- server: methods
def test_initialize_and_ping():
    result = reply('{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-11-25"}}')["result"]
    assert result["protocolVersion"] == T.PROTOCOL_VERSION
    assert result["capabilities"] == {"tools": {}} and result["serverInfo"]["name"] == "toy-tools"
    assert reply('{"jsonrpc": "2.0", "id": 2, "method": "ping"}')["result"] == {}


def test_tools_list():
    response = reply('{"jsonrpc": "2.0", "id": 1, "method": "tools/list"}')
    tools = response["result"]["tools"]
    assert [t["name"] for t in tools] == ["add", "divide", "get_weather", "echo"], "every tool, in registration order"
    for tool, spec in zip(tools, T.default_tools()):
        assert tool == {"name": spec.name, "description": spec.description, "inputSchema": spec.input_schema}, (
            "each tool is described by name, description and inputSchema (MCP's camelCase)"
        )


def call(name, arguments, srv=None, id_=5):
    return reply(json.dumps({"jsonrpc": "2.0", "id": id_, "method": "tools/call", "params": {"name": name, "arguments": arguments}}), srv)


def test_tools_call_success():
    response = call("add", {"a": 2, "b": 3.5})
    assert response["id"] == 5
    assert response["result"] == {"content": [{"type": "text", "text": "5.5"}], "isError": False}, (
        "a successful call returns the value as text content; non-string values are JSON-encoded"
    )
    result = call("get_weather", {"city": "Oslo", "units": "imperial"})["result"]
    assert json.loads(result["content"][0]["text"]) == {"city": "Oslo", "temperature": 39, "units": "imperial"}
    assert call("echo", {"text": "hi there"})["result"]["content"] == [{"type": "text", "text": "hi there"}], (
        "a string value is the text itself, not its JSON encoding"
    )


def test_tools_call_with_no_arguments_member_uses_an_empty_object():
    srv = T.ToolServer([T.Tool("now", "Fixed time.", {"type": "object"}, lambda: "12:00")])
    response = reply('{"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "now"}}', srv)
    assert response["result"]["content"][0]["text"] == "12:00"


@pytest.mark.parametrize("params", [
    None,
    [1, 2],
    {"arguments": {"a": 1, "b": 2}},
    {"name": 5, "arguments": {}},
    {"name": "add", "arguments": [1, 2]},
    {"name": "add", "arguments": "a=1"},
])
def test_tools_call_with_malformed_params(params):
    message = {"jsonrpc": "2.0", "id": 9, "method": "tools/call"}
    if params is not None:
        message["params"] = params
    response = reply(json.dumps(message))
    assert response["error"]["code"] == -32602 and response["id"] == 9, (
        f"params {params!r}: tools/call needs an object with a string name and an object of arguments: -32602"
    )


def test_tools_call_unknown_tool():
    response = call("launch_rocket", {})
    assert response["error"]["code"] == -32602 and response["id"] == 5
    assert "launch_rocket" in response["error"]["message"]


def test_tools_call_checks_the_arguments_against_the_schema():
    response = call("get_weather", {"units": "kelvin"})
    assert "error" not in response, (
        "arguments that break the tool's inputSchema are a tool execution error (MCP 2025-11-25), not a "
        "JSON-RPC error: the model must be able to read what was wrong and retry"
    )
    result = response["result"]
    text = result["content"][0]["text"]
    assert result["isError"] is True and text.startswith("Invalid arguments for tool get_weather: "), text
    expected = T.validate({"units": "kelvin"}, T.default_tools()[2].input_schema)
    assert text.endswith("; ".join(expected)) and len(expected) == 2, (
        "the text lists every message of your validator, joined with '; '"
    )
    assert call("add", {"a": "2", "b": 3})["result"]["isError"] is True
    assert call("add", {"a": True, "b": 3})["result"]["isError"] is True, "true is not a number"


def test_the_handler_is_not_called_with_invalid_arguments():
    calls = []
    tool = T.Tool("record", "Remember a value.", {"type": "object", "properties": {"v": {"type": "integer"}}, "required": ["v"]},
                  lambda v: calls.append(v) or "ok")
    srv = T.ToolServer([tool])
    assert call("record", {"v": "3"}, srv)["result"]["isError"] is True
    assert calls == [], "validate the arguments before running the tool"
    assert call("record", {"v": 3}, srv)["result"]["isError"] is False and calls == [3]


def test_a_failing_tool_is_a_result_with_is_error():
    response = call("divide", {"a": 1, "b": 0})
    assert "error" not in response, (
        "the request was valid and the tool ran: its failure is a result with isError, which the model can read, "
        "not a JSON-RPC error"
    )
    result = response["result"]
    assert result["isError"] is True and "division by zero" in result["content"][0]["text"]


# ----------------------------------------------------------------------------- serve
class FlushCounter(io.StringIO):
    def __init__(self):
        super().__init__()
        self.flushes = 0

    def flush(self):
        self.flushes += 1
        super().flush()


def test_serve_answers_line_by_line():
    lines = "\n".join([
        '{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {}}',
        '{"jsonrpc": "2.0", "method": "notifications/initialized"}',
        "",
        '{"jsonrpc": "2.0", "id": "b", "method": "tools/list"}',
        "{oops",
        "   ",
        '{"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {"name": "add", "arguments": {"a": 1, "b": 1}}}',
    ]) + "\n"
    srv = server()
    out = FlushCounter()
    count = T.serve(io.StringIO(lines), out, srv)
    text = out.getvalue()
    assert text.endswith("\n") and count == 4, f"4 responses (2 lines are blank, 1 is a notification), got {count}"
    responses = [json.loads(line) for line in text.splitlines()]
    assert [r["id"] for r in responses] == [1, "b", None, 3], "one response per request, in order"
    assert responses[2]["error"]["code"] == -32700 and responses[3]["result"]["content"][0]["text"] == "2"
    assert srv.initialized
    assert out.flushes >= 4, "flush after every response, so a client on a pipe sees it at once"


# ----------------------------------------------------------------------------- client
class FakeTransport:
    """Records what the client sends and answers with canned text."""

    def __init__(self, answer):
        self.answer = answer
        self.sent = []

    def __call__(self, line):
        self.sent.append(json.loads(line))
        return self.answer(self.sent[-1]) if callable(self.answer) else self.answer


def test_client_requests_have_increasing_ids():
    transport = FakeTransport(lambda m: json.dumps({"jsonrpc": "2.0", "id": m["id"], "result": {"ok": m["id"]}}))
    client = T.ToolClient(transport)
    assert client.request("ping") == {"ok": 1}
    assert client.request("tools/list", {"cursor": "x"}) == {"ok": 2}
    assert transport.sent[0] == {"jsonrpc": "2.0", "id": 1, "method": "ping"}, "no params member when params is None"
    assert transport.sent[1] == {"jsonrpc": "2.0", "id": 2, "method": "tools/list", "params": {"cursor": "x"}}


@pytest.mark.parametrize("answer, why", [
    (None, "no response to a request"),
    ("{not json", "the response is not JSON"),
    ('[{"jsonrpc": "2.0", "id": 1, "result": {}}]', "the response is not an object"),
    ('{"id": 1, "result": {}}', 'no "jsonrpc": "2.0"'),
    ('{"jsonrpc": "2.0", "id": 2, "result": {}}', "the id does not match"),
    ('{"jsonrpc": "2.0", "id": "1", "result": {}}', 'the id "1" is a string, the request id was the integer 1'),
    ('{"jsonrpc": "2.0", "result": {}}', "the id is missing"),
    ('{"jsonrpc": "2.0", "id": 1}', "neither result nor error"),
    ('{"jsonrpc": "2.0", "id": 1, "result": {}, "error": {"code": 1, "message": "x"}}', "both result and error"),
    ('{"jsonrpc": "2.0", "id": 1, "error": "boom"}', "the error is not an object"),
    ('{"jsonrpc": "2.0", "id": 1, "error": {"code": "bad", "message": "x"}}', "the error code is not an integer"),
])
def test_client_rejects_broken_responses(answer, why):
    client = T.ToolClient(FakeTransport(answer))
    with pytest.raises(T.ProtocolError):
        client.request("ping")
        pytest.fail(f"the client accepted a response although {why}")


def test_client_raises_rpc_errors():
    answer = '{"jsonrpc": "2.0", "id": 1, "error": {"code": -32602, "message": "Unknown tool: x", "data": {"hint": 1}}}'
    client = T.ToolClient(FakeTransport(answer))
    with pytest.raises(T.RpcError) as info:
        client.request("tools/call", {"name": "x"})
    assert (info.value.code, info.value.message, info.value.data) == (-32602, "Unknown tool: x", {"hint": 1})


def test_client_notifications():
    transport = FakeTransport(None)
    client = T.ToolClient(transport)
    assert client.notify("notifications/initialized") is None
    assert transport.sent == [{"jsonrpc": "2.0", "method": "notifications/initialized"}], (
        'a notification has no "id" member at all (not even "id": null)'
    )
    talkative = T.ToolClient(FakeTransport('{"jsonrpc": "2.0", "id": null, "result": {}}'))
    with pytest.raises(T.ProtocolError):
        talkative.notify("notifications/initialized")


def test_client_and_server_end_to_end():
    srv = server()
    client = T.ToolClient(T.LoopbackTransport(srv))
    info = client.initialize()
    assert info["serverInfo"]["name"] == "toy-tools" and srv.initialized
    assert [t["name"] for t in client.list_tools()] == ["add", "divide", "get_weather", "echo"]
    assert client.call_tool("add", {"a": 2, "b": 3}) == "5"
    assert json.loads(client.call_tool("get_weather", {"city": "Paris"}))["temperature"] == 18
    with pytest.raises(T.ToolError, match="division by zero"):
        client.call_tool("divide", {"a": 1, "b": 0})
    with pytest.raises(T.ToolError, match=r"\$\.units"):
        client.call_tool("get_weather", {"city": "Paris", "units": "kelvin"})
    with pytest.raises(T.RpcError) as info:
        client.call_tool("launch_rocket", {})
    assert info.value.code == -32602
    with pytest.raises(T.RpcError) as info:
        client.request("resources/list")
    assert info.value.code == -32601


# ----------------------------------------------------------------------------- from scratch
SHORTCUTS = ("jsonschema", "fastjsonschema", "pydantic", "jsonrpcserver", "jsonrpcclient", "mcp")


def test_written_with_the_standard_library_only(monkeypatch):
    """Re-import your module with validation and JSON-RPC libraries unavailable, then use it."""
    for name in list(sys.modules):
        if name.split(".")[0] in SHORTCUTS:
            monkeypatch.delitem(sys.modules, name)
    for name in SHORTCUTS:
        monkeypatch.setitem(sys.modules, name, None)
    path = Path(__file__).with_name("tool_server.py")
    spec = importlib.util.spec_from_file_location("_tool_server_stdlib_only", path)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # dataclasses look their module up while it loads
    try:
        spec.loader.exec_module(module)
        module.validate({"city": 1}, WEATHER)
        client = module.ToolClient(module.LoopbackTransport(module.ToolServer(module.default_tools())))
        client.initialize()
        client.call_tool("add", {"a": 1, "b": 2})
    except ImportError as exc:
        pytest.fail(f"your module needs a library that does the work for you ({exc}); write the validator and "
                    "the JSON-RPC handling with the standard library (json, io)")
