"""Terraform expressions, as python-hcl2 hands them over ("${var.name}-x", "\"text\""),
evaluated far enough to know the names and ARNs the CI roles' policies must allow.

What cannot be known before apply (IDs AWS assigns, attributes of data sources other than
the account, partition and region) is UNKNOWN; inside a string it becomes UNKNOWN_TEXT, so an
ARN built around it keeps the parts a policy's patterns look at (prefixes, paths).
Unsupported syntax evaluates to UNKNOWN as well: this module is for names, not for logic.
"""
from __future__ import annotations

import re
from typing import Any, Callable


class _Unknown:
    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = _Unknown()
UNKNOWN_TEXT = "unknown0"

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<number>\d+(\.\d+)?)
  | (?P<name>[A-Za-z_][A-Za-z0-9_-]*)
  | (?P<string>")
  | (?P<op>=>|==|!=|<=|>=|&&|\|\||\.\.\.|[-+*/%!<>?:.,()\[\]{}=])
""", re.VERBOSE)


class Unsupported(Exception):
    pass


def string_literal(text: str, start: int) -> tuple[list[Any], int]:
    """A quoted template from `start` (after the opening quote): its parts (text or
    expression source) and the index after the closing quote."""
    parts: list[Any] = []
    buffer, i = [], start
    while i < len(text):
        c = text[i]
        if c == "\\":
            escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}
            buffer.append(escapes.get(text[i + 1], text[i + 1]))
            i += 2
        elif text.startswith("$${", i):
            buffer.append("${")
            i += 3
        elif text.startswith("${", i):
            end = _matching_brace(text, i + 2)
            if buffer:
                parts.append("".join(buffer))
                buffer = []
            parts.append(("expr", text[i + 2:end].strip().lstrip("~").rstrip("~").strip()))
            i = end + 1
        elif text.startswith("%{", i):
            raise Unsupported("template directive")
        elif c == '"':
            if buffer:
                parts.append("".join(buffer))
            return parts, i + 1
        else:
            buffer.append(c)
            i += 1
    raise Unsupported("unterminated string")


def _matching_brace(text: str, i: int) -> int:
    depth, quoted = 1, False
    while i < len(text):
        c = text[i]
        if quoted:
            if c == "\\":
                i += 1
            elif c == '"':
                quoted = False
        elif c == '"':
            quoted = True
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise Unsupported("unbalanced braces")


def tokenize(source: str) -> list[tuple[str, Any]]:
    tokens, i = [], 0
    while i < len(source):
        match = _TOKEN.match(source, i)
        if not match:
            raise Unsupported(f"cannot read {source[i:i + 20]!r}")
        kind = match.lastgroup
        if kind == "string":
            parts, i = string_literal(source, match.end())
            tokens.append(("template", parts))
            continue
        if kind == "number":
            tokens.append(("number", float(match.group()) if "." in match.group() else int(match.group())))
        elif kind != "space":
            tokens.append((kind, match.group()))
        i = match.end()
    tokens.append(("end", None))
    return tokens


Resolver = Callable[[str, list[Any]], Any]


class Evaluator:
    """Evaluates one expression against `resolve(root, traversal)`, which answers
    references such as var.name (root "var", traversal ["name"])."""

    def __init__(self, resolve: Resolver, functions: dict[str, Callable[..., Any]] | None = None):
        from .hclfunctions import FUNCTIONS

        self.resolve, self.functions = resolve, {**FUNCTIONS, **(functions or {})}

    def value(self, raw: Any) -> Any:
        """A python-hcl2 value: strings are expressions, lists and dicts hold more of them."""
        if isinstance(raw, str):
            return self.expression(raw)
        if isinstance(raw, list):
            return [self.value(item) for item in raw]
        if isinstance(raw, dict):
            return {self._key(key): self.value(item) for key, item in raw.items() if not key.startswith("__")}
        return raw

    def _key(self, key: str) -> str:
        return key[1:-1] if len(key) >= 2 and key[0] == key[-1] == '"' else key

    def expression(self, source: str) -> Any:
        text = source.strip()
        if text.startswith("${") and _matching_brace(text, 2) == len(text) - 1:
            text = text[2:-1]
        try:
            parser = _Parser(tokenize(text), self)
            result = parser.expression()
            if parser.peek()[0] != "end":
                return UNKNOWN
            return result
        except (Unsupported, IndexError, KeyError, TypeError, ValueError):
            return UNKNOWN


def as_text(value: Any) -> str:
    if value is UNKNOWN or isinstance(value, (list, dict)):
        return UNKNOWN_TEXT
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


class _Parser:
    def __init__(self, tokens: list[tuple[str, Any]], evaluator: Evaluator):
        self.tokens, self.i, self.evaluator = tokens, 0, evaluator
        self.bindings: dict[str, Any] = {}  # the names a for expression binds

    def peek(self) -> tuple[str, Any]:
        return self.tokens[self.i]

    def take(self, value: Any = None) -> tuple[str, Any]:
        token = self.tokens[self.i]
        if value is not None and token[1] != value:
            raise Unsupported(f"expected {value}, found {token[1]}")
        self.i += 1
        return token

    def expression(self) -> Any:
        condition = self.binary(0)
        if self.peek()[1] == "?":
            self.take("?")
            yes = self.expression()
            self.take(":")
            no = self.expression()
            if condition is UNKNOWN:
                return yes if yes == no else UNKNOWN
            return yes if condition else no
        return condition

    _LEVELS = [("||",), ("&&",), ("==", "!="), ("<", ">", "<=", ">="), ("+", "-"), ("*", "/", "%")]

    def binary(self, level: int) -> Any:
        if level == len(self._LEVELS):
            return self.unary()
        left = self.binary(level + 1)
        while self.peek()[0] == "op" and self.peek()[1] in self._LEVELS[level]:
            op = self.take()[1]
            right = self.binary(level + 1)
            left = _apply(op, left, right)
        return left

    def unary(self) -> Any:
        if self.peek()[1] in ("!", "-"):
            op = self.take()[1]
            value = self.unary()
            if value is UNKNOWN:
                return UNKNOWN
            return (not value) if op == "!" else -value
        return self.postfix(self.primary())

    def primary(self) -> Any:
        kind, value = self.take()
        if kind == "number":
            return value
        if kind == "template":
            return self.template(value)
        if kind == "op" and value == "(":
            inner = self.expression()
            self.take(")")
            return inner
        if kind == "op" and value == "[":
            return self.list_literal()
        if kind == "op" and value == "{":
            return self.object_literal()
        if kind == "name":
            if value in ("true", "false"):
                return value == "true"
            if value == "null":
                return None
            if self.peek()[1] == "(":
                return self.call(value)
            if value in self.bindings:
                return self.postfix(self.bindings[value])
            return self.reference(value)
        raise Unsupported(f"unexpected {value}")

    def template(self, parts: list[Any]) -> Any:
        def evaluate(source: str) -> Any:
            inner = _Parser(tokenize(source), self.evaluator)
            inner.bindings = self.bindings
            return inner.expression()
        if len(parts) == 1 and isinstance(parts[0], tuple):
            return evaluate(parts[0][1])
        return "".join(as_text(evaluate(part[1])) if isinstance(part, tuple) else part for part in parts)

    def call(self, name: str) -> Any:
        self.take("(")
        arguments, expand = [], False
        while self.peek()[1] != ")":
            arguments.append(self.expression())
            if self.peek()[1] == "...":
                self.take("...")
                expand = True
            if self.peek()[1] == ",":
                self.take(",")
        self.take(")")
        if expand:
            arguments = arguments[:-1] + (list(arguments[-1]) if isinstance(arguments[-1], list) else [UNKNOWN])
        function = self.evaluator.functions.get(name)
        if function is None or any(argument is UNKNOWN for argument in arguments):
            return UNKNOWN
        return function(*arguments)

    def reference(self, root: str) -> Any:
        traversal: list[Any] = []
        while True:
            if self.peek()[1] == "." and self.tokens[self.i + 1][0] == "name":
                self.take(".")
                traversal.append(self.take()[1])
            elif self.peek()[1] == "." and self.tokens[self.i + 1][0] == "number":
                self.take(".")
                traversal.append(self.take()[1])
            elif self.peek()[1] == "[" and self.tokens[self.i + 1][1] != "*":
                self.take("[")
                traversal.append(self.expression())
                self.take("]")
            else:
                break
        return self.evaluator.resolve(root, traversal)

    def postfix(self, value: Any) -> Any:
        while self.peek()[1] in ("[", "."):
            if self.peek()[1] == "[":
                self.take("[")
                if self.peek()[1] == "*":
                    raise Unsupported("splat")
                index = self.expression()
                self.take("]")
                value = index_into(value, index)
            elif self.tokens[self.i + 1][0] == "name":
                self.take(".")
                value = index_into(value, self.take()[1])
            else:
                break
        return value

    def list_literal(self) -> Any:
        if self.peek()[1] == "for":
            return self.for_expression("]")
        items = []
        while self.peek()[1] != "]":
            items.append(self.expression())
            if self.peek()[1] == ",":
                self.take(",")
        self.take("]")
        return items

    def object_literal(self) -> Any:
        if self.peek()[1] == "for":
            return self.for_expression("}")
        items: dict[str, Any] = {}
        while self.peek()[1] != "}":
            kind, key = self.peek()
            if kind == "name" and self.tokens[self.i + 1][1] in ("=", ":"):
                self.take()
            else:
                key = self.expression()
            self.take()  # = or :
            items[as_text(key)] = self.expression()
            if self.peek()[1] == ",":
                self.take(",")
        self.take("}")
        return items


    def for_expression(self, closing: str) -> Any:
        """`[for k, v in xs : body if cond]` or `{for k, v in xs : key => value}`: the body is
        parsed again for every element, with the names bound."""
        self.take("for")
        names = [self.take()[1]]
        if self.peek()[1] == ",":
            self.take(",")
            names.append(self.take()[1])
        self.take("in")
        collection = self.expression()
        self.take(":")
        body = self.i
        pairs = _pairs(collection)
        results: Any = {} if closing == "}" else []
        outer = dict(self.bindings)
        for key, item in pairs or [(UNKNOWN, UNKNOWN)]:
            self.i = body
            self.bindings = {**outer, **dict(zip(names, [key, item] if len(names) == 2 else [item]))}
            first = self.expression()
            second = None
            if closing == "}":
                self.take("=>")
                second = self.expression()
                if self.peek()[1] == "...":
                    raise Unsupported("grouping")
            keep = True
            if self.peek()[1] == "if":
                self.take("if")
                keep = self.expression()
            if pairs is None or keep is UNKNOWN:
                results = UNKNOWN
            elif keep:
                if closing == "}":
                    results[as_text(first)] = second
                else:
                    results.append(first)
        self.bindings = outer
        self.take(closing)
        return results


def _pairs(collection: Any) -> list[tuple[Any, Any]] | None:
    if isinstance(collection, dict):
        return sorted(collection.items())
    if isinstance(collection, list):
        return list(enumerate(collection))
    return None


def index_into(value: Any, key: Any) -> Any:
    if value is UNKNOWN or key is UNKNOWN:
        return UNKNOWN
    if isinstance(value, dict):
        return value.get(as_text(key), UNKNOWN)
    if isinstance(value, list) and isinstance(key, int) and 0 <= key < len(value):
        return value[key]
    return UNKNOWN


def _apply(op: str, left: Any, right: Any) -> Any:
    if left is UNKNOWN or right is UNKNOWN:
        return UNKNOWN
    operations = {
        "||": lambda: left or right, "&&": lambda: left and right,
        "==": lambda: left == right, "!=": lambda: left != right,
        "<": lambda: left < right, ">": lambda: left > right,
        "<=": lambda: left <= right, ">=": lambda: left >= right,
        "+": lambda: left + right, "-": lambda: left - right,
        "*": lambda: left * right, "/": lambda: left / right, "%": lambda: left % right,
    }
    return operations[op]()
