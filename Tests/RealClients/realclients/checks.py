"""What each job of the scenario must have done, checked against the plan and the world."""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from . import initscripts, manifests, sequence
from .connections import Expectation
from .scenario import JobRecord, Scenario
from .settingschecks import all_problems
from .settingsprobe import probe

TRAEFIK_CLASS = "traefik"


def find(plan: dict, instance: str, environment: str) -> tuple[dict, dict]:
    env = next(e for e in plan["environments"] if e["name"] == environment)
    return env, next(d for d in env["deployments"] if d["instance"] == instance)


def planned_hosts(deployment: dict) -> list[str]:
    hosts = deployment["hosts"]
    return [hosts[key] for key in ("lms", "studio", "preview", "apps", "search") if hosts.get(key)]


def tutor_values(plan: dict, environment: dict, deployment: dict, expect: Expectation, registry: str, sha: str) -> dict[str, Any]:
    hosts, isolation = deployment["hosts"], deployment["isolation"]
    values = {
        "LMS_HOST": hosts["lms"], "CMS_HOST": hosts["studio"], "MFE_HOST": hosts["apps"],
        "K8S_NAMESPACE": isolation["namespace"], "PLATFORM_NAME": plan["project"]["platform_name"],
        "MYSQL_HOST": expect.parameter("aurora_writer_endpoint"), "MYSQL_PORT": 3306,
        "OPENEDX_MYSQL_DATABASE": isolation["mysql_database"], "OPENEDX_MYSQL_USERNAME": isolation["mysql_user"],
        "REDIS_HOST": expect.parameter("redis_primary_endpoint"), "MONGODB_DATABASE": isolation["mongodb_database"],
        "DOCKER_IMAGE_OPENEDX": f"{registry}/{deployment['image_repository']}:{sha}",
        "MEILISEARCH_PUBLIC_URL": f"https://{hosts['search']}",
    }
    if hosts.get("preview"):
        values["PREVIEW_LMS_HOST"] = hosts["preview"]
    return values


class JobChecks:
    def __init__(self, scenario: Scenario, seeded, tutor_pythons: dict[str, str], kubectl: str):
        self.scenario, self.plan, self.seeded = scenario, scenario.plan, seeded
        self.tutor_pythons, self.kubectl = tutor_pythons, kubectl
        self.registry = f"{self.plan['aws']['account_id']}.dkr.ecr.{self.plan['aws']['region']}.amazonaws.com"

    def deploy(self, record: JobRecord, first_run: bool) -> list[str]:
        instance, environment_name = record.deployment
        environment, deployment = find(self.plan, instance, environment_name)
        expect = Expectation(self.plan, environment, deployment, self.seeded)
        problems = list(record.result.unmasked)
        if record.result.result != "success":
            return problems + [record.result.failure_summary()]
        problems += sequence.subsequence_problems(record.calls, sequence.deploy_expectations(
            self.plan, environment, deployment, self.seeded, first_run))
        problems += sequence.read_problems(record.calls, self.plan, environment, deployment, self.seeded)
        problems += sequence.background_problems(record.calls, self.plan, environment, self.seeded)
        root = record.folder / "snapshots" / "tutor-root"
        if not root.exists():
            return problems + ["no Tutor root was rendered"]
        problems += self.tutor(root, deployment, expect, record)
        problems += self.settings(root, expect, deployment["release"])
        problems += self.kubernetes(root, record, environment, deployment)
        problems += self.init_jobs(record, environment, deployment, expect)
        return problems

    def tutor(self, root: Path, deployment: dict, expect: Expectation, record: JobRecord) -> list[str]:
        wanted = tutor_values(self.plan, expect.environment, deployment, expect, self.registry, record.sha)
        python = self.tutor_pythons[deployment["release"]]
        environment = {**os.environ, "TUTOR_PLUGINS_ROOT": str(root.parent / "tutor-plugins")}
        result = subprocess.run([python, str(Path(__file__).with_name("tutorprobe.py")), str(root), *wanted],
                                capture_output=True, text=True, check=False, env=environment)
        if result.returncode != 0:
            return [f"Tutor could not load the rendered root: {result.stderr.strip()[-600:]}"]
        found = json.loads(result.stdout)
        problems = [f"plugin {name} is listed in PLUGINS but not installed" for name in found["missing_plugins"]]
        problems += [f"config key {key} is unknown to Tutor {found['tutor_version']} and its plugins" for key in found["unknown_keys"]]
        problems += [f"Tutor's {key} is {found['values'].get(key)!r}, planned {value!r}"
                     for key, value in wanted.items() if found["values"].get(key) != value]
        problems += self.state(deployment, found, root)
        return problems

    def state(self, deployment: dict, found: dict, root: Path) -> list[str]:
        import boto3

        client = boto3.client("secretsmanager", endpoint_url=self.scenario.settings["aws_endpoint"],
                              region_name=self.plan["aws"]["region"], aws_access_key_id="check", aws_secret_access_key="check")
        name = deployment["isolation"]["secrets"]["tutor"]
        try:
            stored = json.loads(client.get_secret_value(SecretId=name)["SecretString"])
        except Exception as error:  # noqa: BLE001 - an empty secret is the finding
            return [f"{name}: nothing stored after the first deploy ({error.__class__.__name__})"]
        generated = set(found["generated_keys"]) - {"PLUGINS", "PLUGIN_INDEXES"}
        extra = sorted(set(stored) - generated)
        return [f"{name} keeps {extra} as if Tutor had generated them (plugin overrides or resolved values)"] if extra else []

    def settings(self, root: Path, expect: Expectation, release: str) -> list[str]:
        problems = []
        with tempfile.TemporaryDirectory() as temporary:
            saved = os.environ.get("TMPDIR")
            os.environ["TMPDIR"] = temporary
            tempfile.tempdir = None
            try:
                for service in ("lms", "cms"):
                    try:
                        settings = probe(root / "env", service, release)
                    except Exception as error:  # noqa: BLE001 - a settings file that does not run
                        problems.append(f"{service} settings do not run: {error.__class__.__name__}: {error}")
                        continue
                    problems += all_problems(settings, expect, service)
            finally:
                os.environ.pop("TMPDIR") if saved is None else os.environ.__setitem__("TMPDIR", saved)
                tempfile.tempdir = None
        return problems

    def kubernetes(self, root: Path, record: JobRecord, environment: dict, deployment: dict) -> list[str]:
        rendered, problems = manifests.kustomize(root / "env", self.kubectl)
        objects = manifests.latest(manifests.applied(record.folder))
        kubernetes = self.plan["blueprint"]["versions"]["kubernetes"]
        problems += manifests.validate(manifests.latest(rendered + objects), kubernetes)
        hosts = planned_hosts(deployment)
        problems += manifests.ingress_problems(objects, hosts, TRAEFIK_CLASS, deployment["isolation"]["namespace"])
        harmony = [call for call in record.calls if call["tool"] == "helm-release" and call["chart"] == "harmony-chart"]
        service = f"{harmony[-1]['release']}-traefik" if harmony else "(no harmony release)"
        problems += manifests.target_group_problems(
            objects, self.seeded.parameters[environment["parameters"]["alb_target_group_arn"]], service)
        return problems

    def init_jobs(self, record: JobRecord, environment: dict, deployment: dict, expect: Expectation) -> list[str]:
        jobs = initscripts.init_jobs(manifests.applied(record.folder))
        problems, targets = initscripts.wait_problems(jobs)
        mysql = [script for name, script in jobs if name.startswith("mysql-job")]
        if not mysql:
            return problems + ["no MySQL init job was applied"]
        try:
            calls = initscripts.run_mysql_job(mysql[0], record.folder)
        except RuntimeError as error:
            return problems + [str(error)]
        master = json.loads(next(value for name, value in self.seeded.secrets.items() if name.startswith("rds!cluster-")
                                 and name.endswith(environment["name_prefix"])))
        return problems + initscripts.mysql_problems(
            calls, master, expect.parameter("aurora_writer_endpoint"), deployment["isolation"],
            expect.secret(deployment["isolation"]["secrets"]["mysql"])["password"])

    def build(self, record: JobRecord) -> list[str]:
        instance = next(i for i in self.plan["instances"] if record.workflow == f"build-{i['name']}.yml")
        problems = list(record.result.unmasked)
        if record.result.result != "success":
            return problems + [record.result.failure_summary()]
        return problems + sequence.subsequence_problems(
            record.calls, sequence.build_expectations(self.plan, instance, self.registry, record.sha))


def default_storage_classes(records: list[JobRecord], environment: str) -> list[dict]:
    objects = []
    for record in records:
        if record.deployment and record.deployment[1] == environment:
            objects += manifests.applied(record.folder)
    return manifests.latest(objects)
