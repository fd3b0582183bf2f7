"""A generated Terraform root with its modules, read with python-hcl2 and evaluated far
enough to list every resource instance it creates and the attributes that name it.

Data sources answer what the account, partition and region are; `aws_iam_policy_document`
answers its policy (a dict), so that role policies can be evaluated; everything else that
only apply knows is UNKNOWN (hclexpr).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import hcl2

from .hclexpr import UNKNOWN, UNKNOWN_TEXT, Evaluator, as_text, index_into


# The resource types whose `id` is one of their arguments (the provider's import ID).
ID_ATTRIBUTES = {
    "aws_iam_role": "name", "aws_iam_user": "name", "aws_iam_instance_profile": "name", "aws_s3_bucket": "bucket",
    "aws_ssm_parameter": "name", "aws_cloudwatch_log_group": "name", "aws_ecr_repository": "name",
    "aws_eks_cluster": "name", "aws_db_subnet_group": "name", "aws_rds_cluster": "cluster_identifier",
    "aws_elasticache_replication_group": "replication_group_id", "aws_secretsmanager_secret": "arn",
    "aws_sns_topic": "arn", "aws_kms_alias": "name",
}


# Attributes AWS assigns whose shape it documents: an EKS cluster's OIDC issuer is
# https://oidc.eks.<region>.amazonaws.com/id/<ID>.
KNOWN_SHAPES: dict[tuple[str, str], Callable[[dict[str, str]], Any]] = {
    ("aws_eks_cluster", "identity"): lambda facts: [
        {"oidc": [{"issuer": f"https://oidc.eks.{facts['region']}.amazonaws.com/id/{UNKNOWN_TEXT}"}]}],
}


def unquote(key: str) -> str:
    return key[1:-1] if len(key) >= 2 and key[0] == key[-1] == '"' else key


@dataclass
class ModuleSource:
    """The blocks of one module directory, by kind."""
    directory: Path
    variables: dict[str, dict] = field(default_factory=dict)
    locals: dict[str, Any] = field(default_factory=dict)
    resources: dict[tuple[str, str], dict] = field(default_factory=dict)
    data: dict[tuple[str, str], dict] = field(default_factory=dict)
    modules: dict[str, dict] = field(default_factory=dict)
    outputs: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def load(cls, directory: Path) -> "ModuleSource":
        source = cls(directory)
        for path in sorted(directory.glob("*.tf")):
            with path.open(encoding="utf-8") as handle:
                document = hcl2.load(handle)
            for block in document.get("variable", []):
                source.variables.update({unquote(k): v for k, v in block.items() if not k.startswith("__")})
            for block in document.get("locals", []):
                source.locals.update({k: v for k, v in block.items() if not k.startswith("__")})
            for kind, target in (("resource", source.resources), ("data", source.data)):
                for block in document.get(kind, []):
                    for rtype, named in block.items():
                        for name, body in named.items():
                            target[(unquote(rtype), unquote(name))] = body
            for block in document.get("module", []):
                source.modules.update({unquote(k): v for k, v in block.items() if not k.startswith("__")})
            for block in document.get("output", []):
                source.outputs.update({unquote(k): v for k, v in block.items() if not k.startswith("__")})
        return source


@dataclass
class ResourceInstance:
    rtype: str
    address: str
    attributes: Callable[[str], Any]  # attribute name -> evaluated value
    block: dict
    module: "ModuleInstance"


class ModuleInstance:
    """A module called with evaluated inputs. `facts` holds account_id, partition, region."""

    def __init__(self, source: ModuleSource, inputs: dict[str, Any], facts: dict[str, str], address: str,
                 arn_of: Callable[[ResourceInstance], Any]):
        self.source, self.inputs, self.facts, self.address, self.arn_of = source, inputs, facts, address, arn_of
        self._locals: dict[str, Any] = {}
        self._children: dict[str, "ModuleInstance"] = {}
        self._instances: dict[tuple[str, str], list[ResourceInstance]] = {}

    def evaluator(self, each: dict[str, Any] | None = None) -> Evaluator:
        def resolve(root: str, traversal: list[Any]) -> Any:
            return self.resolve(root, traversal, each or {})
        return Evaluator(resolve, {"jsonencode": lambda value: value})

    def resolve(self, root: str, traversal: list[Any], each: dict[str, Any]) -> Any:
        if root == "var":
            return _walk(self.variable(traversal[0]), traversal[1:])
        if root == "local":
            return _walk(self.local(traversal[0]), traversal[1:])
        if root in ("each", "count"):
            return _walk(each.get(root, UNKNOWN), traversal)
        if root == "module":
            return _walk(self.child_output(traversal[0], traversal[1]) if len(traversal) > 1 else UNKNOWN, traversal[2:])
        if root == "data":
            return self.data_value(traversal[0], traversal[1], traversal[2:])
        if "_" in root and traversal:
            return self.resource_value(root, traversal[0], traversal[1:])
        return UNKNOWN

    def variable(self, name: str) -> Any:
        if name in self.inputs:
            return self.inputs[name]
        declared = self.source.variables.get(name, {})
        return Evaluator(lambda *_: UNKNOWN).value(declared["default"]) if "default" in declared else UNKNOWN

    def local(self, name: str) -> Any:
        if name not in self._locals:
            self._locals[name] = UNKNOWN  # a cycle reads UNKNOWN instead of recursing
            self._locals[name] = self.evaluator().value(self.source.locals.get(name, "${null}"))
        return self._locals[name]

    def data_value(self, dtype: str, name: str, traversal: list[Any]) -> Any:
        facts = {"aws_caller_identity": {"account_id": self.facts["account_id"]},
                 "aws_partition": {"partition": self.facts["partition"]},
                 "aws_region": {"name": self.facts["region"], "region": self.facts["region"]}}
        if dtype in facts:
            return _walk(facts[dtype], traversal)
        if dtype == "aws_iam_policy_document":
            return self.policy_document(name, traversal)
        return UNKNOWN

    def policy_document(self, name: str, traversal: list[Any]) -> Any:
        block = self.source.data.get(("aws_iam_policy_document", name))
        if block is None:
            return UNKNOWN
        each: dict[str, Any] = {}
        if "for_each" in block:
            keys = self.evaluator().value(block["for_each"])
            if isinstance(keys, list):
                keys = {as_text(key): key for key in keys}
            if not isinstance(keys, dict) or not traversal or as_text(traversal[0]) not in keys:
                return UNKNOWN
            each = {"each": {"key": as_text(traversal[0]), "value": keys[as_text(traversal[0])]}}
            traversal = traversal[1:]
        if traversal[:1] != ["json"]:
            return UNKNOWN
        return policy_from_block(block, self.evaluator(each))

    def child(self, name: str) -> "ModuleInstance":
        if name not in self._children:
            call = self.source.modules[name]
            evaluator = self.evaluator()
            directory = (self.source.directory / evaluator.value(call["source"])).resolve()
            raw = {key: value for key, value in call.items()
                   if key not in ("source", "providers", "depends_on", "count", "for_each") and not key.startswith("__")}
            self._children[name] = ModuleInstance(ModuleSource.load(directory), LazyInputs(raw, evaluator), self.facts,
                                                  f"{self.address}module.{name}.", self.arn_of)
        return self._children[name]

    def child_output(self, name: str, output: str) -> Any:
        if name not in self.source.modules or "for_each" in self.source.modules[name] or "count" in self.source.modules[name]:
            return UNKNOWN
        child = self.child(name)
        block = child.source.outputs.get(output)
        return child.evaluator().value(block["value"]) if block else UNKNOWN

    def resource_value(self, rtype: str, name: str, traversal: list[Any]) -> Any:
        if (rtype, name) not in self.source.resources:
            return UNKNOWN
        instances = {instance.address: instance for instance in self.instances_of(rtype, name)}
        block = self.source.resources[(rtype, name)]
        if "for_each" in block or "count" in block:
            if not traversal:
                # The whole resource, as `for group in aws_cloudwatch_log_group.this` reads it:
                # its instances by key, each with its arguments and its ARN.
                return {address.rsplit("[", 1)[1].rstrip("]").strip('"'): _Attributes(instance, self.arn_of)
                        for address, instance in instances.items()}
            key = as_text(traversal[0])
            suffix = f'["{key}"]' if "for_each" in block else f"[{key}]"
            instance, traversal = instances.get(f"{self.address}{rtype}.{name}{suffix}"), traversal[1:]
        else:
            instance = next(iter(instances.values()), None)
        if instance is None or not traversal:
            return UNKNOWN
        attribute = ID_ATTRIBUTES.get(rtype, "") if traversal[0] == "id" else traversal[0]
        if (rtype, attribute) in KNOWN_SHAPES:
            return _walk(KNOWN_SHAPES[(rtype, attribute)](self.facts), traversal[1:])
        value = self.arn_of(instance) if attribute == "arn" else instance.attributes(attribute) if attribute else UNKNOWN
        return _walk(value, traversal[1:])

    def instances_of(self, rtype: str, name: str) -> list[ResourceInstance]:
        key = (rtype, name)
        if key not in self._instances:
            self._instances[key] = []  # a for_each that depends on itself sees no instances
            self._instances[key] = self._expand(rtype, name)
        return self._instances[key]

    def _expand(self, rtype: str, name: str) -> list[ResourceInstance]:
        block = self.source.resources[(rtype, name)]
        base = f"{self.address}{rtype}.{name}"
        if "for_each" in block:
            keys = self.evaluator().value(block["for_each"])
            if isinstance(keys, list):
                keys = {as_text(key): key for key in keys}
            if not isinstance(keys, dict):
                return [self._instance(rtype, f'{base}["{"?"}"]', block, {"each": {"key": UNKNOWN, "value": UNKNOWN}})]
            return [self._instance(rtype, f'{base}["{key}"]', block, {"each": {"key": key, "value": value}})
                    for key, value in keys.items()]
        if "count" in block:
            count = self.evaluator().value(block["count"])
            if not isinstance(count, int):
                return [self._instance(rtype, f"{base}[?]", block, {"count": {"index": UNKNOWN}})]
            return [self._instance(rtype, f"{base}[{index}]", block, {"count": {"index": index}}) for index in range(count)]
        return [self._instance(rtype, base, block, {})]

    def _instance(self, rtype: str, address: str, block: dict, each: dict[str, Any]) -> ResourceInstance:
        evaluator = self.evaluator(each)
        cache: dict[str, Any] = {}

        def attribute(name: str) -> Any:
            if name not in cache:
                cache[name] = UNKNOWN  # an attribute that depends on itself reads UNKNOWN
                cache[name] = evaluator.value(block[name]) if name in block else UNKNOWN
            return cache[name]
        return ResourceInstance(rtype, address, attribute, block, self)

    def all_resources(self) -> list[ResourceInstance]:
        """Every resource instance of this module and the modules it calls."""
        found = [instance for (rtype, name) in sorted(self.source.resources) for instance in self.instances_of(rtype, name)]
        for name, call in sorted(self.source.modules.items()):
            if "count" in call or "for_each" in call:
                enabled = self.evaluator().value(call.get("count", call.get("for_each")))
                if enabled in (0, {}, []):
                    continue
            found += self.child(name).all_resources()
        return found


class _Attributes(dict):
    """A resource instance's attributes, read when asked for (`.arn` from the table)."""

    def __init__(self, instance: ResourceInstance, arn_of: Callable[[ResourceInstance], Any]):
        super().__init__()
        self.instance, self.arn_of = instance, arn_of

    def get(self, name: str, default: Any = None) -> Any:
        return self.arn_of(self.instance) if name == "arn" else self.instance.attributes(name)


class LazyInputs(dict):
    """A module call's arguments, each evaluated when the module first reads it: modules
    read each other's outputs, and evaluating every argument up front would go round in
    circles where Terraform follows only the references it needs."""

    def __init__(self, raw: dict[str, Any], evaluator: Evaluator):
        super().__init__()
        self.raw, self.evaluator = raw, evaluator

    def __contains__(self, name: object) -> bool:
        return name in self.raw

    def __getitem__(self, name: str) -> Any:
        if not dict.__contains__(self, name):
            dict.__setitem__(self, name, UNKNOWN)
            dict.__setitem__(self, name, self.evaluator.value(self.raw[name]))
        return dict.__getitem__(self, name)


def _walk(value: Any, traversal: list[Any]) -> Any:
    for step in traversal:
        value = index_into(value, step)
    return value


def policy_from_block(block: dict, evaluator: Evaluator) -> Any:
    """The policy an `aws_iam_policy_document` produces: source documents first, then its
    own statements (the provider's merge, statements with the same Sid overriding)."""
    statements: dict[str, dict] = {}
    unnamed: list[dict] = []
    for source in evaluator.value(block.get("source_policy_documents", [])) or []:
        if not isinstance(source, dict):
            return UNKNOWN
        for statement in source["Statement"]:
            (statements.__setitem__(statement["Sid"], statement) if statement.get("Sid") else unnamed.append(statement))
    for raw in block.get("statement", []):
        statement = statement_from_block(raw, evaluator)
        (statements.__setitem__(statement["Sid"], statement) if statement.get("Sid") else unnamed.append(statement))
    return {"Version": "2012-10-17", "Statement": list(statements.values()) + unnamed}


def statement_from_block(raw: dict, evaluator: Evaluator) -> dict:
    value = evaluator.value
    statement: dict[str, Any] = {"Effect": value(raw.get("effect", '"Allow"'))}
    if "sid" in raw:
        statement["Sid"] = value(raw["sid"])
    for key, name in (("actions", "Action"), ("not_actions", "NotAction"), ("resources", "Resource"),
                      ("not_resources", "NotResource")):
        if key in raw:
            statement[name] = _flatten(value(raw[key]))
    for principal in raw.get("principals", []):
        statement.setdefault("Principal", {}).setdefault(value(principal["type"]), []).extend(
            _flatten(value(principal["identifiers"])))
    for condition in raw.get("condition", []):
        test, variable = value(condition["test"]), value(condition["variable"])
        statement.setdefault("Condition", {}).setdefault(test, {})[variable] = _flatten(value(condition["values"]))
    return statement


def _flatten(items: Any) -> list[Any]:
    if not isinstance(items, list):
        return [items]
    return [leaf for item in items for leaf in _flatten(item)]


def load_root(directory: Path, facts: dict[str, str], arn_of: Callable[[ResourceInstance], Any]) -> ModuleInstance:
    """A root with the values of its terraform.tfvars."""
    inputs: dict[str, Any] = {}
    tfvars = directory / "terraform.tfvars"
    if tfvars.exists():
        with tfvars.open(encoding="utf-8") as handle:
            raw = hcl2.load(handle)
        inputs = {key: Evaluator(lambda *_: UNKNOWN).value(value) for key, value in raw.items() if not key.startswith("__")}
    return ModuleInstance(ModuleSource.load(directory), inputs, facts, "", arn_of)


def dump(value: Any) -> str:
    return json.dumps(value, default=lambda item: "UNKNOWN", sort_keys=True)
