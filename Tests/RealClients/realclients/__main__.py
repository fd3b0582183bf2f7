"""The real-clients stage of `make verify` for one generated repository.

    python -m realclients check REPO --plan PLAN.json --work DIR --cache DIR

Outside the sandbox (PyPI reachable): the requirement lint, the CI-permissions check of the
Terraform roots (permissions.py) and the wheelhouse and Tutor venvs (cached in --cache by
content). Inside the sandbox, a private network namespace with only
loopback (nothing reaches any network: not PyPI, not AWS) and a private mount namespace whose
/etc/hosts is the stage's own file: the workflows' jobs, the checks. Exit 0 when no problem.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from . import permissions, quotas, requirements


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="realclients")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check")
    check.add_argument("repository", type=Path)
    check.add_argument("--plan", type=Path, required=True)
    check.add_argument("--work", type=Path, required=True)
    check.add_argument("--cache", type=Path, required=True)
    check.add_argument("--kubectl", default="/usr/bin/kubectl")
    check.add_argument("--job-timeout", type=float, default=300, help="seconds a job may run (a deploy takes about one minute)")
    check.add_argument("--recheck", action="store_true", help="check the jobs of an earlier run in --work again")
    prepare = commands.add_parser("prepare", help="build the wheelhouse and Tutor venvs the repositories need")
    prepare.add_argument("repositories", type=Path, nargs="+")
    prepare.add_argument("--cache", type=Path, required=True)
    inside = commands.add_parser("inside")
    inside.add_argument("config", type=Path)
    return parser.parse_args()


def outside(arguments: argparse.Namespace) -> int:
    repository, work = arguments.repository.resolve(), arguments.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    plan = json.loads(arguments.plan.read_text(encoding="utf-8"))
    problems, files = requirements.lint(repository)
    problems += [f"CI permissions: {problem}" for problem in permissions.check(repository, plan)]
    problems += [f"quotas: {problem}" for problem in quotas.check(repository, plan)]
    tutor_pythons = {}
    for instance in plan["instances"]:
        path = repository / "tutor" / instance["name"] / "requirements.txt"
        if path not in files:
            problems.append(f"instance {instance['name']}: the workflows install no locked requirements file "
                            f"(tutor/{instance['name']}/requirements.txt); its Tutor cannot be checked")
            continue
        try:
            venv = requirements.prepare(path, arguments.cache.resolve())
        except RuntimeError as error:
            problems.append(f"{path.relative_to(repository)}: {error}")
            continue
        tutor_pythons[instance["release"]] = str(venv / "bin" / "python")
    config = {
        "repository": str(repository), "plan": plan, "work": str(work), "tutor_pythons": tutor_pythons,
        "wheelhouse": str(arguments.cache.resolve() / "wheels"), "kubectl": arguments.kubectl,
        "aws": str(Path(sys.executable).with_name("aws")), "job_timeout": arguments.job_timeout,
        "hosts_file": str(work / "hosts"), "recheck": arguments.recheck,
    }
    (work / "config.json").write_text(json.dumps(config), encoding="utf-8")
    (work / "hosts").write_text("127.0.0.1 localhost\n", encoding="utf-8")
    command = ["unshare", "--net", "--mount", "--propagation", "private", "--",
               sys.executable, "-m", "realclients", "inside", str(work / "config.json")]
    environment = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    result = subprocess.run(command, env=environment, check=False)
    if result.returncode not in (0, 1):
        problems.append(f"the sandbox failed (exit {result.returncode}): the stage needs `unshare --net --mount` "
                        "(root, or user namespaces) and iproute2")
    report = work / "problems.json"
    if report.exists():
        problems += json.loads(report.read_text(encoding="utf-8"))
    for problem in problems:
        print(f"  {problem}")
    return 1 if problems else 0


def inside(arguments: argparse.Namespace) -> int:
    config = json.loads(arguments.config.read_text(encoding="utf-8"))
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    subprocess.run(["mount", "--bind", config["hosts_file"], "/etc/hosts"], check=True)
    from .stage import Stage

    tools = {key: config[key] for key in ("tutor_pythons", "wheelhouse", "kubectl", "aws", "job_timeout", "hosts_file",
                                          "recheck")}
    problems = Stage(Path(config["repository"]), config["plan"], Path(config["work"]), tools).run()
    Path(config["work"], "problems.json").write_text(json.dumps(problems, indent=1), encoding="utf-8")
    return 1 if problems else 0


def prepare(arguments: argparse.Namespace) -> int:
    """Builds what `check` installs from, so that parallel checks only read the cache."""
    files = {}
    for repository in arguments.repositories:
        for path in requirements.lint(repository.resolve())[1]:
            files.setdefault(requirements.digest(path), path)
    for path in files.values():
        try:
            requirements.prepare(path, arguments.cache.resolve())
        except RuntimeError as error:
            print(f"  {path}: {error}")  # `check` reports it again, in the repository's problems
    return 0


def main() -> int:
    arguments = parse()
    commands = {"check": outside, "prepare": prepare, "inside": inside}
    return commands[arguments.command](arguments)


if __name__ == "__main__":
    sys.exit(main())
