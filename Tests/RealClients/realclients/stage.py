"""The real-clients stage for one generated repository, inside its sandbox.

Sets up the world (moto seeded from the plan, the fake EKS API server with the clusters'
certificate, the stand-ins), runs the scenario (scenario.py), checks every job
(checks.py) and what only the whole run shows: one default StorageClass per environment,
a re-run that renders identically and stores nothing, a build cache that the next build
finds. Prints one line per problem and returns their number.
"""
from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

from . import kubeapi, manifests, permissions, sequence, workflowcalls
from .checks import JobChecks, default_storage_classes
from .scenario import Scenario, dump
from .world import AWSWorld, endpoint_host


def different_files(left: Path, right: Path) -> list[str]:
    """Files that differ between two rendered Tutor environments. Job names are compared
    without their timestamps: Tutor 19 and 20 write the job they run into k8s/jobs.yml."""
    differing = []
    names = {path.relative_to(left) for path in left.rglob("*") if path.is_file()}
    names |= {path.relative_to(right) for path in right.rglob("*") if path.is_file()}
    for name in sorted(names):
        a, b = left / name, right / name
        if not a.exists() or not b.exists():
            differing.append(str(name))
        elif a.read_bytes() != b.read_bytes():
            strip = lambda path: re.sub(rb"-job-\d{14}", b"-job-TIMESTAMP", path.read_bytes())  # noqa: E731
            if strip(a) != strip(b):
                differing.append(str(name))
    return differing


def normalised_applied(folder: Path) -> str:
    """The objects a deploy applied, job names without their timestamps, without the namespace
    (Tutor creates it only when it is missing)."""
    objects = [doc for doc in manifests.applied(folder) if doc.get("kind") != "Namespace"]
    return re.sub(r"-job-\d{14}", "-job-TIMESTAMP", json.dumps(objects, sort_keys=True))


class Stage:
    def __init__(self, repository: Path, plan: dict, work: Path, tools: dict[str, Any]):
        self.repository, self.plan, self.work, self.tools = repository, plan, work, tools
        self.problems: list[str] = []

    def problem(self, where: str, text: str) -> None:
        self.problems.append(f"{where}: {text}")

    def run(self) -> list[str]:
        hosts = {e["name"]: endpoint_host(e["names"]["eks_cluster"], self.plan["aws"]["region"]) for e in self.plan["environments"]}
        ca_pem, certificate, key = kubeapi.make_certificates(sorted(hosts.values()), self.work / "tls")
        world = AWSWorld(self.plan, self.repository)
        endpoint = world.start()
        seeded = world.seed(ca_pem)
        scenario = Scenario(self.repository, self.plan, self.work, {
            "aws_endpoint": endpoint, "wheelhouse": self.tools["wheelhouse"], "real_aws": self.tools["aws"],
            "real_kubectl": self.tools["kubectl"], "hosts_file": self.tools["hosts_file"], "endpoints": hosts,
            "job_timeout": self.tools["job_timeout"],
        })
        scenario.secret_values = sorted({value for value in seeded.secrets.values() if len(value) >= 8}
                                        | {json.loads(value).get("password", "") for value in seeded.secrets.values()
                                           if value.startswith("{")} - {""})
        scenario.write_standins()
        api = kubeapi.FakeAPIServer(scenario.state / "objects", self.work / "kubeapi.jsonl", certificate, key,
                                    self.plan["blueprint"]["versions"]["kubernetes"])
        api.start([443, 8443])
        started = time.monotonic()
        try:
            if self.tools.get("recheck"):
                scenario.load_records()
            else:
                scenario.run_all()
            ran = time.monotonic()
            dump(self.work / "jobs.json", scenario.summary())
            self.check(scenario, seeded)  # reads the world (the stored Tutor state)
        finally:
            api.stop()
            world.stop()
        print(f"  real clients: {len(scenario.records)} jobs in {ran - started:.0f} s, checked in "
              f"{time.monotonic() - ran:.0f} s", flush=True)
        return self.problems

    def check(self, scenario: Scenario, seeded) -> None:
        checks = JobChecks(scenario, seeded, self.tools["tutor_pythons"], self.tools["kubectl"])
        first_deploys: dict[tuple[str, str], Any] = {}
        for record in scenario.records:
            where = f"{record.run}/{record.job_id}"
            try:
                if record.deployment:
                    first = record.deployment not in first_deploys
                    problems = checks.deploy(record, first_run=first)
                    if first:
                        first_deploys[record.deployment] = record
                    else:
                        problems += self.rerun(first_deploys[record.deployment], record)
                elif record.workflow.startswith("build-"):
                    problems = checks.build(record)
                else:
                    problems = [] if record.result.result == "success" else [record.result.failure_summary()]
            except Exception as error:  # noqa: BLE001 - a checker bug must not hide the other jobs' problems
                import traceback

                problems = [f"the check itself failed: {error.__class__.__name__}: {error}\n{traceback.format_exc(limit=3)}"]
            for text in problems:
                self.problem(where, text)
        for environment in self.plan["environments"]:
            kms = seeded.parameters.get(environment["parameters"].get("ebs_kms_key_arn", ""), "(no EBS key parameter)")
            for text in manifests.storage_class_problems(default_storage_classes(scenario.records, environment["name"]), kms):
                self.problem(f"environment {environment['name']}", text)
        self.check_cache(scenario)
        self.check_permissions(scenario, seeded)
        missing = {(d["instance"], e["name"]) for e in self.plan["environments"] for d in e["deployments"]} - set(first_deploys)
        for instance, environment in sorted(missing):
            self.problem(f"deploy-{instance}", f"no job deployed {instance} to {environment}")

    def check_permissions(self, scenario: Scenario, seeded) -> None:
        """Every AWS call of every job is allowed to the role it assumed; the deploy role
        reads no secret that no deploy reads."""
        aws = self.plan["aws"]
        roots = permissions.Facts(self.plan["project"]["name"], aws["account_id"], aws["region"])
        policies, _, _, problems = permissions.role_policies(permissions.Root(self.repository / "terraform" / "global", roots))
        for text in problems:
            self.problem("CI roles", text)
        purposes = {role["arn"]: role["purpose"] for role in self.plan["ci_roles"]}
        read: set[str] = set()
        for record in scenario.records:
            environment = record.deployment[1] if record.deployment else self.plan["environments"][0]["name"]
            names = next(e["names"] for e in self.plan["environments"] if e["name"] == environment)
            facts = {"region": aws["region"], "account_id": aws["account_id"], "project": self.plan["project"]["name"],
                     "aurora_cluster_arn": f"arn:aws:rds:{aws['region']}:{aws['account_id']}:cluster:{names['aurora_cluster']}"}
            calls = [call for call in record.calls if "tool" in call]
            for text in workflowcalls.job_problems(calls, policies, purposes, facts):
                self.problem(f"{record.run}/{record.job_id}", text)
            if record.deployment:
                read |= sequence.reads(calls)[0]
        facts = {"region": aws["region"], "account_id": aws["account_id"], "project": self.plan["project"]["name"]}
        for text in workflowcalls.unread_secrets_problems(set(seeded.secrets), read, policies, facts):
            self.problem("deploy role", text)

    def rerun(self, first, second) -> list[str]:
        problems = []
        left, right = first.folder / "snapshots/tutor-root/env", second.folder / "snapshots/tutor-root/env"
        if left.exists() and right.exists():
            changed = different_files(left, right)
            if changed:
                problems.append(f"a second deploy renders differently: {changed[:5]}")
        if normalised_applied(first.folder) != normalised_applied(second.folder):
            problems.append("a second deploy applies different manifests")
        if any(call["tool"] == "aws" and "put-secret-value" in call["argv"] for call in second.calls):
            problems.append("a second deploy stores Tutor's values again (they should all have been kept)")
        return problems

    def check_cache(self, scenario: Scenario) -> None:
        builds = [record for record in scenario.records if record.workflow.startswith("build-")]
        by_instance: dict[str, list] = {}
        for record in builds:
            by_instance.setdefault(record.workflow, []).append(record)
        for workflow, records in by_instance.items():
            if len(records) < 2 or any(r.result.result != "success" for r in records):
                continue
            cache = [call for call in records[-1].calls if call["tool"] == "docker-cache-from"]
            if not cache or not cache[-1]["hits"] or not all(cache[-1]["hits"]):
                refs = cache[-1]["refs"] if cache else []
                self.problem(f"{records[-1].run}/build", f"the next build finds no registry cache (--cache-from {refs}): every build is cold")
