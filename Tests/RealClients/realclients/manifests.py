"""The Kubernetes manifests a deploy produced: rendered by kustomize, applied through kubectl.

Every applied object validates for the cluster's Kubernetes version with kubernetes-validate
(strict: unknown fields are errors); custom resources validate against the CRD schemas kept
in fixtures/crds/ (each with its version and source); a kind with neither is an error. On
top: Tutor's kustomization has no duplicate key (kustomize keeps the last `patches:` and
silently drops the others), each planned host has an Ingress of the planned class and no
other host has one, the TargetGroupBinding points at the seeded target group and the
controller's Service, and the environment has exactly one default StorageClass.
"""
from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import yaml

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DEFAULT_CLASS = "storageclass.kubernetes.io/is-default-class"


class UniqueKeyLoader(yaml.SafeLoader):
    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep)


def kubectl_version(kubectl: str) -> tuple[int, int]:
    output = subprocess.run([kubectl, "version", "--client", "-o", "json"], capture_output=True, text=True, check=True).stdout
    version = json.loads(output)["clientVersion"]
    return int(version["major"]), int("".join(c for c in version["minor"] if c.isdigit()))


def kustomize(env: Path, kubectl: str) -> tuple[list[dict[str, Any]], list[str]]:
    if kubectl_version(kubectl) < (1, 27):
        return [], [f"{kubectl} is older than 1.27: its kustomize cannot be trusted with Tutor's kustomization"]
    problems = []
    try:
        yaml.load((env / "kustomization.yml").read_text(encoding="utf-8"), Loader=UniqueKeyLoader)
    except yaml.YAMLError as error:
        problems.append(f"env/kustomization.yml: {error} (kustomize would silently drop all but the last)")
    result = subprocess.run([kubectl, "kustomize", str(env)], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        return [], problems + [f"kubectl kustomize: {result.stderr.strip()}"]
    return [doc for doc in yaml.safe_load_all(result.stdout) if doc], problems


def crd_schemas() -> dict[tuple[str, str], dict[str, Any]]:
    schemas = {}
    for path in sorted((FIXTURES / "crds").glob("*.yaml")):
        for crd in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if not crd or crd.get("kind") != "CustomResourceDefinition":
                continue
            group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
            for version in crd["spec"]["versions"]:
                if version.get("served"):
                    schemas[(f"{group}/{version['name']}", kind)] = version["schema"]["openAPIV3Schema"]
    return schemas


def validate(documents: list[dict[str, Any]], kubernetes: str) -> list[str]:
    import jsonschema
    import kubernetes_validate

    problems, custom = [], crd_schemas()
    version = kubernetes if kubernetes.count(".") == 2 else kubernetes + ".0"
    for doc in documents:
        name = f"{doc.get('kind')}/{(doc.get('metadata') or {}).get('name')}"
        key = (doc.get("apiVersion", ""), doc.get("kind", ""))
        if key in custom:
            body = {k: v for k, v in doc.items() if k not in ("apiVersion", "kind", "metadata")}
            for error in jsonschema.Draft7Validator(custom[key]).iter_errors(body):
                problems.append(f"{name}: {error.message} (CRD schema of {key[0]})")
            continue
        try:
            kubernetes_validate.validate(doc, version, strict=True)
        except kubernetes_validate.SchemaNotFoundError as error:
            problems.append(f"{name}: {error.message}; no CRD schema in fixtures/crds either")
        except kubernetes_validate.ValidationError as error:
            where = ".".join(str(part) for part in error.path)
            problems.append(f"{name}: {error.message} at {where or 'top level'} (Kubernetes {version}, strict)")
    return problems


def latest(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    objects = {}
    for doc in documents:
        metadata = doc.get("metadata") or {}
        objects[(doc.get("kind"), metadata.get("namespace"), metadata.get("name"))] = doc
    return list(objects.values())


def applied(job_dir: Path) -> list[dict[str, Any]]:
    documents = []
    for path in sorted((job_dir / "applied").glob("*.yaml")):
        documents += [doc for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")) if doc]
    return documents


def ingress_problems(objects: list[dict[str, Any]], hosts: list[str], ingress_class: str, namespace: str) -> list[str]:
    problems, served = [], {}
    for doc in objects:
        if doc.get("kind") != "Ingress" or (doc.get("metadata") or {}).get("namespace") != namespace:
            continue
        for rule in (doc.get("spec") or {}).get("rules") or []:
            served[rule.get("host")] = doc
    for host in hosts:
        if host not in served:
            problems.append(f"no Ingress serves {host}")
        elif served[host]["spec"].get("ingressClassName") != ingress_class:
            problems.append(f"the Ingress of {host} has class {served[host]['spec'].get('ingressClassName')!r}, planned {ingress_class!r}")
    for host in sorted(set(served) - set(hosts)):
        problems.append(f"an Ingress serves {host}, which the plan does not give this instance")
    return problems


def storage_class_problems(objects: list[dict[str, Any]], kms_key: str) -> list[str]:
    defaults = [doc for doc in objects if doc.get("kind") == "StorageClass"
                and ((doc.get("metadata") or {}).get("annotations") or {}).get(DEFAULT_CLASS) == "true"]
    if len(defaults) != 1:
        return [f"{len(defaults)} default StorageClasses, exactly one wanted (Meilisearch's volume would stay Pending)"]
    parameters = defaults[0].get("parameters") or {}
    problems = []
    if defaults[0].get("provisioner") != "ebs.csi.aws.com" or parameters.get("type") != "gp3":
        problems.append("the default StorageClass is not gp3 on the EBS CSI driver")
    if parameters.get("encrypted") != "true" or parameters.get("kmsKeyId") != kms_key:
        problems.append(f"the default StorageClass does not encrypt with the EBS key ({parameters.get('kmsKeyId')!r})")
    return problems


def target_group_problems(objects: list[dict[str, Any]], target_group: str, service: str) -> list[str]:
    bindings = [doc for doc in objects if doc.get("kind") == "TargetGroupBinding"]
    if len(bindings) != 1:
        return [f"{len(bindings)} TargetGroupBindings, one wanted"]
    spec = bindings[0].get("spec") or {}
    problems = []
    if spec.get("targetGroupARN") != target_group:
        problems.append(f"TargetGroupBinding targets {spec.get('targetGroupARN')!r}, seeded {target_group!r}")
    if (spec.get("serviceRef") or {}).get("name") != service:
        problems.append(f"TargetGroupBinding serves {(spec.get('serviceRef') or {}).get('name')!r}, the controller's Service is {service!r}")
    if spec.get("targetType") != "ip":
        problems.append("TargetGroupBinding targetType is not ip")
    return problems
