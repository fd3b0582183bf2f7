"""The build and deploy workflows' AWS calls, as the stand-ins recorded them, evaluated
against the generated policy of the role each job assumed (iampolicy.py): every call must be
allowed. And the other way round: the deploy role may read no secret that no deploy reads.

Each recorded `aws` command line is mapped to the IAM actions it needs and the ARNs it acts
on (CALLS); a command line without a mapping is itself a problem, so that a new call in a
workflow cannot pass unchecked. `docker push` to ECR needs the layer-upload actions on the
image's repository.
"""
from __future__ import annotations

from typing import Any, Callable

from .iampolicy import Request, decide
from .sequence import values_after

Facts = dict[str, str]
Requests = list[Request]


def _after(argv: list[str], option: str) -> list[str]:
    return values_after(argv, option) if option in argv else []


def _one(argv: list[str], option: str) -> str:
    values = _after(argv, option)
    return values[0] if values else "*"


def secret_arn(name: str, facts: Facts) -> str:
    if name.startswith("arn:"):
        return name
    return f"arn:aws:secretsmanager:{facts['region']}:{facts['account_id']}:secret:{name}-a1B2c3"


def _secret_reads(names: list[str], facts: Facts, action: str = "secretsmanager:GetSecretValue") -> Requests:
    requests = []
    for name in names:
        context = {"kms:ViaService": f"secretsmanager.{facts['region']}.amazonaws.com",
                   "aws:ResourceTag/Project": facts["project"]}
        if "rds!cluster" in name:
            context["secretsmanager:ResourceTag/aws:rds:primaryDBClusterArn"] = facts["aurora_cluster_arn"]
        requests.append(Request(action, secret_arn(name, facts), context))
        kms = ["kms:Decrypt"] if action == "secretsmanager:GetSecretValue" else ["kms:GenerateDataKey", "kms:Encrypt"]
        requests += [Request(operation, f"arn:aws:kms:{facts['region']}:{facts['account_id']}:key/unknown0", context)
                     for operation in kms]
    return requests


def _parameters(names: list[str], facts: Facts, action: str) -> Requests:
    return [Request(action, f"arn:aws:ssm:{facts['region']}:{facts['account_id']}:parameter/{name.lstrip('/')}")
            for name in names]


def _start_session(argv: list[str], facts: Facts) -> Requests:
    document = _one(argv, "--document-name")
    return [Request("ssm:StartSession", f"arn:aws:ec2:{facts['region']}:{facts['account_id']}:instance/{_one(argv, '--target')}",
                    {"ssm:resourceTag/Project": facts["project"]}),
            Request("ssm:StartSession", f"arn:aws:ssm:{facts['region']}::document/{document}")]


def _cluster(argv: list[str], facts: Facts) -> Requests:
    return [Request("eks:DescribeCluster", f"arn:aws:eks:{facts['region']}:{facts['account_id']}:cluster/{_one(argv, '--name')}")]


def _repository(action: str) -> Callable[[list[str], Facts], Requests]:
    return lambda argv, facts: [Request(action, f"arn:aws:ecr:{facts['region']}:{facts['account_id']}:repository/"
                                                f"{_one(argv, '--repository-name')}")]


CALLS: dict[tuple[str, str], Callable[[list[str], Facts], Requests]] = {
    ("secretsmanager", "get-secret-value"): lambda argv, facts: _secret_reads([_one(argv, "--secret-id")], facts),
    ("secretsmanager", "batch-get-secret-value"): lambda argv, facts: (
        [Request("secretsmanager:BatchGetSecretValue", "*")] + _secret_reads(_after(argv, "--secret-id-list"), facts)),
    ("secretsmanager", "put-secret-value"): lambda argv, facts: _secret_reads(
        [_one(argv, "--secret-id")], facts, "secretsmanager:PutSecretValue"),
    ("ssm", "get-parameter"): lambda argv, facts: _parameters([_one(argv, "--name")], facts, "ssm:GetParameter"),
    ("ssm", "get-parameters"): lambda argv, facts: _parameters(_after(argv, "--names"), facts, "ssm:GetParameters"),
    ("ssm", "start-session"): _start_session,
    ("eks", "describe-cluster"): _cluster,
    ("eks", "update-kubeconfig"): _cluster,
    ("eks", "list-clusters"): lambda argv, facts: [Request("eks:ListClusters", "*")],
    ("ec2", "describe-instances"): lambda argv, facts: [Request("ec2:DescribeInstances", "*")],
    ("ecr", "describe-images"): _repository("ecr:DescribeImages"),
    ("ecr", "batch-get-image"): _repository("ecr:BatchGetImage"),
    ("ecr", "get-login-password"): lambda argv, facts: [Request("ecr:GetAuthorizationToken", "*")],
    ("sts", "get-caller-identity"): lambda argv, facts: [],  # needs no permission
    # kubectl's credential plugin: a presigned sts:GetCallerIdentity, which needs none.
    ("eks", "get-token"): lambda argv, facts: [],
}

# The AWS CLI's global options that take a value and may precede the service.
GLOBAL_OPTIONS = {"--region", "--output", "--profile", "--endpoint-url", "--query", "--cli-read-timeout"}

PUSH = ("ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart",
        "ecr:CompleteLayerUpload", "ecr:PutImage", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer")


def without_global_options(argv: list[str]) -> list[str]:
    argv = list(argv)
    while argv and argv[0] in GLOBAL_OPTIONS:
        argv = argv[2:]
    return argv


def label(call: dict[str, Any]) -> str:
    return " ".join([call["tool"]] + without_global_options(call["argv"])[:2])


def requests_of(call: dict[str, Any], facts: Facts) -> Requests | None:
    """The IAM requests of one recorded call; None for an `aws` command without a mapping."""
    if call["tool"] == "docker-build" and call.get("push"):
        repositories = {tag.split("/", 1)[1].split(":", 1)[0] for tag in call.get("tags", []) if "/" in tag}
        return [Request(action, f"arn:aws:ecr:{facts['region']}:{facts['account_id']}:repository/{name}")
                for name in sorted(repositories) for action in PUSH]
    if call["tool"] != "aws":
        return []
    argv = without_global_options(call["argv"])
    words = argv[:2]
    if len(words) < 2:
        return None
    mapping = CALLS.get((words[0], words[1]))
    return mapping(argv, facts) if mapping else None


def job_problems(calls: list[dict[str, Any]], policies: dict[str, list[dict]], role_purposes: dict[str, str],
                 facts: Facts) -> list[str]:
    """Problems with the AWS calls of one job, made under the role it assumed."""
    problems, purpose = [], None
    for call in calls:
        if call["tool"] == "assume-role":
            purpose = role_purposes.get(call.get("role", ""))
            if purpose is None:
                problems.append(f"the job assumed {call.get('role')}, which is not a CI role of the plan")
            continue
        requests = requests_of(call, facts)
        if requests is None:
            problems.append(f"no IAM mapping for `{label(call)}` (add it to workflowcalls.CALLS)")
            continue
        if requests and purpose is None:
            problems.append(f"`{label(call)}` ran before any CI role was assumed")
            continue
        for request in requests:
            decision = decide(policies.get(purpose or "", []), request)
            if not decision.allowed:
                problems.append(f"the {purpose} role may not {request.action} on {request.resource} "
                                f"(for `{label(call)}`): {decision.by}")
    return sorted(set(problems), key=problems.index)


def unread_secrets_problems(all_secrets: set[str], read: set[str], policies: dict[str, list[dict]], facts: Facts) -> list[str]:
    """The deploy role may read no secret that no deploy reads (SPEC §7)."""
    problems = []
    for name in sorted(all_secrets - read):
        if name.startswith("rds!"):
            continue  # the Aurora master secret: the deploy reads it by the ARN in its parameter
        request = _secret_reads([name], facts)[0]
        decision = decide(policies.get("deploy", []), request)
        if decision.allowed:
            problems.append(f"the deploy role may read {name}, which no deploy reads (allowed by {decision.by})")
    return problems
