"""GitHub's environment files and workflow commands, read as the runner reads them.

GITHUB_ENV and GITHUB_OUTPUT hold `NAME=value` lines or `NAME<<DELIMITER` blocks;
GITHUB_PATH one directory per line; stdout lines `::add-mask::VALUE`, `::error::MESSAGE` ...
https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
"""
from __future__ import annotations

import re
from pathlib import Path


class EnvFileError(ValueError):
    pass


def read_assignments(path: Path) -> list[tuple[str, str]]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").split("\n")
    found, index = [], 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not line.strip():
            continue
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            value_lines = []
            while index < len(lines) and lines[index] != delimiter:
                value_lines.append(lines[index])
                index += 1
            if index >= len(lines):
                raise EnvFileError(f"{path.name}: no closing delimiter {delimiter!r} for {name}")
            index += 1
            found.append((name, "\n".join(value_lines)))
        elif "=" in line:
            name, value = line.split("=", 1)
            found.append((name, value))
        else:
            raise EnvFileError(f"{path.name}: cannot read line {line!r}")
    for name, _ in found:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", name):
            raise EnvFileError(f"{path.name}: invalid name {name!r}")
    return found


def read_paths(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


_COMMAND = re.compile(r"^::([a-z-]+)(?: [^:]*)?::(.*)$")


def workflow_commands(text: str) -> list[tuple[str, str]]:
    commands = []
    for line in text.splitlines():
        match = _COMMAND.match(line.strip())
        if match:
            commands.append((match.group(1), match.group(2)))
    return commands


class Masker:
    """Registered secrets are masked in every later line, line by line, as GitHub does."""

    def __init__(self) -> None:
        self.values: set[str] = set()

    def add(self, value: str) -> None:
        if value.strip():
            self.values.add(value)

    def mask(self, text: str) -> str:
        for value in sorted(self.values, key=len, reverse=True):
            text = text.replace(value, "***")
        return text
