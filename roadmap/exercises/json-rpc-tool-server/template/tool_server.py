"""A JSON-RPC 2.0 tool server in the style of MCP, and a client that checks its answers
(starter code).

Wire format: one JSON object per line (newline-delimited JSON), as on MCP's stdio transport.

    client                                         server
    {"jsonrpc":"2.0","id":1,"method":"tools/list"}  ->
                                                   <-  {"jsonrpc":"2.0","id":1,"result":{"tools":[...]}}
    {"jsonrpc":"2.0","method":"notifications/initialized"}  ->  (a notification: no id, no reply)

Standard library only (no jsonschema: you write the small validator the tools need).
Fill in the TODOs in order; ``python3 -m pytest -q`` shows which parts already work, and
``python3 tool_server.py`` runs a short session once everything is in place.
"""
from __future__ import annotations

import io
import json
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Sequence, TextIO

JSONRPC = "2.0"
PROTOCOL_VERSION = "2025-11-25"

PARSE_ERROR = -32700  # the line is not valid JSON
INVALID_REQUEST = -32600  # valid JSON, but not a valid request object
METHOD_NOT_FOUND = -32601  # no such method
INVALID_PARAMS = -32602  # the method exists, its params are malformed (or name an unknown tool)


# =============================================================================
# 1. A JSON Schema validator for a small subset: type, properties, required, enum
# =============================================================================
def json_type(value: Any) -> str:
    """The JSON type name of a Python value decoded from JSON. (given)"""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    raise TypeError(f"not a JSON value: {value!r}")


def is_type(value: Any, name: str) -> bool:
    """Whether ``value`` is of JSON Schema type ``name``. Booleans are not numbers; a number with
    no fractional part, such as 3.0, is an integer."""
    # TODO 1: compare json_type(value) with name; "number" also accepts integers, and "integer" also
    #         accepts a float with no fractional part (float.is_integer()).
    raise NotImplementedError("TODO 1: is_type")


def json_equal(a: Any, b: Any) -> bool:
    """Equality of JSON values: unlike Python, true != 1 and false != 0 (but 1 == 1.0). (given)"""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_equal(a[k], b[k]) for k in a)
    return a == b


def validate(instance: Any, schema: Dict[str, Any], path: str = "$") -> List[str]:
    """Every way ``instance`` breaks ``schema``, as messages that start with the JSON path of the
    offending value ("$", "$.city", "$.options.units"); an empty list means valid.

    - "type": a name or a list of names; if the value has none of them, report that one error
      for this value and check nothing else about it;
    - "enum": the value must equal (json_equal) one of the listed values;
    - "required": each listed property must be present in an object (reported at the object's path);
    - "properties": each listed property that is present is validated against its own schema,
      at path + "." + name. Other keywords, and properties not listed, are allowed and ignored.
    """
    # TODO 2: "type" first (a string or a list of names; on a mismatch return just that one error,
    #         e.g. f"{path}: expected integer, got string"); then "enum" with json_equal; then, for
    #         objects, "required" (f"{path}: missing required property 'city'") and "properties"
    #         (recurse with path + "." + name, and add the nested errors to yours).
    raise NotImplementedError("TODO 2: validate")


# =============================================================================
# Tools (given)
# =============================================================================
@dataclass
class Tool:
    name: str
    description: str
    input_schema: Dict[str, Any]
    handler: Callable[..., Any]  # called with the arguments as keyword arguments


def _weather(city: str, units: str = "metric") -> Dict[str, Any]:
    temperature = {"Paris": 18, "Oslo": 4, "Cairo": 31}.get(city, 20)
    if units == "imperial":
        temperature = round(temperature * 9 / 5 + 32)
    return {"city": city, "temperature": temperature, "units": units}


def default_tools() -> List[Tool]:
    number = {"type": "number"}
    return [
        Tool("add", "Add two numbers.",
             {"type": "object", "properties": {"a": number, "b": number}, "required": ["a", "b"]},
             lambda a, b: a + b),
        Tool("divide", "Divide a by b.",
             {"type": "object", "properties": {"a": number, "b": number}, "required": ["a", "b"]},
             lambda a, b: a / b),
        Tool("get_weather", "Current weather for a city (canned data).",
             {"type": "object",
              "properties": {"city": {"type": "string"}, "units": {"type": "string", "enum": ["metric", "imperial"]}},
              "required": ["city"]},
             _weather),
        Tool("echo", "Return the text unchanged.",
             {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]},
             lambda text: text),
    ]


# =============================================================================
# 2. The server
# =============================================================================
def make_result(id_: Any, result: Any) -> Dict[str, Any]:
    return {"jsonrpc": JSONRPC, "id": id_, "result": result}


def make_error(id_: Any, code: int, message: str, data: Any = None) -> Dict[str, Any]:
    error: Dict[str, Any] = {"code": code, "message": message}
    if data is not None:
        error["data"] = data
    return {"jsonrpc": JSONRPC, "id": id_, "error": error}


def valid_id(value: Any) -> bool:
    """Request ids are strings or integers (not booleans, floats or null, as in MCP)."""
    return isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool))


class RpcFailure(Exception):
    """Raised inside a method to answer with a JSON-RPC error."""

    def __init__(self, code: int, message: str, data: Any = None):
        super().__init__(message)
        self.code, self.message, self.data = code, message, data


class ToolServer:
    def __init__(self, tools: Sequence[Tool], name: str = "toy-tools", version: str = "0.1.0"):
        self.tools = {tool.name: tool for tool in tools}
        self.name, self.version = name, version
        self.initialized = False
        self.methods: Dict[str, Callable[[Any], Any]] = {
            "initialize": self._initialize,
            "notifications/initialized": self._initialized,
            "ping": lambda params: {},
            "tools/list": self._list_tools,
            "tools/call": self._call_tool,
        }

    # -- one line in, at most one line out ------------------------------------
    def handle_line(self, line: str) -> Optional[str]:
        """Parse one line and handle it; the JSON text of the response, or None (no response)."""
        # TODO 3: json.loads the line; on json.JSONDecodeError the response is a PARSE_ERROR with id None,
        #         otherwise it is self.handle_message(message). Return json.dumps(response), or None when
        #         there is no response.
        raise NotImplementedError("TODO 3: handle_line")

    def handle_message(self, message: Any) -> Optional[Dict[str, Any]]:
        """Check the request, dispatch it, and build the response (None for a notification)."""
        # TODO 4: 1) INVALID_REQUEST (always answered, even without an id) unless: the message is a dict,
        #            "jsonrpc" == "2.0", "method" is a str, "id" (if present) passes valid_id, and "params"
        #            (if present) is a dict or a list. The error's id is the request's id if valid, else None.
        #         2) Look the method up in self.methods (missing: METHOD_NOT_FOUND naming the method) and
        #            call it with message.get("params"); turn an RpcFailure into make_error(...), a return
        #            value into make_result(...).
        #         3) A request without an "id" member is a notification: it runs, but return None.
        raise NotImplementedError("TODO 4: handle_message")

    # -- the methods ----------------------------------------------------------
    def _initialize(self, params: Any) -> Dict[str, Any]:
        return {
            "protocolVersion": PROTOCOL_VERSION,
            "capabilities": {"tools": {}},
            "serverInfo": {"name": self.name, "version": self.version},
        }

    def _initialized(self, params: Any) -> None:
        self.initialized = True

    def _list_tools(self, params: Any) -> Dict[str, Any]:
        # TODO 5: {"tools": [{"name": ..., "description": ..., "inputSchema": ...}, ...]} in registration order.
        raise NotImplementedError("TODO 5: tools/list")

    def _call_tool(self, params: Any) -> Dict[str, Any]:
        # TODO 6: raise RpcFailure(INVALID_PARAMS, ...) when params is not a dict with a str "name", when the
        #         tool is unknown (name it in the message), or when "arguments" (default {}) is not a dict.
        #         Those are protocol errors. Everything after that is a tool result:
        #         - validate(arguments, tool.input_schema) finds errors: do NOT run the tool; return
        #           {"content": [{"type": "text", "text": f"Invalid arguments for tool {name}: " + "; ".join(errors)}],
        #            "isError": True};
        #         - tool.handler(**arguments) raises: the same shape with f"{type(exc).__name__}: {exc}";
        #         - it returns a value: the value as text (json.dumps unless it is a str), "isError": False.
        raise NotImplementedError("TODO 6: tools/call")


def serve(reader: TextIO, writer: TextIO, server: ToolServer) -> int:
    """Answer every line of ``reader`` (blank lines are skipped) on ``writer``, one JSON text per
    line, flushing after each; return the number of responses written."""
    # TODO 7: for each line of reader: skip blank ones; response = server.handle_line(line); if there is a
    #         response, write it plus "\n" and flush. Count the responses.
    raise NotImplementedError("TODO 7: serve")


class LoopbackTransport:
    """In-memory transport (given): hands one line to ``serve`` and returns its reply line, or
    None when the server wrote nothing."""

    def __init__(self, server: ToolServer):
        self.server = server

    def __call__(self, line: str) -> Optional[str]:
        out = io.StringIO()
        serve(io.StringIO(line + "\n"), out, self.server)
        return out.getvalue().rstrip("\n") or None


# =============================================================================
# 3. The client
# =============================================================================
class ProtocolError(Exception):
    """The other side broke JSON-RPC (bad JSON, wrong id, no reply to a request, ...)."""


class RpcError(Exception):
    """The server answered with a JSON-RPC error object."""

    def __init__(self, code: int, message: str, data: Any = None):
        super().__init__(f"{code}: {message}")
        self.code, self.message, self.data = code, message, data


class ToolError(Exception):
    """The tool ran and reported a failure (isError: true)."""


class ToolClient:
    def __init__(self, transport: Callable[[str], Optional[str]], name: str = "toy-client"):
        self.transport = transport
        self.name = name
        self.next_id = 1

    def request(self, method: str, params: Any = None) -> Any:
        """Send a request with a fresh integer id (1, 2, 3, ...) and return its result; raise
        RpcError for an error response and ProtocolError for anything that breaks the protocol."""
        # TODO 8: take self.next_id and increment it; send {"jsonrpc": "2.0", "id": ..., "method": ...} plus
        #         "params" only when params is not None, as json.dumps text, through self.transport. Raise
        #         ProtocolError when: there is no reply, it is not JSON, not a dict, "jsonrpc" is not "2.0",
        #         its id is not the same valid id (type included: "1" is not 1), it has both or neither of
        #         "result" and "error", or the error is not a dict with an int code and a str message.
        #         Raise RpcError(code, message, data) for an error; return the result otherwise.
        raise NotImplementedError("TODO 8: ToolClient.request")

    def notify(self, method: str, params: Any = None) -> None:
        """Send a notification (no id); the server must not answer it."""
        # TODO 9: like a request but without any "id" member; raise ProtocolError if a reply comes back.
        raise NotImplementedError("TODO 9: ToolClient.notify")

    def initialize(self) -> Dict[str, Any]:
        """The MCP handshake: an initialize request, then the initialized notification."""
        result = self.request("initialize", {
            "protocolVersion": PROTOCOL_VERSION,
            "capabilities": {},
            "clientInfo": {"name": self.name, "version": "0.1.0"},
        })
        if not isinstance(result, dict) or result.get("protocolVersion") != PROTOCOL_VERSION:
            raise ProtocolError(f"unsupported protocol version in {result!r}")
        self.notify("notifications/initialized")
        return result

    def list_tools(self) -> List[Dict[str, Any]]:
        return self.request("tools/list")["tools"]

    def call_tool(self, name: str, arguments: Dict[str, Any]) -> str:
        """The tool's text output; ToolError if the tool reported isError."""
        # TODO 10: request "tools/call" with {"name": name, "arguments": arguments}; join the "text" of the
        #          content parts whose type is "text"; raise ToolError(text) if result["isError"], else return it.
        raise NotImplementedError("TODO 10: ToolClient.call_tool")


if __name__ == "__main__":
    server = ToolServer(default_tools())
    client = ToolClient(LoopbackTransport(server))
    print("initialize ->", client.initialize()["serverInfo"])
    print("tools      ->", [t["name"] for t in client.list_tools()])
    print("add 2 + 3  ->", client.call_tool("add", {"a": 2, "b": 3}))
    print("weather    ->", client.call_tool("get_weather", {"city": "Oslo", "units": "imperial"}))
    for name, args in [("divide", {"a": 1, "b": 0}), ("get_weather", {"units": "kelvin"}), ("nope", {})]:
        try:
            client.call_tool(name, args)
        except (ToolError, RpcError) as exc:
            print(f"{name:<10} -> {type(exc).__name__}: {exc} {getattr(exc, 'data', '') or ''}")
    print(server.handle_line('{"jsonrpc": "2.0", "id": 9, "method": "resources/list"}'))
    print(server.handle_line("{not json"))
