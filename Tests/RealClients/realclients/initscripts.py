"""The init jobs `tutor k8s do init` applied: what their scripts wait for and what they run.

Every `dockerize -wait` address must be one a TCP client can dial (tcp://host:port, one host,
one port). The MySQL job's script runs for real under `sh -e -c` (as the job's container
runs it) with a recording `mysql` on PATH: each call must carry the master user and its
password exactly as Secrets Manager holds them, and the statements must create the
instance's database and user with the instance's password.
"""
from __future__ import annotations

import ipaddress
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

MYSQL_STANDIN = """#!{python}
import json, os, sys
with open(os.environ["MYSQL_RECORD"], "a") as log:
    log.write(json.dumps({{"argv": sys.argv[1:], "MYSQL_PWD": os.environ.get("MYSQL_PWD")}}) + "\\n")
"""


def job_script(job: dict[str, Any]) -> str:
    container = job["spec"]["template"]["spec"]["containers"][0]
    words = list(container.get("command") or []) + list(container.get("args") or [])
    return words[words.index("-c") + 1] if "-c" in words else ""


def init_jobs(applied: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [((job.get("metadata") or {}).get("name", ""), job_script(job)) for job in applied
            if job.get("kind") == "Job" and "-c" in json.dumps(job)]


def _dialable(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return bool(re.fullmatch(r"(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?", host, re.I))


def wait_targets(script: str) -> list[str]:
    return [match.group(1) for line in script.splitlines() if "dockerize" in line
            for match in re.finditer(r"-wait\s+(\S+)", line)]


def wait_problems(jobs: list[tuple[str, str]]) -> tuple[list[str], set[str]]:
    problems, targets = [], set()
    for name, script in jobs:
        for target in wait_targets(script):
            parts = urlsplit(target)
            try:
                port = parts.port
            except ValueError:
                port = None
            if parts.scheme != "tcp" or not parts.hostname or not _dialable(parts.hostname) or port is None:
                problems.append(f"{name}: waits on {target!r}, which no TCP client can dial")
            else:
                targets.add(f"{parts.hostname}:{port}")
    return problems, targets


def run_mysql_job(script: str, work: Path) -> list[dict[str, Any]]:
    folder = Path(tempfile.mkdtemp(dir=work))
    standin = folder / "mysql"
    standin.write_text(MYSQL_STANDIN.format(python=sys.executable), encoding="utf-8")
    standin.chmod(0o755)
    record = folder / "calls.jsonl"
    environment = {"PATH": f"{folder}:/usr/bin:/bin", "MYSQL_RECORD": str(record), "HOME": str(folder)}
    result = subprocess.run(["sh", "-e", "-c", script], env=environment, capture_output=True, text=True,
                            timeout=120, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"the MySQL init script failed under sh -e -c: {result.stderr.strip()[-400:]}")
    return [json.loads(line) for line in record.read_text().splitlines()] if record.exists() else []


def _option(argv: list[str], short: str, long: str) -> str | None:
    for index, item in enumerate(argv):
        if item.startswith(long + "="):
            return item.split("=", 1)[1]
        if item in (short, long) and index + 1 < len(argv):
            return argv[index + 1]
        if short and item.startswith(short) and len(item) > len(short) and short == "-p":
            return item[2:]
    return None


def mysql_problems(calls: list[dict[str, Any]], master: dict[str, str], host: str, isolation: dict[str, Any],
                   instance_password: str) -> list[str]:
    if not calls:
        return ["the MySQL init script never ran mysql"]
    problems = []
    for call in calls:
        argv = call["argv"]
        password = _option(argv, "-p", "--password") or call.get("MYSQL_PWD")
        if password != master["password"]:
            problems.append(f"mysql got the master password as {password!r}, Secrets Manager holds {master['password']!r}")
            break
        if _option(argv, "-u", "--user") != master["username"] or _option(argv, "-h", "--host") != host:
            problems.append(f"mysql connects as {_option(argv, '-u', '--user')!r} to {_option(argv, '-h', '--host')!r}")
            break
    statements = " ".join(_option(call["argv"], "-e", "--execute") or "" for call in calls)
    database, user = isolation["mysql_database"], isolation["mysql_user"]
    for wanted in (f"CREATE DATABASE IF NOT EXISTS {database}", f"'{user}'@'%' IDENTIFIED BY '{instance_password}'",
                   f"GRANT ALL ON {database}.* TO '{user}'@'%'"):
        if wanted not in statements:
            problems.append(f"the MySQL init script never runs: {wanted}")
    return problems

