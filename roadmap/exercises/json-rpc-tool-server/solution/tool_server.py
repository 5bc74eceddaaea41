"""A JSON-RPC 2.0 tool server in the style of MCP, and a client that checks its answers -
reference solution.

Wire format: one JSON object per line (newline-delimited JSON), as on MCP's stdio transport.

    client                                         server
    {"jsonrpc":"2.0","id":1,"method":"tools/list"}  ->
                                                   <-  {"jsonrpc":"2.0","id":1,"result":{"tools":[...]}}
    {"jsonrpc":"2.0","method":"notifications/initialized"}  ->  (a notification: no id, no reply)

Standard library only (no jsonschema: you write the small validator the tools need).
Run the tests with ``python3 -m pytest -q``; ``python3 tool_server.py`` runs a short session.
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
    actual = json_type(value)
    if name == "number":
        return actual in ("integer", "number")
    if name == "integer":
        return actual == "integer" or (actual == "number" and float(value).is_integer())
    return actual == name


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
    errors: List[str] = []
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(is_type(instance, n) for n in names):
            return [f"{path}: expected {' or '.join(names)}, got {json_type(instance)}"]
    if "enum" in schema and not any(json_equal(instance, option) for option in schema["enum"]):
        errors.append(f"{path}: {json.dumps(instance)} is not one of {json.dumps(schema['enum'])}")
    if isinstance(instance, dict):
        for name in schema.get("required", []):
            if name not in instance:
                errors.append(f"{path}: missing required property '{name}'")
        for name, subschema in schema.get("properties", {}).items():
            if name in instance:
                errors.extend(validate(instance[name], subschema, f"{path}.{name}"))
    return errors


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
        try:
            message = json.loads(line)
        except json.JSONDecodeError as exc:
            response = make_error(None, PARSE_ERROR, f"Parse error: {exc.msg}")
        else:
            response = self.handle_message(message)
        return None if response is None else json.dumps(response)

    def handle_message(self, message: Any) -> Optional[Dict[str, Any]]:
        """Check the request, dispatch it, and build the response (None for a notification)."""
        if not isinstance(message, dict):
            return make_error(None, INVALID_REQUEST, "Invalid Request: expected a JSON object (batches are not supported)")
        has_id = "id" in message
        id_ = message.get("id") if has_id and valid_id(message.get("id")) else None
        if message.get("jsonrpc") != JSONRPC:
            return make_error(id_, INVALID_REQUEST, 'Invalid Request: "jsonrpc" must be "2.0"')
        if not isinstance(message.get("method"), str):
            return make_error(id_, INVALID_REQUEST, 'Invalid Request: "method" must be a string')
        if has_id and not valid_id(message["id"]):
            return make_error(None, INVALID_REQUEST, 'Invalid Request: "id" must be a string or an integer')
        if "params" in message and not isinstance(message["params"], (dict, list)):
            return make_error(id_, INVALID_REQUEST, 'Invalid Request: "params" must be an object or an array')

        method = self.methods.get(message["method"])
        try:
            if method is None:
                raise RpcFailure(METHOD_NOT_FOUND, f"Method not found: {message['method']}")
            result = method(message.get("params"))
        except RpcFailure as failure:
            response = make_error(id_, failure.code, failure.message, failure.data)
        else:
            response = make_result(id_, result)
        return response if has_id else None

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
        return {"tools": [
            {"name": t.name, "description": t.description, "inputSchema": t.input_schema} for t in self.tools.values()
        ]}

    def _call_tool(self, params: Any) -> Dict[str, Any]:
        if not isinstance(params, dict) or not isinstance(params.get("name"), str):
            raise RpcFailure(INVALID_PARAMS, 'Invalid params: tools/call needs {"name": string, "arguments": object}')
        tool = self.tools.get(params["name"])
        if tool is None:
            raise RpcFailure(INVALID_PARAMS, f"Unknown tool: {params['name']}")
        arguments = params.get("arguments", {})
        if not isinstance(arguments, dict):
            raise RpcFailure(INVALID_PARAMS, "Invalid params: arguments must be an object")
        errors = validate(arguments, tool.input_schema)
        if errors:  # a tool execution error, not a protocol error: the model reads it and can fix its call
            return {"content": [{"type": "text", "text": f"Invalid arguments for tool {tool.name}: " + "; ".join(errors)}],
                    "isError": True}
        try:
            value = tool.handler(**arguments)
        except Exception as exc:  # the tool ran and failed: a result the model can read, not a protocol error
            return {"content": [{"type": "text", "text": f"{type(exc).__name__}: {exc}"}], "isError": True}
        text = value if isinstance(value, str) else json.dumps(value)
        return {"content": [{"type": "text", "text": text}], "isError": False}


def serve(reader: TextIO, writer: TextIO, server: ToolServer) -> int:
    """Answer every line of ``reader`` (blank lines are skipped) on ``writer``, one JSON text per
    line, flushing after each; return the number of responses written."""
    written = 0
    for line in reader:
        if not line.strip():
            continue
        response = server.handle_line(line)
        if response is not None:
            writer.write(response + "\n")
            writer.flush()
            written += 1
    return written


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
        id_ = self.next_id
        self.next_id += 1
        message: Dict[str, Any] = {"jsonrpc": JSONRPC, "id": id_, "method": method}
        if params is not None:
            message["params"] = params
        raw = self.transport(json.dumps(message))
        if raw is None:
            raise ProtocolError(f"no response to request {id_}")
        try:
            response = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ProtocolError(f"response is not JSON: {exc.msg}") from None
        if not isinstance(response, dict) or response.get("jsonrpc") != JSONRPC:
            raise ProtocolError('a response must be an object with "jsonrpc": "2.0"')
        if "id" not in response or not valid_id(response["id"]) or response["id"] != id_:
            raise ProtocolError(f"response id {response.get('id')!r} does not match request id {id_}")
        if ("result" in response) == ("error" in response):
            raise ProtocolError('a response has exactly one of "result" and "error"')
        if "error" in response:
            error = response["error"]
            code = error.get("code") if isinstance(error, dict) else None
            if not isinstance(code, int) or isinstance(code, bool) or not isinstance(error.get("message"), str):
                raise ProtocolError("an error needs an integer code and a string message")
            raise RpcError(error["code"], error["message"], error.get("data"))
        return response["result"]

    def notify(self, method: str, params: Any = None) -> None:
        """Send a notification (no id); the server must not answer it."""
        message: Dict[str, Any] = {"jsonrpc": JSONRPC, "method": method}
        if params is not None:
            message["params"] = params
        if self.transport(json.dumps(message)) is not None:
            raise ProtocolError("the server answered a notification")

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
        result = self.request("tools/call", {"name": name, "arguments": arguments})
        text = "".join(part.get("text", "") for part in result.get("content", []) if part.get("type") == "text")
        if result.get("isError"):
            raise ToolError(text)
        return text


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
