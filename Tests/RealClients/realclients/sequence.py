"""The calls a job must make, in order, computed from the plan (never from the output).

A job's recorded calls must contain the expected ones as an ordered subsequence; the AWS
reads must name exactly the secrets and parameters the plan gives the deployment.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

Call = dict[str, Any]


@dataclass
class Expected:
    label: str
    matches: Callable[[Call], bool]


def aws(*words: str, **options: str) -> Callable[[Call], bool]:
    def match(call: Call) -> bool:
        argv = call["argv"]
        if call["tool"] != "aws" or [w for w in argv if not w.startswith("-")][:len(words)] != list(words):
            return False
        return all(option in argv and argv[argv.index(option) + 1] == value
                   for option, value in ((f"--{key.replace('_', '-')}", value) for key, value in options.items()))
    return match


def tool(name: str, predicate: Callable[[Call], bool] = lambda call: True) -> Callable[[Call], bool]:
    return lambda call: call["tool"] == name and predicate(call)


def subsequence_problems(calls: list[Call], expected: list[Expected]) -> list[str]:
    position = 0
    for item in expected:
        while position < len(calls) and not item.matches(calls[position]):
            position += 1
        if position == len(calls):
            return [f"expected call missing or out of order: {item.label}"]
        position += 1
    return []


def role(plan: dict, purpose: str) -> dict:
    return next(role for role in plan["ci_roles"] if role["purpose"] == purpose)


def assume(plan: dict, purpose: str, subject: str) -> Expected:
    arn = role(plan, purpose)["arn"]
    return Expected(f"assume {arn} as {subject}",
                    tool("assume-role", lambda call: call["role"] == arn and call["subject"] == subject and call["rc"] == 0))


def deploy_expectations(plan: dict, environment: dict, deployment: dict, seeded, first_run: bool) -> list[Expected]:
    versions, name = plan["blueprint"]["versions"], environment["name"]
    cluster = environment["names"]["eks_cluster"]
    expected = [assume(plan, "deploy", f"repo:{plan['github']['repository']}:environment:{name}")]
    if plan["services"]["bastion"]:
        endpoint = seeded.endpoints[name]
        expected += [
            Expected(f"aws eks describe-cluster {cluster}", aws("eks", "describe-cluster", name=cluster)),
            Expected("aws ec2 describe-instances (the bastion)", aws("ec2", "describe-instances")),
            Expected(f"map {endpoint} to 127.0.0.1", tool("sudo", lambda call: f"127.0.0.1 {endpoint}" in (call.get("stdin") or ""))),
            Expected(f"aws eks update-kubeconfig {cluster}", aws("eks", "update-kubeconfig", name=cluster)),
        ]
    else:
        expected.append(Expected(f"aws eks update-kubeconfig {cluster}", aws("eks", "update-kubeconfig", name=cluster)))
    expected += [
        Expected(f"helm aws-load-balancer-controller {versions['aws_load_balancer_controller_chart']}",
                 tool("helm-release", lambda call: call["chart"] == "aws-load-balancer-controller"
                      and call["version"] == versions["aws_load_balancer_controller_chart"]
                      and call["values"].get("clusterName") == cluster and not call["problems"])),
        Expected(f"helm harmony-chart {versions['harmony_chart']}",
                 tool("helm-release", lambda call: call["chart"] == "harmony-chart"
                      and call["version"] == versions["harmony_chart"] and not call["problems"])),
        Expected("kubectl apply of the TargetGroupBinding",
                 tool("kubectl-applied", lambda call: any(o.startswith("targetgroupbinding/") for o in call["objects"]))),
    ]
    namespace = deployment["isolation"]["namespace"]
    if first_run:
        expected.append(Expected(f"store Tutor's generated values in {deployment['isolation']['secrets']['tutor']}",
                                 aws("secretsmanager", "put-secret-value", secret_id=deployment["isolation"]["secrets"]["tutor"])))
        expected.append(Expected(f"kubectl apply of namespace {namespace}",
                                 tool("kubectl-applied", lambda call: f"namespace/{namespace}" in call["objects"])))
    expected += [
        Expected("kubectl apply of the Tutor deployments",
                 tool("kubectl-applied", lambda call: any(o.startswith("deployment/lms") for o in call["objects"]))),
        Expected("the MySQL init job", tool("kubectl-applied", lambda call: any(o.startswith("job/mysql-job") for o in call["objects"]))),
        Expected("the LMS init job", tool("kubectl-applied", lambda call: any(o.startswith("job/lms-job") for o in call["objects"]))),
        Expected("the CMS init job", tool("kubectl-applied", lambda call: any(o.startswith("job/cms-job") for o in call["objects"]))),
    ]
    return expected


def background_problems(calls: list[Call], plan: dict, environment: dict, seeded) -> list[str]:
    """Calls a step starts in the background, whose place in the order is the scheduler's."""
    if not plan["services"]["bastion"]:
        return []
    target = seeded.bastions[environment["name"]]
    if not any(aws("ssm", "start-session", target=target)(call) for call in calls):
        return [f"no SSM port-forwarding session to the bastion {target}"]
    return []


def planned_reads(plan: dict, environment: dict, deployment: dict) -> tuple[set[str], set[str]]:
    """The secret names and parameter names the deploy of `deployment` must read."""
    services, secrets, parameters = plan["services"], environment["secrets"], environment["parameters"]
    isolation = deployment["isolation"]
    secret_names = {isolation["secrets"]["tutor"], isolation["secrets"]["mysql"], secrets["redis_auth"]}
    parameter_names = {parameters["aurora_writer_endpoint"], parameters["redis_primary_endpoint"],
                       parameters["aurora_master_secret_arn"], isolation["workload_role_parameter"],
                       parameters["alb_target_group_arn"], parameters["load_balancer_controller_role_arn"]}
    parameter_names |= {parameters[key] for key in ("ebs_kms_key_arn",) if key in parameters}
    if services["mongodb"] == "replica-set":
        secret_names.add(isolation["secrets"]["mongodb"])
        parameter_names |= {parameters[key] for key in ("mongodb_hosts", "mongodb_replica_set", "mongodb_first_member",
                                                        "mongodb_ca_certificate") if key in parameters}
    else:
        secret_names.add(secrets["mongodb_connection"])
    if services["opensearch"]:
        secret_names.add(secrets["opensearch_master"])
        parameter_names.add(parameters["opensearch_endpoint"])
    if services["ses"]:
        secret_names.add(secrets["ses_smtp"])
    return secret_names, parameter_names


def values_after(argv: list[str], option: str) -> list[str]:
    values = []
    for item in argv[argv.index(option) + 1:]:
        if item.startswith("--"):
            break
        values.append(item)
    return values


def reads(calls: list[Call]) -> tuple[set[str], set[str]]:
    secrets, parameters = set(), set()
    for call in calls:
        argv = call["argv"] if call["tool"] == "aws" else []
        if "get-secret-value" in argv and "--secret-id" in argv:
            secrets.add(argv[argv.index("--secret-id") + 1])
        if "batch-get-secret-value" in argv and "--secret-id-list" in argv:
            secrets |= set(values_after(argv, "--secret-id-list"))
        if "get-parameter" in argv and "--name" in argv:
            parameters.add(argv[argv.index("--name") + 1])
        if "get-parameters" in argv and "--names" in argv:
            parameters |= set(values_after(argv, "--names"))
    return secrets, parameters


def read_problems(calls: list[Call], plan: dict, environment: dict, deployment: dict, seeded) -> list[str]:
    planned_secrets, planned_parameters = planned_reads(plan, environment, deployment)
    secrets, parameters = reads(calls)
    master = seeded.parameters[environment["parameters"]["aurora_master_secret_arn"]]
    secrets = {name for name in secrets if name != master}
    planned_secrets.discard(master)
    problems = []
    if secrets != planned_secrets:
        problems.append(f"secrets read {sorted(secrets - planned_secrets)} beyond the plan, "
                        f"{sorted(planned_secrets - secrets)} not read")
    if parameters != planned_parameters:
        problems.append(f"parameters read {sorted(parameters - planned_parameters)} beyond the plan, "
                        f"{sorted(planned_parameters - parameters)} not read")
    return problems


def build_expectations(plan: dict, instance: dict, registry: str, sha: str) -> list[Expected]:
    image = f"{registry}/{instance['image_repository']}:{sha}"
    return [
        assume(plan, "build", f"repo:{plan['github']['repository']}:ref:refs/heads/{plan['github']['default_branch']}"),
        Expected(f"aws ecr describe-images {instance['image_repository']}:{sha}",
                 aws("ecr", "describe-images", repository_name=instance["image_repository"])),
        Expected(f"docker login {registry}", tool("docker", lambda call: call["argv"][:1] == ["login"] and call["argv"][-1] == registry)),
        Expected(f"docker build and push {image}", tool("docker-build", lambda call: call["tags"] == [image] and call["push"])),
    ]
