"""Which Python packages the workflows install, and whether PyPI has exactly those.

Every `pip install` in a generated workflow installs `name==version` pins (not ranges) of
projects on PyPI, on its command line or in a requirements file of the repository
(`-r FILE`); a URL, a VCS checkout or a local path fails with
`not installable from PyPI: <requirement>`. For each distinct file the stage builds wheels
from PyPI into a wheelhouse (which the workflows' own pip installs from, offline, in the
sandbox) and a Tutor venv (for the checks), both cached in ignored folders by content.
"""
from __future__ import annotations

import hashlib
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

from .workflow import load_workflow

PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)(\[[A-Za-z0-9,._-]+\])?==(?P<version>[A-Za-z0-9.+!_-]+)$")
NOT_PYPI = re.compile(r"(://|^git\+|^\.|^/|@\s*(git\+|https?:|file:))")


def requirement_problem(requirement: str) -> str | None:
    requirement = requirement.split(";", 1)[0].strip()
    if NOT_PYPI.search(requirement):
        return f"not installable from PyPI: {requirement}"
    if not PIN.match(requirement):
        return f"not pinned exactly (name==version): {requirement}"
    return None


def file_requirements(path: Path) -> list[str]:
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            lines.append(line)
    return lines


def _scripts(workflow: dict[str, Any]) -> list[tuple[str, str, dict[str, str]]]:
    found = []
    for job_id, job in (workflow.get("jobs") or {}).items():
        env = {**{k: str(v) for k, v in (workflow.get("env") or {}).items()},
               **{k: str(v) for k, v in (job.get("env") or {}).items()}}
        for step in job.get("steps") or []:
            if "run" in step:
                found.append((job_id, step["run"], {**env, **{k: str(v) for k, v in (step.get("env") or {}).items()}}))
    return found


def _expand(word: str, env: dict[str, str]) -> str:
    return re.sub(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?", lambda m: env.get(m.group(1), m.group(0)), word)


def pip_installs(repository: Path) -> list[tuple[str, list[str]]]:
    """(where, arguments) of every `pip install` in the repository's workflows."""
    installs = []
    for path in sorted((repository / ".github/workflows").glob("*.yml")):
        for job_id, script, env in _scripts(load_workflow(path)):
            for line in script.replace("\\\n", " ").splitlines():
                if "pip install" not in line:
                    continue
                words = [_expand(word, env) for word in shlex.split(line, comments=True)]
                arguments = words[words.index("install") + 1:]
                installs.append((f"{path.name} job {job_id}", arguments))
    return installs


def lint(repository: Path) -> tuple[list[str], set[Path]]:
    problems, files = [], set()
    for where, arguments in pip_installs(repository):
        index = 0
        while index < len(arguments):
            item = arguments[index]
            if item in ("-r", "--requirement", "-c", "--constraint"):
                files.add(repository / arguments[index + 1])
                index += 2
                continue
            if item.startswith("-"):
                index += 1
                continue
            problem = requirement_problem(item)
            if problem:
                problems.append(f"{where}: {problem}")
            index += 1
    for path in sorted(files):
        if not path.exists():
            problems.append(f"{path.relative_to(repository)}: the requirements file the workflows install does not exist")
            continue
        for requirement in file_requirements(path):
            problem = requirement_problem(requirement)
            if problem:
                problems.append(f"{path.relative_to(repository)}: {problem}")
    return problems, {path for path in files if path.exists()}


def digest(path: Path) -> str:
    return hashlib.sha256("\n".join(sorted(file_requirements(path))).encode()).hexdigest()[:16]


def run(command: list[str], what: str) -> None:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{what} failed:\n{(result.stdout + result.stderr)[-2000:]}")


def prepare(path: Path, cache: Path) -> Path:
    """Wheels for every line of `path` in the wheelhouse, and a Tutor venv installed from them."""
    wheelhouse = cache / "wheels"
    wheelhouse.mkdir(parents=True, exist_ok=True)
    venv = cache / f"tutor-{digest(path)}"
    if (venv / "ready").exists():
        return venv
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(wheelhouse),
         "--find-links", str(wheelhouse), "-r", str(path)], f"downloading {path.name} from PyPI")
    run([sys.executable, "-m", "venv", "--clear", str(venv)], "creating a Tutor venv")
    run([str(venv / "bin/python"), "-m", "pip", "install", "--quiet", "--no-index", "--find-links", str(wheelhouse),
         "-r", str(path)], f"installing {path.name} with only its own pins (a dependency missing from the file fails here)")
    run([str(venv / "bin/python"), "-m", "pip", "check"], f"pip check of {path.name}")
    (venv / "ready").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return venv
