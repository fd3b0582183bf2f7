"""The job runner: steps, env files, conditions, masks and background processes, as on GitHub."""
import os
import tempfile
import textwrap
import time
import unittest
from pathlib import Path

import yaml

from realclients.runner import JobRunner, RunContext
from realclients.workflow import Trigger, WorkflowRun


def context(folder: Path, uses=None, secrets=()):
    return RunContext(
        github={"event_name": "push", "sha": "a" * 40, "ref": "refs/heads/main", "ref_name": "main",
                "repository": "acme/infra", "repository_owner": "acme", "run_id": "1", "run_attempt": "1",
                "workflow": "w", "actor": "x", "server_url": "", "api_url": ""},
        inputs={}, needs={}, workflow_env={"LEVEL": "workflow"}, job_dir=folder,
        base_env={"HOME": str(folder), "LANG": "C.UTF-8"}, base_path=["/usr/bin", "/bin"],
        secrets=list(secrets), uses=uses or (lambda runner, step, inputs: {"echo": inputs.get("value", "")}),
        timeout=60)


def job(text: str) -> dict:
    return yaml.safe_load(textwrap.dedent(text))


class RunnerTests(unittest.TestCase):
    def test_env_files_outputs_and_conditions(self):
        definition = job("""
            env:
              LEVEL: job
            outputs:
              answer: ${{ steps.first.outputs.answer }}
            steps:
              - id: first
                run: |
                  echo "answer=42" >> "$GITHUB_OUTPUT"
                  echo "FROM_ENV_FILE=yes" >> "$GITHUB_ENV"
                  mkdir -p "$HOME/extra" && printf '#!/bin/sh\\necho on-path\\n' > "$HOME/extra/tool" && chmod +x "$HOME/extra/tool"
                  echo "$HOME/extra" >> "$GITHUB_PATH"
              - name: sees what the first step left
                run: test "$FROM_ENV_FILE" = yes && test "$(tool)" = on-path && test "$LEVEL" = job
              - name: skipped
                if: steps.first.outputs.answer == '7'
                run: exit 1
              - uses: some/action@0123456789012345678901234567890123456789
                id: action
                with:
                  value: ${{ steps.first.outputs.answer }}
              - run: test "${{ steps.action.outputs.echo }}" = 42
            """)
        with tempfile.TemporaryDirectory() as folder:
            result = JobRunner("j", definition, context(Path(folder))).run()
        self.assertEqual(result.result, "success", result.failure_summary())
        self.assertEqual([step.outcome for step in result.steps], ["success", "success", "skipped", "success", "success"])
        self.assertEqual(result.outputs, {"answer": "42"})

    def test_a_failure_skips_later_steps_but_not_always_ones(self):
        definition = job("""
            steps:
              - run: exit 3
              - run: echo never
              - if: always()
                run: echo cleanup
            """)
        with tempfile.TemporaryDirectory() as folder:
            result = JobRunner("j", definition, context(Path(folder))).run()
        self.assertEqual(result.result, "failure")
        self.assertEqual([(s.outcome, s.exit_code) for s in result.steps], [("failure", 3), ("skipped", None), ("success", 0)])

    def test_background_processes_end_with_the_job(self):
        definition = job("""
            steps:
              - run: |
                  (while true; do sleep 1; done) &
                  echo $! > "$HOME/pid"
            """)
        with tempfile.TemporaryDirectory() as folder:
            JobRunner("j", definition, context(Path(folder))).run()
            pid = int(Path(folder, "pid").read_text())
            time.sleep(0.2)
            status = Path(f"/proc/{pid}/status")
            state = status.read_text() if status.exists() else "State: gone"
            self.assertRegex(state, r"State:\s*(gone|Z)", "killed (at most a zombie nobody has reaped)")

    def test_secrets_must_be_masked_before_they_are_printed(self):
        definition = job("""
            steps:
              - run: |
                  echo "::add-mask::hunter22"
                  echo "the password is hunter22"
                  echo "the other is s3cr3t-value"
            """)
        with tempfile.TemporaryDirectory() as folder:
            result = JobRunner("j", definition, context(Path(folder), secrets=["hunter22", "s3cr3t-value"])).run()
        self.assertIn("the password is ***", result.log)
        self.assertEqual(len(result.unmasked), 1)
        self.assertIn("s3c", result.unmasked[0])

    def test_jobs_run_in_needs_order_and_skip_after_a_failed_need(self):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "w.yml"
            path.write_text(textwrap.dedent("""
                on: {push: {branches: [main]}}
                jobs:
                  second:
                    needs: first
                    runs-on: ubuntu-24.04
                    steps: [{run: "true"}]
                  first:
                    runs-on: ubuntu-24.04
                    steps: [{run: "false"}]
                  third:
                    needs: second
                    if: always()
                    runs-on: ubuntu-24.04
                    steps: [{run: "true"}]
                """))

            def make_context(job_id, job, contexts, job_dir):
                value = context(job_dir)
                value.github, value.needs = contexts["github"], contexts["needs"]
                return value

            results = WorkflowRun(path, Trigger.push("main", "a" * 40), "acme/infra", 1, Path(folder) / "run",
                                  make_context).run()
        self.assertEqual({name: r.result for name, r in results.items()},
                         {"first": "failure", "second": "skipped", "third": "success"})


if __name__ == "__main__":
    unittest.main()
