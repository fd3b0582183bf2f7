"""The global apply job's guard, run as GitHub runs it: the step of the generated
terraform.yml, with a stand-in `terraform` that prints a saved plan as `terraform show -json`
does, must stop a plan that changes the CI roles or GitHub's OIDC provider and let others pass."""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
import unittest
from pathlib import Path

import yaml

WORKFLOW = Path(__file__).resolve().parents[3] / "examples" / "reference" / "expected" / ".github" / "workflows" / "terraform.yml"
STEP = "Stop when the plan changes the CI roles"


def guard_script() -> str:
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    return next(step["run"] for step in jobs["apply-global"]["steps"] if step.get("name") == STEP)


def run_guard(changes: list[tuple[str, list[str]]]) -> subprocess.CompletedProcess:
    plan = {"resource_changes": [{"address": address, "change": {"actions": actions}} for address, actions in changes]}
    with tempfile.TemporaryDirectory() as folder:
        bin_dir = Path(folder) / "bin"
        bin_dir.mkdir()
        (Path(folder) / "saved-plan.json").write_text(json.dumps(plan), encoding="utf-8")
        terraform = bin_dir / "terraform"
        terraform.write_text(f'#!/bin/sh\n[ "$1 $2 $3" = "show -json tfplan" ] || exit 9\ncat {folder}/saved-plan.json\n',
                             encoding="utf-8")
        terraform.chmod(0o755)
        environment = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "RUNNER_TEMP": folder}
        # GitHub's shell for `run:` on Linux: bash --noprofile --norc -eo pipefail {0}
        return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", guard_script()],
                              env=environment, capture_output=True, text=True, check=False)


class GlobalApplyGuardTests(unittest.TestCase):
    def test_a_plan_that_changes_a_ci_role_stops(self) -> None:
        result = run_guard([('aws_iam_role_policy.ci["deploy"]', ["update"]),
                            ('module.ecr.aws_ecr_repository.this["labs"]', ["create"])])
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn('::error::This plan changes the CI roles or GitHub\'s OIDC provider (aws_iam_role_policy.ci["deploy"])',
                      result.stdout)

    def test_replacing_the_github_provider_stops(self) -> None:
        result = run_guard([("aws_iam_openid_connect_provider.github[0]", ["delete", "create"])])
        self.assertEqual(result.returncode, 1)

    def test_other_changes_pass(self) -> None:
        result = run_guard([('aws_iam_role.ci["apply"]', ["no-op"]), ("aws_iam_role.eks_admin", ["create"]),
                            ('module.ecr.aws_ecr_repository.this["labs"]', ["create"])])
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)


if __name__ == "__main__":
    unittest.main()
