"""The Kubernetes objects the stand-ins were given, kept as a tiny cluster state.

The kubectl stand-in stores every applied object here (by kind, namespace and name); the fake
API server and `kubectl get`/`wait` answer from it. Label selectors follow Kubernetes'
syntax: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x,y)`, `a`, `!a`, comma-separated.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Callable, Iterable

CLUSTER_SCOPED = {
    "Namespace", "StorageClass", "IngressClass", "ClusterRole", "ClusterRoleBinding",
    "CustomResourceDefinition", "PersistentVolume", "PriorityClass", "ClusterIssuer",
    "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
}

_REQUIREMENT = re.compile(
    r"^\s*(?:(?P<not>!)\s*(?P<absent>[\w./-]+)"
    r"|(?P<key>[\w./-]+)\s*(?:(?P<op>==|=|!=)\s*(?P<value>[\w.-]*)"
    r"|\s+(?P<set>in|notin)\s*\((?P<values>[^)]*)\))?)\s*$"
)


class SelectorError(ValueError):
    pass


def parse_selector(text: str) -> Callable[[dict[str, str]], bool]:
    parts, depth, current = [], 0, ""
    for char in text:
        depth += char == "("
        depth -= char == ")"
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    tests = []
    for part in parts:
        match = _REQUIREMENT.match(part)
        if not match or not part.strip():
            raise SelectorError(f"unable to parse requirement: {part!r}")
        tests.append(_requirement(match))
    return lambda labels: all(test(labels) for test in tests)


def _requirement(match: re.Match) -> Callable[[dict[str, str]], bool]:
    if match.group("not"):
        key = match.group("absent")
        return lambda labels: key not in labels
    key, operator = match.group("key"), match.group("op")
    if operator in ("=", "=="):
        value = match.group("value")
        return lambda labels: labels.get(key) == value
    if operator == "!=":
        value = match.group("value")
        return lambda labels: labels.get(key) != value
    if match.group("set"):
        values = {item.strip() for item in match.group("values").split(",") if item.strip()}
        if match.group("set") == "in":
            return lambda labels: labels.get(key) in values
        return lambda labels: labels.get(key) not in values
    return lambda labels: key in labels


def labels_of(manifest: dict[str, Any]) -> dict[str, str]:
    return (manifest.get("metadata") or {}).get("labels") or {}


def namespace_of(manifest: dict[str, Any], default: str | None) -> str:
    if manifest.get("kind") in CLUSTER_SCOPED:
        return "_cluster"
    return (manifest.get("metadata") or {}).get("namespace") or default or "default"


class ObjectStore:
    def __init__(self, root: Path):
        self.root = root

    def path(self, kind: str, namespace: str, name: str) -> Path:
        return self.root / namespace / kind / f"{name}.json"

    def put(self, manifest: dict[str, Any], default_namespace: str | None) -> str:
        metadata = manifest.get("metadata") or {}
        name = metadata.get("name") or metadata.get("generateName") or "unnamed"
        namespace = namespace_of(manifest, default_namespace)
        path = self.path(manifest["kind"], namespace, name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(manifest, sort_keys=True), encoding="utf-8")
        return f"{manifest['kind'].lower()}/{name}"

    def items(self, kind: str | None = None, namespace: str | None = None) -> Iterable[dict[str, Any]]:
        if not self.root.exists():
            return []
        found = []
        for path in sorted(self.root.glob("*/*/*.json")):
            item_namespace, item_kind = path.parent.parent.name, path.parent.name
            if kind and item_kind.lower() != kind.lower():
                continue
            if namespace and item_namespace not in (namespace, "_cluster"):
                continue
            found.append(json.loads(path.read_text(encoding="utf-8")))
        return found

    def has(self, kind: str, name: str, namespace: str | None = None) -> bool:
        return any((item.get("metadata") or {}).get("name") == name for item in self.items(kind, namespace))
