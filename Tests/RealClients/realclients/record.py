"""The call log every stand-in writes to: one JSON object per line, appended under a lock.

Environment of a job (set by the runner):
  REALCLIENTS_RECORD  the job's calls.jsonl
  REALCLIENTS_STATE   the repository run's shared state (applied objects, registry, hosts)
"""
from __future__ import annotations

import fcntl
import json
import os
import time
from pathlib import Path
from typing import Any


def record(tool: str, argv: list[str], path: str | None = None, **fields: Any) -> None:
    """Appends a call to `path`, by default the job's log named in REALCLIENTS_RECORD."""
    path = path or os.environ.get("REALCLIENTS_RECORD")
    if not path:
        return
    entry = {"t": time.time_ns(), "tool": tool, "argv": argv, "cwd": os.getcwd(), **fields}
    line = json.dumps(entry, sort_keys=True) + "\n"
    with open(path, "a", encoding="utf-8") as log:
        fcntl.flock(log, fcntl.LOCK_EX)
        log.write(line)
        fcntl.flock(log, fcntl.LOCK_UN)


def read_calls(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    calls = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return sorted(calls, key=lambda call: call["t"])


def state_dir() -> Path:
    return Path(os.environ["REALCLIENTS_STATE"])


class Locked:
    """An exclusive lock on a file of the shared state, for read-modify-write."""

    def __init__(self, path: Path):
        self.path = path

    def __enter__(self) -> "Locked":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.handle = open(self.path.with_suffix(self.path.suffix + ".lock"), "a")
        fcntl.flock(self.handle, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc: Any) -> None:
        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()

    def load(self, default: Any) -> Any:
        return json.loads(self.path.read_text(encoding="utf-8")) if self.path.exists() else default

    def save(self, value: Any) -> None:
        self.path.write_text(json.dumps(value, sort_keys=True, indent=1), encoding="utf-8")
