"""GitHub Actions expressions (`${{ ... }}` and `if:` conditions), evaluated as GitHub does.

Implements the documented language: literals (null, booleans, numbers, '...' strings with ''
escapes), context access (a.b, a['b'], a.*), the operators ! < <= > >= == != && || with
GitHub's loose equality and coercions, and the functions contains, startsWith, endsWith,
format, join, toJSON, fromJSON, success, always, cancelled and failure. hashFiles is not
supported (no generated workflow uses it); an unknown function is an error, never a guess.
Reference: https://docs.github.com/en/actions/reference/workflows-and-actions/expressions
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any, Callable


class ExpressionError(Exception):
    pass


_TOKEN = re.compile(
    r"\s*(?:(?P<number>0x[0-9a-fA-F]+|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)"
    r"|(?P<string>'(?:[^']|'')*')"
    r"|(?P<op>&&|\|\||==|!=|<=|>=|[<>!()\[\],.*])"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_-]*))"
)


@dataclass
class _Token:
    kind: str
    text: str


def _tokens(source: str) -> list[_Token]:
    tokens, position = [], 0
    source = source.strip()
    while position < len(source):
        match = _TOKEN.match(source, position)
        if not match or match.end() == position:
            raise ExpressionError(f"cannot read expression at {source[position:]!r}")
        kind = match.lastgroup or ""
        tokens.append(_Token(kind, match.group(kind)))
        position = match.end()
    return tokens


class _Parser:
    """Precedence (low to high): ||, &&, == !=, < <= > >=, !, property access and calls."""

    def __init__(self, tokens: list[_Token]):
        self.tokens, self.index = tokens, 0

    def peek(self) -> _Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self, text: str | None = None) -> _Token:
        token = self.peek()
        if token is None or (text is not None and token.text != text):
            raise ExpressionError(f"expected {text or 'more'} near token {self.index}")
        self.index += 1
        return token

    def parse(self) -> tuple:
        node = self.binary(0)
        if self.peek() is not None:
            raise ExpressionError(f"unexpected {self.peek().text!r}")
        return node

    _LEVELS = [("||",), ("&&",), ("==", "!="), ("<", "<=", ">", ">=")]

    def binary(self, level: int) -> tuple:
        if level == len(self._LEVELS):
            return self.unary()
        node = self.binary(level + 1)
        while (token := self.peek()) is not None and token.kind == "op" and token.text in self._LEVELS[level]:
            self.take()
            node = ("binary", token.text, node, self.binary(level + 1))
        return node

    def unary(self) -> tuple:
        token = self.peek()
        if token is not None and token.text == "!":
            self.take()
            return ("not", self.unary())
        return self.postfix(self.primary())

    def primary(self) -> tuple:
        token = self.take()
        if token.kind == "number":
            return ("literal", float(int(token.text, 16)) if token.text.startswith("0x") else float(token.text))
        if token.kind == "string":
            return ("literal", token.text[1:-1].replace("''", "'"))
        if token.text == "(":
            node = self.binary(0)
            self.take(")")
            return node
        if token.kind == "name":
            lowered = token.text.lower()
            if lowered in ("true", "false"):
                return ("literal", lowered == "true")
            if lowered == "null":
                return ("literal", None)
            if (following := self.peek()) is not None and following.text == "(":
                self.take("(")
                arguments = []
                if self.peek() is not None and self.peek().text != ")":
                    arguments.append(self.binary(0))
                    while self.peek() is not None and self.peek().text == ",":
                        self.take(",")
                        arguments.append(self.binary(0))
                self.take(")")
                return ("call", lowered, arguments)
            return ("context", token.text)
        raise ExpressionError(f"unexpected {token.text!r}")

    def postfix(self, node: tuple) -> tuple:
        while (token := self.peek()) is not None and token.text in (".", "["):
            self.take()
            if token.text == ".":
                name = self.take()
                node = ("filter", node) if name.text == "*" else ("index", node, ("literal", name.text))
            else:
                if self.peek() is not None and self.peek().text == "*":
                    self.take("*")
                    node = ("filter", node)
                else:
                    node = ("index", node, self.binary(0))
                self.take("]")
        return node


def _number(value: Any) -> float:
    if value is None:
        return 0.0
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        if text == "":
            return 0.0
        try:
            return float(int(text, 16)) if text.lower().startswith("0x") else float(text)
        except ValueError:
            return math.nan
    return math.nan


def truthy(value: Any) -> bool:
    if value is None or value is False:
        return False
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value != 0 and not math.isnan(value)
    if isinstance(value, str):
        return value != ""
    return True


def _equal(left: Any, right: Any) -> bool:
    # Strings compare case-insensitively; different types are compared as numbers.
    if isinstance(left, str) and isinstance(right, str):
        return left.lower() == right.lower()
    if type(left) is type(right) or (isinstance(left, (dict, list)) or isinstance(right, (dict, list))):
        return left is right if isinstance(left, (dict, list)) else left == right
    return _number(left) == _number(right)


def _compare(operator: str, left: Any, right: Any) -> bool:
    if isinstance(left, str) and isinstance(right, str):
        a, b = left.lower(), right.lower()
    else:
        a, b = _number(left), _number(right)
        if math.isnan(a) or math.isnan(b):
            return False
    return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[operator]


def to_string(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, indent=2)
    return str(value)


def _format(template: str, *arguments: Any) -> str:
    def replace(match: re.Match) -> str:
        text = match.group(0)
        if text in ("{{", "}}"):
            return text[0]
        index = int(text[1:-1])
        if index >= len(arguments):
            raise ExpressionError(f"format: no argument {index}")
        return to_string(arguments[index])

    return re.sub(r"\{\{|\}\}|\{\d+\}", replace, to_string(template))


class Evaluator:
    """Evaluates expressions against contexts; `status` answers the status functions."""

    def __init__(self, contexts: dict[str, Any], status: Callable[[str], bool] | None = None):
        self.contexts = {name.lower(): value for name, value in contexts.items()}
        self.status = status or (lambda name: name in ("success", "always"))

    def evaluate(self, source: str) -> Any:
        return self._eval(_Parser(_tokens(source)).parse())

    def condition(self, source: Any) -> bool:
        """An `if:` value: ${{ }} optional; without a status function it means success() && (...)."""
        if source is None:
            return self.status("success")
        if isinstance(source, bool):
            return source and self.status("success")
        text = str(source).strip()
        if text.startswith("${{") and text.endswith("}}") and text.count("${{") == 1:
            text = text[3:-2]
        if not re.search(r"\b(success|always|cancelled|failure)\s*\(", text):
            text = f"success() && ({text})"
        return truthy(self.evaluate(text))

    def interpolate(self, text: Any) -> Any:
        """A string with ${{ }} parts; a string that is exactly one expression keeps its type."""
        if not isinstance(text, str) or "${{" not in text:
            return text
        whole = re.fullmatch(r"\$\{\{(.*?)\}\}", text.strip(), re.S)
        if whole and text.strip() == text:
            return self.evaluate(whole.group(1))
        return re.sub(r"\$\{\{(.*?)\}\}", lambda m: to_string(self.evaluate(m.group(1))), text, flags=re.S)

    def _eval(self, node: tuple) -> Any:
        kind = node[0]
        if kind == "literal":
            return node[1]
        if kind == "context":
            name = node[1].lower()
            if name not in self.contexts:
                raise ExpressionError(f"unknown context {node[1]!r}")
            return self.contexts[name]
        if kind == "not":
            return not truthy(self._eval(node[1]))
        if kind == "binary":
            return self._binary(node[1], node[2], node[3])
        if kind == "index":
            return self._index(self._eval(node[1]), self._eval(node[2]))
        if kind == "filter":
            value = self._eval(node[1])
            if isinstance(value, dict):
                return list(value.values())
            return list(value) if isinstance(value, list) else []
        if kind == "call":
            return self._call(node[1], [self._eval(argument) for argument in node[2]])
        raise ExpressionError(f"cannot evaluate {kind}")

    def _binary(self, operator: str, left_node: tuple, right_node: tuple) -> Any:
        left = self._eval(left_node)
        if operator == "&&":
            return self._eval(right_node) if truthy(left) else left
        if operator == "||":
            return left if truthy(left) else self._eval(right_node)
        right = self._eval(right_node)
        if operator == "==":
            return _equal(left, right)
        if operator == "!=":
            return not _equal(left, right)
        return _compare(operator, left, right)

    @staticmethod
    def _index(value: Any, key: Any) -> Any:
        if isinstance(value, list) and not isinstance(value, str):
            if isinstance(key, str) and not key.strip().lstrip("-").isdigit():
                return [Evaluator._index(item, key) for item in value]
            position = int(_number(key))
            return value[position] if 0 <= position < len(value) else None
        if isinstance(value, dict):
            wanted = to_string(key).lower()
            for name, item in value.items():
                if name.lower() == wanted:
                    return item
            return None
        return None

    def _call(self, name: str, arguments: list[Any]) -> Any:
        if name in ("success", "always", "cancelled", "failure"):
            return self.status(name)
        if name == "contains":
            haystack, needle = arguments
            if isinstance(haystack, list):
                return any(_equal(item, needle) for item in haystack)
            return to_string(needle).lower() in to_string(haystack).lower()
        if name == "startswith":
            return to_string(arguments[0]).lower().startswith(to_string(arguments[1]).lower())
        if name == "endswith":
            return to_string(arguments[0]).lower().endswith(to_string(arguments[1]).lower())
        if name == "format":
            return _format(arguments[0], *arguments[1:])
        if name == "join":
            separator = to_string(arguments[1]) if len(arguments) > 1 else ","
            value = arguments[0]
            return separator.join(to_string(item) for item in value) if isinstance(value, list) else to_string(value)
        if name == "tojson":
            return json.dumps(arguments[0], indent=2)
        if name == "fromjson":
            return json.loads(to_string(arguments[0]))
        raise ExpressionError(f"unsupported function {name}()")
