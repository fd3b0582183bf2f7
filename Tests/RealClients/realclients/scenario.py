"""Runs a generated repository's build and deploy workflows as GitHub would, in order:

1. every instance's build, on a push of commit A to the default branch;
2. every instance's deploy, on the completed build (workflow_run), all its environments;
3. the first instance's deploy again for commit A (a re-run): it must render identically
   and store nothing new;
4. the first instance's build of commit B: its registry cache must be the one the first
   build wrote.
Each job runs in its own folder with a fresh HOME, RUNNER_TEMP and workspace; the AWS
account (moto), the cluster objects and the fake API server are shared, as they would be.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import actions
from .record import read_calls
from .runner import JobResult, RunContext
from .workflow import Trigger, WorkflowRun

COMMIT_A = "a" * 40
COMMIT_B = "b" * 40
STANDINS = ("aws", "curl", "docker", "helm", "kubectl", "session-manager-plugin", "sudo")
SYSTEM_PATH = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"]


@dataclass
class JobRecord:
    workflow: str
    job_id: str
    run: str
    folder: Path
    result: JobResult
    calls: list[dict[str, Any]] = field(default_factory=list)
    deployment: tuple[str, str] | None = None  # (instance, environment)
    sha: str = COMMIT_A


class Scenario:
    def __init__(self, repository: Path, plan: dict, work: Path, settings: dict[str, Any]):
        self.repository, self.plan, self.work, self.settings = repository, plan, work, settings
        self.bin = work / "bin"
        self.state = work / "state"
        self.records: list[JobRecord] = []
        self.run_number = 0
        self.secret_values: list[str] = []

    def write_standins(self) -> None:
        self.bin.mkdir(parents=True, exist_ok=True)
        self.state.mkdir(parents=True, exist_ok=True)
        package = Path(__file__).resolve().parents[1]
        for tool in STANDINS:
            path = self.bin / tool
            path.write_text(f'#!/bin/sh\nPYTHONPATH="{package}" exec "{sys.executable}" -m realclients.standins {tool} "$@"\n')
            path.chmod(0o755)

    def base_env(self, job_dir: Path) -> dict[str, str]:
        return {
            "HOME": str(job_dir / "home"), "CI": "true", "GITHUB_ACTIONS": "true", "LANG": "C.UTF-8",
            "RUNNER_TEMP": str(job_dir / "temp"), "RUNNER_TOOL_CACHE": str(job_dir / "toolcache"),
            "RUNNER_OS": "Linux", "RUNNER_ARCH": "X64", "GITHUB_WORKSPACE": str(job_dir / "workspace"),
            "AWS_ENDPOINT_URL": self.settings["aws_endpoint"], "AWS_EC2_METADATA_DISABLED": "true",
            "PIP_NO_INDEX": "1", "PIP_FIND_LINKS": self.settings["wheelhouse"], "PIP_REQUIRE_VIRTUALENV": "1",
            "PIP_DISABLE_PIP_VERSION_CHECK": "1",
            "REALCLIENTS_RECORD": str(job_dir / "calls.jsonl"), "REALCLIENTS_STATE": str(self.state),
            "REALCLIENTS_JOB_DIR": str(job_dir), "REALCLIENTS_BIN": str(self.bin),
            "REALCLIENTS_REAL_AWS": self.settings["real_aws"], "REALCLIENTS_REAL_KUBECTL": self.settings["real_kubectl"],
            "REALCLIENTS_HOSTS": self.settings["hosts_file"], "REALCLIENTS_ACCOUNT": self.plan["aws"]["account_id"],
            "REALCLIENTS_KUBERNETES_VERSION": self.plan["blueprint"]["versions"]["kubernetes"],
            "REALCLIENTS_REPOSITORY": str(self.repository),
        }

    def substitutions(self) -> dict[str, str]:
        """Env values the stage replaces, each for a download it cannot make (README)."""
        from .standins.small import _plugin_deb
        import hashlib

        os.environ["REALCLIENTS_STATE"], os.environ["REALCLIENTS_BIN"] = str(self.state), str(self.bin)
        return {"SESSION_MANAGER_PLUGIN_SHA256": hashlib.sha256(_plugin_deb()).hexdigest()}

    def run_workflow(self, name: str, trigger: Trigger, label: str, instance: str | None = None) -> dict[str, JobResult]:
        self.run_number += 1
        folder = self.work / "runs" / f"{self.run_number:02d}-{label}"
        substitutions = self.substitutions()

        def make_context(job_id: str, job: dict, contexts: dict, job_dir: Path) -> RunContext:
            job_dir.mkdir(parents=True, exist_ok=True)
            self.reset_hosts("self-hosted" in json.dumps(job.get("runs-on")))
            env = dict(contexts["workflow_env"])
            return RunContext(
                github=contexts["github"], inputs=contexts["inputs"], needs=contexts["needs"], workflow_env=env,
                job_dir=job_dir, base_env=self.base_env(job_dir), base_path=[str(self.bin)] + SYSTEM_PATH,
                secrets=self.secret_values, uses=actions.run_action, after_step=self.after_step,
                timeout=self.settings["job_timeout"], substitutions=substitutions)

        run = WorkflowRun(self.repository / ".github/workflows" / name, trigger, self.plan["github"]["repository"],
                          1000 + self.run_number, folder, make_context)
        results = run.run()
        for job_id, result in results.items():
            if result.result == "skipped":
                continue
            job_dir = folder / job_id
            deployment = (instance, result.environment) if instance and result.environment else None
            dump(job_dir / "result.json", {"workflow": name, "run": label, "sha": trigger.sha,
                                           "deployment": deployment, "result": result.to_json()})
            self.records.append(JobRecord(name, job_id, label, job_dir, result, read_calls(job_dir / "calls.jsonl"),
                                          deployment, trigger.sha))
        return results

    @staticmethod
    def after_step(runner, step) -> None:
        env = runner.process_env({})
        root, plugins = env.get("TUTOR_ROOT"), env.get("TUTOR_PLUGINS_ROOT")
        if root and (Path(root) / "config.yml").exists() and (Path(root) / "env").exists():
            runner.snapshot(Path(root), "tutor-root")
            if plugins and Path(plugins).exists():
                runner.snapshot(Path(plugins), "tutor-plugins")

    def reset_hosts(self, self_hosted: bool) -> None:
        lines = ["127.0.0.1 localhost", "::1 localhost"]
        if self_hosted:  # a runner inside the VPC resolves the private EKS endpoints
            lines += [f"127.0.0.1 {host}" for host in self.settings["endpoints"].values()]
        Path(self.settings["hosts_file"]).write_text("\n".join(lines) + "\n", encoding="utf-8")

    def run_all(self) -> None:
        branch = self.plan["github"]["default_branch"]
        instances = [instance["name"] for instance in self.plan["instances"]]
        for instance in instances:
            self.run_workflow(f"build-{instance}.yml", Trigger.push(branch, COMMIT_A), f"build-{instance}")
        for instance in instances:
            self.run_workflow(f"deploy-{instance}.yml", Trigger.workflow_run(f"Build {instance}", branch, COMMIT_A),
                              f"deploy-{instance}", instance)
        first = instances[0]
        # A second deploy of the same commit, by hand, to the first environment in apply order.
        environment = next(name for name in self.plan["apply_order"]
                           if any(d["instance"] == first for e in self.plan["environments"] if e["name"] == name
                                  for d in e["deployments"]))
        self.run_workflow(f"deploy-{first}.yml", Trigger.dispatch(branch, COMMIT_A, {"image_tag": COMMIT_A, "environment": environment}),
                          f"redeploy-{first}", first)
        self.run_workflow(f"build-{first}.yml", Trigger.push(branch, COMMIT_B), f"rebuild-{first}")

    def load_records(self) -> None:
        """The records of an earlier run in this work folder (to re-check without re-running)."""
        for path in sorted((self.work / "runs").glob("*/*/result.json")):
            saved = json.loads(path.read_text(encoding="utf-8"))
            self.records.append(JobRecord(saved["workflow"], path.parent.name, saved["run"], path.parent,
                                          JobResult.from_json(saved["result"]), read_calls(path.parent / "calls.jsonl"),
                                          tuple(saved["deployment"]) if saved["deployment"] else None, saved["sha"]))

    def summary(self) -> list[dict[str, Any]]:
        return [{"run": r.run, "job": r.job_id, "result": r.result.result, "deployment": r.deployment}
                for r in self.records]


def copy_tree(source: Path, target: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)


def dump(path: Path, value: Any) -> None:
    path.write_text(json.dumps(value, indent=1, sort_keys=True, default=str), encoding="utf-8")
