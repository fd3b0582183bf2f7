"""Runs one job of a workflow step by step, the way GitHub's runner does.

Per step: `if:` with the status functions, `${{ }}` in env/with/run/working-directory, the
step's shell command line (`bash -e {0}` by default, `bash --noprofile --norc -eo pipefail
{0}` for `shell: bash`), GITHUB_ENV / GITHUB_PATH / GITHUB_OUTPUT / GITHUB_STEP_SUMMARY,
`::add-mask::`, and a process group per step: processes a step leaves running in the
background live on until the job ends, then the whole group is killed (GitHub's "orphan
process" clean-up). `uses:` steps go to their documented equivalents (actions.py).
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from . import envfiles
from .expressions import Evaluator, to_string

SHELLS = {
    None: ["bash", "-e", "{0}"],
    "bash": ["bash", "--noprofile", "--norc", "-eo", "pipefail", "{0}"],
    "sh": ["sh", "-e", "{0}"],
    "python": ["python", "{0}"],
}


@dataclass
class StepResult:
    name: str
    outcome: str
    exit_code: int | None = None
    log: str = ""
    seconds: float = 0.0


@dataclass
class JobResult:
    job_id: str
    result: str  # success, failure, skipped
    outputs: dict[str, str] = field(default_factory=dict)
    steps: list[StepResult] = field(default_factory=list)
    log: str = ""
    unmasked: list[str] = field(default_factory=list)
    environment: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"job_id": self.job_id, "result": self.result, "outputs": self.outputs, "log": self.log,
                "unmasked": self.unmasked, "environment": self.environment,
                "steps": [step.__dict__ for step in self.steps]}

    @staticmethod
    def from_json(value: dict[str, Any]) -> "JobResult":
        steps = [StepResult(**step) for step in value.pop("steps")]
        return JobResult(steps=steps, **value)

    def failure_summary(self) -> str:
        failed = [step for step in self.steps if step.outcome == "failure"]
        if not failed:
            return self.result
        step = failed[0]
        tail = "\n".join(step.log.splitlines()[-25:])
        return f"step {step.name!r} failed (exit {step.exit_code}):\n{tail}"


@dataclass
class RunContext:
    """What the job runs on: the GitHub contexts of the run, the job's folder and base env."""
    github: dict[str, Any]
    inputs: dict[str, Any]
    needs: dict[str, Any]
    workflow_env: dict[str, str]
    job_dir: Path
    base_env: dict[str, str]
    base_path: list[str]
    secrets: list[str]                      # values that must never reach the log unmasked
    uses: Callable[["JobRunner", dict, dict], dict[str, str]]
    after_step: Callable[["JobRunner", StepResult], None] = lambda runner, step: None
    timeout: float = 900.0
    # Env values the stage replaces (downloads it cannot make); each is listed in the README.
    substitutions: dict[str, str] = field(default_factory=dict)


class JobRunner:
    def __init__(self, job_id: str, job: dict[str, Any], context: RunContext):
        self.job_id, self.job, self.context = job_id, job, context
        self.dir = context.job_dir
        for sub in ("temp", "workspace", "home", "files"):
            (self.dir / sub).mkdir(parents=True, exist_ok=True)
        self.env_additions: dict[str, str] = {}
        self.paths: list[str] = []
        self.steps_context: dict[str, Any] = {}
        self.masker = envfiles.Masker()
        self.groups: list[int] = []
        self.failed = False
        self.log: list[str] = []
        self.unmasked: list[str] = []
        self.deadline = time.monotonic() + min(context.timeout, 60 * float(job.get("timeout-minutes", 360)))

    # -- contexts and env ---------------------------------------------------------------
    def evaluator(self, env: dict[str, str] | None = None) -> Evaluator:
        status = {"success": not self.failed, "failure": self.failed, "always": True, "cancelled": False}
        return Evaluator({
            "github": self.context.github, "inputs": self.context.inputs, "needs": self.context.needs,
            "env": env if env is not None else self.job_env(), "steps": self.steps_context, "vars": {},
            "secrets": {"GITHUB_TOKEN": "stand-in-github-token"}, "job": {"status": "failure" if self.failed else "success"},
            "runner": {"os": "Linux", "arch": "X64", "temp": str(self.dir / "temp"), "name": "stand-in"},
            "matrix": {}, "strategy": {},
        }, status=lambda name: status[name])

    def job_env(self) -> dict[str, str]:
        env = dict(self.context.workflow_env)
        evaluator = Evaluator({"github": self.context.github, "inputs": self.context.inputs,
                               "needs": self.context.needs, "env": env, "vars": {},
                               "secrets": {"GITHUB_TOKEN": "stand-in-github-token"}, "matrix": {}})
        for name, value in (self.job.get("env") or {}).items():
            env[name] = to_string(evaluator.interpolate(value))
        for name, value in self.context.substitutions.items():
            if name in env:
                env[name] = value
        return env

    def github_env(self) -> dict[str, str]:
        github = self.context.github
        return {
            "GITHUB_REF": github["ref"], "GITHUB_SHA": github["sha"], "GITHUB_REPOSITORY": github["repository"],
            "GITHUB_REPOSITORY_OWNER": github["repository_owner"], "GITHUB_EVENT_NAME": github["event_name"],
            "GITHUB_EVENT_PATH": github.get("event_path", ""), "GITHUB_RUN_ID": github["run_id"],
            "GITHUB_RUN_ATTEMPT": github["run_attempt"], "GITHUB_WORKFLOW": github["workflow"], "GITHUB_JOB": self.job_id,
            "GITHUB_ACTOR": github["actor"], "GITHUB_SERVER_URL": github["server_url"], "GITHUB_API_URL": github["api_url"],
            "GITHUB_REF_NAME": github["ref_name"], "GITHUB_REF_TYPE": "branch", "GITHUB_HEAD_REF": "", "GITHUB_BASE_REF": "",
        }

    def process_env(self, step_env: dict[str, str]) -> dict[str, str]:
        env = dict(self.context.base_env)
        env.update(self.github_env())
        env.update(self.job_env())
        env.update(self.env_additions)
        env.update(step_env)
        env["PATH"] = ":".join(list(reversed(self.paths)) + self.context.base_path)
        return env

    # -- running ------------------------------------------------------------------------
    def run(self) -> JobResult:
        steps: list[StepResult] = []
        try:
            for number, step in enumerate(self.job.get("steps") or []):
                result = self.run_step(number, step)
                steps.append(result)
                self.context.after_step(self, result)
        finally:
            self.end_processes()
        outputs = {}
        if not self.failed:
            evaluator = self.evaluator()
            outputs = {name: to_string(evaluator.interpolate(value)) for name, value in (self.job.get("outputs") or {}).items()}
        environment = self.job.get("environment")
        if isinstance(environment, dict):
            environment = environment.get("name")
        environment = to_string(self.evaluator().interpolate(environment)) if environment else None
        return JobResult(self.job_id, "failure" if self.failed else "success", outputs, steps,
                         "\n".join(self.log), self.unmasked, environment)

    def run_step(self, number: int, step: dict[str, Any]) -> StepResult:
        env_for_if = {**self.job_env(), **self.env_additions}
        name = to_string(self.evaluator(env_for_if).interpolate(step.get("name") or step.get("uses") or f"step {number}"))
        if not self.evaluator(env_for_if).condition(step.get("if")):
            self._set_step(step, "skipped", {})
            return StepResult(name, "skipped")
        files = {kind: self.dir / "files" / f"{number}-{kind}" for kind in ("env", "path", "output", "summary")}
        for path in files.values():
            path.write_text("", encoding="utf-8")
        step_env = {key: to_string(self.evaluator(env_for_if).interpolate(value)) for key, value in (step.get("env") or {}).items()}
        step_env.update({"GITHUB_ENV": str(files["env"]), "GITHUB_PATH": str(files["path"]),
                         "GITHUB_OUTPUT": str(files["output"]), "GITHUB_STEP_SUMMARY": str(files["summary"])})
        evaluator = self.evaluator({**env_for_if, **step_env})
        started = time.monotonic()
        if "uses" in step:
            inputs = {key: to_string(evaluator.interpolate(value)) for key, value in (step.get("with") or {}).items()}
            try:
                outputs = self.context.uses(self, step, inputs)
                code, log = 0, f"{step['uses']}: done by its documented equivalent"
            except Exception as error:  # noqa: BLE001 - the action's failure fails the step
                outputs, code, log = {}, 1, f"{step['uses']}: {error}"
        else:
            code, log = self.run_script(number, step, evaluator, step_env)
            outputs = {}
        self._collect_files(files, outputs)
        self.log.append(f"## {name}\n{log}")
        outcome = "success" if code == 0 else "failure"
        if outcome == "failure" and not step.get("continue-on-error"):
            self.failed = True
        self._set_step(step, outcome, outputs)
        return StepResult(name, outcome, code, log, round(time.monotonic() - started, 1))

    def run_script(self, number: int, step: dict, evaluator: Evaluator, step_env: dict[str, str]) -> tuple[int, str]:
        script = to_string(evaluator.interpolate(step["run"]))
        path = self.dir / "temp" / f"step-{number}.sh"
        path.write_text(script, encoding="utf-8")
        shell = step.get("shell") or ((self.job.get("defaults") or {}).get("run") or {}).get("shell")
        if shell not in SHELLS:
            return 1, f"shell {shell!r} is not supported by the runner stand-in"
        command = [part.replace("{0}", str(path)) for part in SHELLS[shell]]
        directory = self.dir / "workspace"
        if step.get("working-directory"):
            directory = directory / to_string(evaluator.interpolate(step["working-directory"]))
        remaining = self.deadline - time.monotonic()
        if "timeout-minutes" in step:
            remaining = min(remaining, 60 * float(step["timeout-minutes"]))
        log = self.dir / "temp" / f"step-{number}.log"
        with open(log, "wb") as output:
            # A file, not a pipe: a step ends when its shell exits, even if a process it left
            # in the background still holds the output open (as on GitHub).
            process = subprocess.Popen(command, cwd=directory, env=self.process_env(step_env), stdin=subprocess.DEVNULL,
                                       stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
            self.groups.append(process.pid)
            try:
                code = process.wait(timeout=max(remaining, 1))
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                code = 124
                output.write(b"\n[the runner stand-in ended the step: timeout]")
        return code, self._filter_output(log.read_bytes().decode(errors="replace"))

    def _filter_output(self, text: str) -> str:
        shown = []
        for line in text.splitlines():
            for command, value in envfiles.workflow_commands(line):
                if command == "add-mask":
                    self.masker.add(value)
            if line.strip().startswith("::add-mask::"):
                continue
            masked = self.masker.mask(line)
            for secret in self.context.secrets:
                if secret and secret in masked:
                    self.unmasked.append(f"{secret[:3]}... printed unmasked in job {self.job_id}: {masked[:120]}")
            shown.append(masked)
        return "\n".join(shown)

    def _collect_files(self, files: dict[str, Path], outputs: dict[str, str]) -> None:
        for name, value in envfiles.read_assignments(files["env"]):
            self.env_additions[name] = value
        self.paths += envfiles.read_paths(files["path"])
        outputs.update(dict(envfiles.read_assignments(files["output"])))

    def _set_step(self, step: dict, outcome: str, outputs: dict[str, str]) -> None:
        if step.get("id"):
            self.steps_context[step["id"]] = {"outputs": outputs, "outcome": outcome,
                                              "conclusion": "success" if step.get("continue-on-error") else outcome}

    def end_processes(self) -> None:
        for group in self.groups:
            try:
                os.killpg(group, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def add_path(self, directory: str) -> None:
        self.paths.append(directory)

    def snapshot(self, source: Path, name: str) -> None:
        target = self.dir / "snapshots" / name
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(source, target, symlinks=True)

    def write_json(self, name: str, value: Any) -> None:
        (self.dir / name).write_text(json.dumps(value, indent=1, sort_keys=True), encoding="utf-8")
