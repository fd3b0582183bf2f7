"""IAM's evaluation of identity policies for one request, as AWS documents it for a single
account: an explicit Deny wins, else an Allow is needed, else the request is implicitly
denied. Actions match case-insensitively with * and ?, resources case-sensitively; NotAction
and NotResource invert the match; conditions use the request's context keys (names
case-insensitive), with ...IfExists, Null and the negated operators true on a missing key,
and ForAnyValue / ForAllValues over multivalued keys.

Not modelled: resource-based policies, permissions boundaries, SCPs and session policies
(stamp generates none for its CI roles), and policy variables in Resource (they match any
value here, which can only make this evaluation more permissive than AWS's for Allow and
less for Deny: the check never relies on a variable to deny).
"""
from __future__ import annotations

import fnmatch
import re
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Any

_VARIABLE = re.compile(r"\$\{[^}]*\}")


@lru_cache(maxsize=4096)
def _pattern(text: str, case_insensitive: bool) -> re.Pattern[str]:
    parts = []
    for piece in _VARIABLE.split(text):
        parts.append(fnmatch.translate(piece)[4:-3] if piece else "")  # strip (?s: ... )\Z
    regex = ".*".join(parts)
    return re.compile(f"(?s:{regex})\\Z", re.IGNORECASE if case_insensitive else 0)


def matches(pattern: Any, value: str, case_insensitive: bool = False) -> bool:
    """A pattern that is not text (a value only apply knows, such as a data source's ARN)
    matches nothing."""
    if not isinstance(pattern, str):
        return False
    return bool(_pattern(pattern, case_insensitive).match(value))


@dataclass
class Request:
    action: str
    resource: str
    context: dict[str, Any] = field(default_factory=dict)

    def value(self, key: str) -> Any:
        lowered = key.lower()
        return next((value for name, value in self.context.items() if name.lower() == lowered), None)


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _compare(operator: str, expected: list[str], actual: str) -> bool:
    if operator in ("StringEquals", "ArnEquals"):
        return any(actual == str(value) for value in expected)
    if operator == "StringEqualsIgnoreCase":
        return any(actual.lower() == str(value).lower() for value in expected)
    if operator in ("StringLike", "ArnLike"):
        return any(matches(str(value), actual) for value in expected)
    if operator == "Bool":
        return any(actual.lower() == str(value).lower() for value in expected)
    if operator.startswith("Numeric"):
        number = float(actual)
        tests = {"NumericEquals": number.__eq__, "NumericLessThan": number.__lt__,
                 "NumericLessThanEquals": number.__le__, "NumericGreaterThan": number.__gt__,
                 "NumericGreaterThanEquals": number.__ge__}
        return any(tests[operator](float(value)) for value in expected)
    raise ValueError(f"condition operator {operator} is not modelled")


def condition_holds(operator: str, key: str, expected: list[str], request: Request) -> bool:
    actual = request.value(key)
    if operator == "Null":
        return (actual is None) == (str(expected[0]).lower() == "true")
    qualifier, _, operator = operator.rpartition(":")
    if_exists = operator.endswith("IfExists")
    operator = operator.removesuffix("IfExists")
    negated = operator.startswith(("StringNot", "ArnNot")) or operator == "NumericNotEquals"
    positive = operator.replace("StringNot", "String").replace("ArnNot", "Arn").replace("NumericNotEquals", "NumericEquals")
    if actual is None:
        return if_exists or negated or qualifier == "ForAllValues"
    values = [str(item) for item in _as_list(actual)]
    if qualifier == "ForAllValues":
        outcome = all(_compare(positive, expected, item) for item in values)
    else:
        outcome = any(_compare(positive, expected, item) for item in values)
    return not outcome if negated else outcome


def statement_applies(statement: dict, request: Request) -> bool:
    if "Action" in statement:
        if not any(matches(pattern, request.action, True) for pattern in _as_list(statement["Action"])):
            return False
    elif any(matches(pattern, request.action, True) for pattern in _as_list(statement.get("NotAction", []))):
        return False
    if "Resource" in statement:
        if not any(matches(pattern, request.resource) for pattern in _as_list(statement["Resource"])):
            return False
    elif "NotResource" in statement and any(matches(p, request.resource) for p in _as_list(statement["NotResource"])):
        return False
    for operator, keys in statement.get("Condition", {}).items():
        for key, expected in keys.items():
            if not condition_holds(operator, key, _as_list(expected), request):
                return False
    return True


@dataclass
class Decision:
    allowed: bool
    by: str  # the Sid (or "statement N") that decided, or "no statement allows it"


def decide(policies: list[dict], request: Request) -> Decision:
    allow = None
    for policy in policies:
        for index, statement in enumerate(_as_list(policy.get("Statement", []))):
            if not statement_applies(statement, request):
                continue
            name = statement.get("Sid") or f"statement {index + 1}"
            if statement.get("Effect") == "Deny":
                return Decision(False, f"denied by {name}")
            allow = allow or name
    return Decision(True, allow) if allow else Decision(False, "no statement allows it")
