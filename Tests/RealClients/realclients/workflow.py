"""One run of a workflow: its trigger, its jobs in `needs` order, each job's `if:`.

Events are built as GitHub sends them (push, workflow_run, workflow_dispatch), with the
fields the generated workflows read. Jobs whose needs failed or were skipped are skipped
unless their `if:` uses a status function, as on GitHub.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

from .expressions import Evaluator, to_string
from .runner import JobResult, JobRunner, RunContext


@dataclass
class Trigger:
    event_name: str
    sha: str
    ref: str
    payload: dict[str, Any]
    inputs: dict[str, Any] = field(default_factory=dict)

    @staticmethod
    def push(branch: str, sha: str) -> "Trigger":
        return Trigger("push", sha, f"refs/heads/{branch}", {"ref": f"refs/heads/{branch}", "after": sha})

    @staticmethod
    def workflow_run(workflow_name: str, branch: str, sha: str, conclusion: str = "success") -> "Trigger":
        run = {"name": workflow_name, "conclusion": conclusion, "head_sha": sha, "head_branch": branch,
               "event": "push", "status": "completed"}
        return Trigger("workflow_run", sha, f"refs/heads/{branch}", {"action": "completed", "workflow_run": run})

    @staticmethod
    def dispatch(branch: str, sha: str, inputs: dict[str, Any]) -> "Trigger":
        return Trigger("workflow_dispatch", sha, f"refs/heads/{branch}", {"inputs": inputs}, inputs)


def load_workflow(path: Path) -> dict[str, Any]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    if True in document:
        document["on"] = document.pop(True)
    return document


def triggered(workflow: dict[str, Any], trigger: Trigger) -> bool:
    events = workflow.get("on") or {}
    if isinstance(events, str):
        return events == trigger.event_name
    if isinstance(events, list):
        return trigger.event_name in events
    if trigger.event_name not in events:
        return False
    filters = events[trigger.event_name] or {}
    if trigger.event_name == "workflow_run":
        run = trigger.payload["workflow_run"]
        return run["name"] in filters.get("workflows", []) and run["head_branch"] in filters.get("branches", [run["head_branch"]])
    if trigger.event_name == "push":
        return trigger.ref.removeprefix("refs/heads/") in filters.get("branches", [trigger.ref.removeprefix("refs/heads/")])
    return True


def job_order(jobs: dict[str, Any]) -> list[str]:
    ordered, seen = [], set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in seen:
            return
        if name in path:
            raise ValueError(f"needs cycle through {name}")
        needs = jobs[name].get("needs") or []
        for need in [needs] if isinstance(needs, str) else needs:
            visit(need, path + (name,))
        seen.add(name)
        ordered.append(name)

    for name in jobs:
        visit(name, ())
    return ordered


class WorkflowRun:
    def __init__(self, path: Path, trigger: Trigger, repository: str, run_id: int, folder: Path,
                 make_context: Callable[[str, dict, dict, Path], RunContext]):
        self.path, self.trigger, self.folder = path, trigger, folder
        self.workflow = load_workflow(path)
        self.make_context = make_context
        self.github = {
            "event_name": trigger.event_name, "event": trigger.payload, "sha": trigger.sha, "ref": trigger.ref,
            "ref_name": trigger.ref.removeprefix("refs/heads/"), "repository": repository,
            "repository_owner": repository.split("/")[0], "run_id": str(run_id), "run_attempt": "1",
            "workflow": self.workflow.get("name", path.name), "actor": "stand-in", "server_url": "https://github.com",
            "api_url": "https://api.github.com", "head_ref": "", "base_ref": "",
        }

    def run(self) -> dict[str, JobResult]:
        results: dict[str, JobResult] = {}
        jobs = self.workflow.get("jobs") or {}
        event_file = self.folder / "event.json"
        self.folder.mkdir(parents=True, exist_ok=True)
        event_file.write_text(json.dumps(self.trigger.payload), encoding="utf-8")
        self.github["event_path"] = str(event_file)
        for job_id in job_order(jobs):
            job = jobs[job_id]
            needs_list = job.get("needs") or []
            needs_list = [needs_list] if isinstance(needs_list, str) else needs_list
            needs = {name: {"result": results[name].result, "outputs": results[name].outputs} for name in needs_list}
            all_succeeded = all(results[name].result == "success" for name in needs_list)
            evaluator = Evaluator({"github": self.github, "inputs": self.trigger.inputs, "needs": needs, "vars": {},
                                   "env": {}},
                                  status=lambda name, ok=all_succeeded: {"success": ok, "failure": not ok,
                                                                         "always": True, "cancelled": False}[name])
            if not evaluator.condition(job.get("if")):
                results[job_id] = JobResult(job_id, "skipped")
                continue
            context = self.make_context(job_id, job, {"github": self.github, "inputs": self.trigger.inputs, "needs": needs,
                                                 "workflow_env": {k: to_string(v) for k, v in (self.workflow.get("env") or {}).items()}},
                                        self.folder / job_id)
            results[job_id] = JobRunner(job_id, job, context).run()
        return results
