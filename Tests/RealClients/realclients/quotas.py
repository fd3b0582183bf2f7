"""Account-wide AWS quotas that cannot be raised, counted on the generated Terraform.

CloudWatch Logs holds 10 resource policies per account and region (not adjustable). Every
`aws_cloudwatch_log_resource_policy` of every root is counted in the region of its provider,
plus the one ElastiCache keeps for itself when it delivers logs to CloudWatch Logs; and every
log group that WAF or OpenSearch writes to must be covered by one of those policies in its
region, for that service.
"""
from __future__ import annotations

from pathlib import Path

from .hclexpr import UNKNOWN
from .iampolicy import Request, decide
from .permissions import Facts, Root

LOG_RESOURCE_POLICIES_PER_REGION = 10
WRITERS = {  # resource type -> (service principal, the attribute with the log group ARNs)
    "aws_wafv2_web_acl_logging_configuration": ("delivery.logs.amazonaws.com", "log_destination_configs"),
    "aws_opensearch_domain": ("es.amazonaws.com", "log_publishing_options"),
}


def destinations(instance) -> list[str]:
    value = instance.attributes(WRITERS[instance.rtype][1])
    if instance.rtype == "aws_opensearch_domain":
        value = [option.get("cloudwatch_log_group_arn") for option in value] if isinstance(value, list) else UNKNOWN
    return [str(item).removesuffix(":*") for item in value] if isinstance(value, list) else []


def check(repository: Path, plan: dict) -> list[str]:
    facts = Facts(plan["project"]["name"], plan["aws"]["account_id"], plan["aws"]["region"])
    terraform = repository / "terraform"
    roots = [Root(terraform / "global", facts)] + [Root(terraform / "environments" / e["name"], facts)
                                                   for e in plan["environments"]]
    policies: dict[str, list[dict]] = {}
    writers, elasticache_logs = [], False
    for root in roots:
        for instance in root.resources:
            if instance.rtype == "aws_cloudwatch_log_resource_policy":
                document = instance.attributes("policy_document")
                policies.setdefault(root.region_of(instance), []).append(document if isinstance(document, dict) else {})
            elif instance.rtype in WRITERS:
                writers.append((root, instance))
            elif instance.rtype == "aws_elasticache_replication_group" and "log_delivery_configuration" in instance.block:
                elasticache_logs = True
    problems = []
    counts = {region: len(found) for region, found in policies.items()}
    if elasticache_logs:
        counts[facts.region] = counts.get(facts.region, 0) + 1
    for region, count in sorted(counts.items()):
        if count > LOG_RESOURCE_POLICIES_PER_REGION:
            problems.append(f"{region}: {count} CloudWatch Logs resource policies, the account allows "
                            f"{LOG_RESOURCE_POLICIES_PER_REGION} per region (not adjustable)")
    for root, instance in writers:
        principal = WRITERS[instance.rtype][0]
        region = root.region_of(instance)
        source = (root.arn_of(instance) if instance.rtype == "aws_opensearch_domain"
                  else f"arn:aws:logs:{region}:{facts.account_id}:delivery-source:unknown0")
        for arn in destinations(instance):
            request = Request("logs:PutLogEvents", f"{arn}:log-stream:unknown0",
                              {"aws:SourceAccount": facts.account_id, "aws:SourceArn": source})
            granted = [p for p in policies.get(region, []) if _admits(p, principal) and decide([p], request).allowed]
            if not granted:
                problems.append(f"{instance.address}: no CloudWatch Logs resource policy in {region} lets {principal} "
                                f"write to {arn}")
    return problems


def _admits(policy: dict, principal: str) -> bool:
    return any(principal in statement.get("Principal", {}).get("Service", []) for statement in policy.get("Statement", []))
