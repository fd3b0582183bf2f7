"""helm stand-in: records every call and checks `upgrade --install` against the chart's values.

Charts cannot be downloaded here, so each pinned chart version has a copy of its values (and
of the values schemas Helm enforces) under fixtures/charts/<name>-<version>/, with its source.
Like Helm, it refuses a chart version or repository it has no copy of, a value path the chart
does not have, and merged sub-chart values that break the sub-chart's schema (unless
--skip-schema-validation).
"""
from __future__ import annotations

import copy
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from ..record import record


def fixtures() -> Path:
    return Path(os.environ.get("REALCLIENTS_CHARTS", Path(__file__).resolve().parents[2] / "fixtures" / "charts"))


def split_path(key: str) -> list[str]:
    parts = re.split(r"(?<!\\)\.", key)
    return [part.replace("\\.", ".") for part in parts]


def parse_value(text: str, as_string: bool) -> Any:
    if as_string:
        return text
    lowered = text.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    if lowered == "null":
        return None
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if text.startswith("{") and text.endswith("}"):
        return [item for item in text[1:-1].split(",") if item]
    return text


class Chart:
    def __init__(self, folder: Path):
        self.folder = folder
        self.meta = yaml.safe_load((folder / "chart.yaml").read_text())
        self.values = yaml.safe_load((folder / "values.yaml").read_text()) or {}
        self.subcharts = {
            path.name: {
                "values": yaml.safe_load((path / "values.yaml").read_text()) or {},
                "schema": json.loads((path / "values.schema.json").read_text()) if (path / "values.schema.json").exists() else None,
            }
            for path in sorted((folder / "charts").glob("*")) if path.is_dir()
        } if (folder / "charts").exists() else {}

    def defaults(self) -> dict[str, Any]:
        merged = copy.deepcopy(self.values)
        for name, sub in self.subcharts.items():
            merged[name] = merge(copy.deepcopy(sub["values"]), merged.get(name) or {})
        return merged


def merge(base: Any, override: Any) -> Any:
    if isinstance(base, dict) and isinstance(override, dict):
        for key, value in override.items():
            base[key] = merge(base.get(key), value) if key in base else value
        return base
    return override


def find_chart(name: str, version: str, repo: str | None) -> Chart:
    folder = fixtures() / f"{name}-{version}"
    if not (folder / "chart.yaml").exists():
        sys.exit(f"Error: chart \"{name}\" version \"{version}\" not found (the stand-in has no copy: add fixtures/charts/{name}-{version} with its source)")
    chart = Chart(folder)
    if repo and repo.rstrip("/") != chart.meta["repository"].rstrip("/"):
        sys.exit(f"Error: chart \"{name}\" is not in {repo} (its repository is {chart.meta['repository']})")
    return chart


def check_path(defaults: dict[str, Any], key: str) -> str | None:
    node: Any = defaults
    for index, part in enumerate(split_path(key)):
        if isinstance(node, dict):
            if part in node:
                node = node[part]
                continue
            if not node:
                return None  # a free-form map such as annotations: {}
            return f"unknown chart value {key!r} ({'.'.join(split_path(key)[:index + 1])} is not in the chart's values)"
        if node is None:
            return None
        return f"unknown chart value {key!r} ({'.'.join(split_path(key)[:index])} is not a map)"
    return None


def set_path(values: dict[str, Any], key: str, value: Any) -> None:
    parts = split_path(key)
    node = values
    for part in parts[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            child = node[part] = {}
        node = child
    node[parts[-1]] = value


def schema_errors(chart: Chart, values: dict[str, Any]) -> list[str]:
    import jsonschema

    errors = []
    for name, sub in chart.subcharts.items():
        enabled = (values.get(name) or {}).get("enabled", True)
        if sub["schema"] is None or not enabled:
            continue
        validator = jsonschema.validators.validator_for(sub["schema"])(sub["schema"])
        for error in sorted(validator.iter_errors(values.get(name) or {}), key=str):
            where = "/" + "/".join(str(part) for part in error.absolute_path)
            errors.append(f"{name}: - at '{where}': {error.message}")
    return errors


def upgrade(argv: list[str]) -> int:
    positionals, sets, flags = [], [], {}
    index = 0
    while index < len(argv):
        item = argv[index]
        if item in ("--set", "--set-string"):
            sets.append((argv[index + 1], item == "--set-string"))
            index += 2
            continue
        if item.startswith("--") and "=" in item:
            name, value = item.split("=", 1)
            if name in ("--set", "--set-string"):
                sets.append((value, name == "--set-string"))
            else:
                flags[name] = value
        elif item in ("--repo", "--version", "--namespace", "-n", "--timeout", "-f", "--values"):
            flags[item] = argv[index + 1]
            index += 1
        elif item.startswith("-"):
            flags[item] = "true"
        else:
            positionals.append(item)
        index += 1
    if "--install" not in flags or len(positionals) != 2:
        sys.exit("helm stand-in: expected `helm upgrade --install RELEASE CHART ...`")
    if "--version" not in flags:
        sys.exit("helm stand-in: the chart version must be pinned (--version)")
    chart = find_chart(positionals[1], flags["--version"], flags.get("--repo"))
    values = chart.defaults()
    problems = []
    for assignment, as_string in sets:
        key, _, raw = assignment.partition("=")
        problem = check_path(values, key)
        if problem:
            problems.append(problem)
        else:
            set_path(values, key, parse_value(raw, as_string))
    if "--skip-schema-validation" not in flags:
        problems += schema_errors(chart, values)
    record("helm-release", [], release=positionals[0], chart=positionals[1], version=flags["--version"],
           namespace=flags.get("--namespace") or flags.get("-n"), values=values, problems=problems)
    if problems:
        sys.stderr.write("Error: values don't meet the specifications of the schema(s) in the following chart(s):\n")
        sys.stderr.write("\n".join(problems) + "\n")
        return 1
    print(f'Release "{positionals[0]}" has been upgraded. Happy Helming!')
    return 0


def main(argv: list[str]) -> int:
    record("helm", argv)
    if argv[:1] == ["version"]:
        print('version.BuildInfo{Version:"stand-in"}')
        return 0
    if argv[:1] == ["upgrade"]:
        return upgrade(argv[1:])
    sys.stderr.write(f"helm stand-in: `helm {' '.join(argv)}` is not known here; teach the stand-in\n")
    return 97
