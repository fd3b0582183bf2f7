"""The documented equivalents of the `uses:` steps the generated workflows take.

Each action is pinned to a commit SHA in the workflows; the equivalent does what the action's
README says it does, with this machine's tools:
  actions/checkout                  the generated repository, at the run's commit, in the workspace
  actions/setup-python              this machine's Python on PATH (must be the pinned minor version)
  azure/setup-helm                  the helm stand-in on PATH (the pinned version is recorded)
  aws-actions/configure-aws-credentials
                                    `aws sts assume-role-with-web-identity` with the job's OIDC
                                    subject (needs `id-token: write`), the credentials in GITHUB_ENV
  aws-actions/amazon-ecr-login      `aws ecr get-login-password | docker login --password-stdin`
Any other action fails the step: no equivalent, no pretending.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from .record import record


class ActionError(Exception):
    pass


def action_name(uses: str) -> tuple[str, str]:
    name, _, ref = uses.partition("@")
    if not re.fullmatch(r"[0-9a-f]{40}", ref):
        raise ActionError(f"{uses}: not pinned to a full commit SHA")
    return name, ref


def checkout(runner, step: dict, inputs: dict[str, str]) -> dict[str, str]:
    wanted = inputs.get("ref")
    commit = runner.context.github["sha"]
    if wanted and wanted not in (commit, runner.context.github["ref"]):
        raise ActionError(f"checkout of {wanted}: the run has only commit {commit}")
    workspace = runner.dir / "workspace"
    shutil.rmtree(workspace)
    shutil.copytree(runner.context.base_env["REALCLIENTS_REPOSITORY"], workspace, symlinks=True,
                    ignore=shutil.ignore_patterns(".stamp"))
    return {"ref": commit, "commit": commit}


def setup_python(runner, step: dict, inputs: dict[str, str]) -> dict[str, str]:
    version = inputs.get("python-version", "")
    here = f"{sys.version_info.major}.{sys.version_info.minor}"
    if version != here:
        raise ActionError(f"python-version {version!r}: this check runs Python {here}; the workflows and the "
                          "locked requirements must name the Python they are tested with")
    folder = runner.dir / "tools" / "python" / "bin"
    folder.mkdir(parents=True, exist_ok=True)
    base = Path(getattr(sys, "_base_executable", sys.executable))
    for name in ("python", "python3", f"python{here}"):
        link = folder / name
        if not link.exists():
            link.symlink_to(base)
    runner.add_path(str(folder))
    return {"python-version": version, "python-path": str(folder / "python")}


def setup_helm(runner, step: dict, inputs: dict[str, str]) -> dict[str, str]:
    version = inputs.get("version", "")
    if not re.fullmatch(r"v\d+\.\d+\.\d+", version):
        raise ActionError(f"setup-helm version {version!r} is not a pinned release (vX.Y.Z)")
    record("setup-helm", [], path=runner.context.base_env["REALCLIENTS_RECORD"], version=version)
    return {"helm-path": str(Path(runner.context.base_env["REALCLIENTS_BIN"]) / "helm")}


def oidc_subject(runner) -> str:
    github = runner.context.github
    repository = github["repository"]
    environment = runner.job.get("environment")
    if isinstance(environment, dict):
        environment = environment.get("name")
    if environment:
        name = runner.evaluator().interpolate(environment)
        return f"repo:{repository}:environment:{name}"
    if github["event_name"] == "pull_request":
        return f"repo:{repository}:pull_request"
    return f"repo:{repository}:ref:{github['ref']}"


def configure_aws_credentials(runner, step: dict, inputs: dict[str, str]) -> dict[str, str]:
    permissions = runner.job.get("permissions") or {}
    if not isinstance(permissions, dict) or permissions.get("id-token") != "write":
        raise ActionError("no OIDC token: the job lacks `permissions: id-token: write`")
    role = inputs.get("role-to-assume", "")
    region = inputs.get("aws-region", "")
    if not role or not region:
        raise ActionError("role-to-assume and aws-region are required")
    subject = oidc_subject(runner)
    environment = runner.process_env({})
    command = [environment["REALCLIENTS_REAL_AWS"], "sts", "assume-role-with-web-identity", "--role-arn", role,
               "--role-session-name", inputs.get("role-session-name", "GitHubActions"),
               "--web-identity-token", "stand-in-oidc-token-for-" + subject, "--output", "json"]
    if inputs.get("role-duration-seconds"):
        command += ["--duration-seconds", inputs["role-duration-seconds"]]
    result = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    record("assume-role", [], path=runner.context.base_env["REALCLIENTS_RECORD"], role=role, subject=subject,
           duration=inputs.get("role-duration-seconds"), rc=result.returncode)
    if result.returncode != 0:
        raise ActionError(f"could not assume {role}: {result.stderr.strip()}")
    credentials = json.loads(result.stdout)["Credentials"]
    for name, value in {"AWS_ACCESS_KEY_ID": credentials["AccessKeyId"],
                        "AWS_SECRET_ACCESS_KEY": credentials["SecretAccessKey"],
                        "AWS_SESSION_TOKEN": credentials["SessionToken"],
                        "AWS_REGION": region, "AWS_DEFAULT_REGION": region}.items():
        runner.env_additions[name] = value
    runner.masker.add(credentials["SecretAccessKey"])
    runner.masker.add(credentials["SessionToken"])
    return {"aws-account-id": role.split(":")[4]}


def ecr_login(runner, step: dict, inputs: dict[str, str]) -> dict[str, str]:
    environment = runner.process_env({})
    if "AWS_ACCESS_KEY_ID" not in environment:
        raise ActionError("no AWS credentials (configure-aws-credentials first)")
    account, region = environment.get("REALCLIENTS_ACCOUNT"), environment["AWS_REGION"]
    registry = f"{account}.dkr.ecr.{region}.amazonaws.com"
    password = subprocess.run(["aws", "ecr", "get-login-password", "--region", region], env=environment,
                              capture_output=True, text=True, check=False)
    if password.returncode != 0:
        raise ActionError(f"get-login-password: {password.stderr.strip()}")
    runner.masker.add(password.stdout.strip())
    login = subprocess.run(["docker", "login", "--username", "AWS", "--password-stdin", registry], env=environment,
                           input=password.stdout, capture_output=True, text=True, check=False)
    if login.returncode != 0:
        raise ActionError(f"docker login: {login.stderr.strip()}")
    return {"registry": registry}


EQUIVALENTS = {
    "actions/checkout": checkout,
    "actions/setup-python": setup_python,
    "azure/setup-helm": setup_helm,
    "aws-actions/configure-aws-credentials": configure_aws_credentials,
    "aws-actions/amazon-ecr-login": ecr_login,
}


def run_action(runner, step: dict[str, Any], inputs: dict[str, str]) -> dict[str, str]:
    name, _ = action_name(step["uses"])
    if name not in EQUIVALENTS:
        raise ActionError(f"no documented equivalent for {name}: teach actions.py or avoid the action")
    return EQUIVALENTS[name](runner, step, inputs)
