"""The rest of the provider's calls per resource type (see permissions_table.py): identity,
keys, load balancing, search, DNS, storage, secrets, e-mail, messaging, parameters and WAF."""
from __future__ import annotations

from typing import Any

from .permissions_table import S3_BUCKET, Attribute, Row, _a, _none, bucket_config, named, text, with_path

ELB = "arn:${Partition}:elasticloadbalancing:${Region}:${Account}:"
IAM = "arn:${Partition}:iam::${Account}:"
SNS_TOPIC = "arn:${Partition}:sns:${Region}:${Account}:${TopicName}"
SES = "arn:${Partition}:ses:${Region}:${Account}:"
IAM_USER_TAGS = _a("iam:TagUser iam:UntagUser")


def lookup(rtype: str, attribute: str, placeholder: str) -> Any:
    """A placeholder that another resource fills: the user or role named by `attribute`
    (its path is on that resource). permissions.py resolves it."""
    return lambda a: {placeholder: ("lookup", rtype, text(a(attribute)))}


def arn_from(attribute: str) -> Any:
    """The resource is named by an ARN attribute (a topic's policy, a secret's version)."""
    return lambda a: {"=": text(a(attribute))}


def alias_name(a: Attribute) -> dict[str, Any]:
    return {"Alias": text(a("name")).removeprefix("alias/")}


def oidc_provider(a: Attribute) -> dict[str, Any]:
    return {"OidcProviderName": text(a("url")).removeprefix("https://")}


def service_linked(a: Attribute) -> dict[str, Any]:
    return {"RoleNameWithPath": f"aws-service-role/{text(a('aws_service_name'))}/unknown0"}


def secret(a: Attribute) -> dict[str, Any]:
    # Secrets Manager appends a hyphen and six random characters to the name.
    return {"SecretId": text(a("name")) + "-a1B2c3"}


def web_acl(a: Attribute) -> dict[str, Any]:
    scope = a("scope")
    return {"Scope": "global" if scope == "CLOUDFRONT" else "regional", "Name": text(a("name"))}


ROWS: dict[str, Row] = {
    "aws_iam_access_key": Row(
        IAM + "user/${UserNameWithPath}", lookup("aws_iam_user", "user", "UserNameWithPath"),
        _a("iam:CreateAccessKey"), _a("iam:ListAccessKeys"), _a("iam:UpdateAccessKey"), _a("iam:DeleteAccessKey")),
    "aws_iam_instance_profile": Row(
        IAM + "instance-profile/${InstanceProfileNameWithPath}", with_path("InstanceProfileNameWithPath"),
        _a("iam:CreateInstanceProfile iam:AddRoleToInstanceProfile iam:TagInstanceProfile"), _a("iam:GetInstanceProfile"),
        _a("iam:AddRoleToInstanceProfile iam:RemoveRoleFromInstanceProfile"),
        _a("iam:RemoveRoleFromInstanceProfile iam:DeleteInstanceProfile"),
        _a("iam:TagInstanceProfile iam:UntagInstanceProfile"), (("role", "name"),)),
    "aws_iam_openid_connect_provider": Row(
        IAM + "oidc-provider/${OidcProviderName}", oidc_provider,
        _a("iam:CreateOpenIDConnectProvider iam:TagOpenIDConnectProvider"), _a("iam:GetOpenIDConnectProvider"),
        _a("iam:UpdateOpenIDConnectProviderThumbprint iam:AddClientIDToOpenIDConnectProvider"),
        _a("iam:DeleteOpenIDConnectProvider"), _a("iam:TagOpenIDConnectProvider iam:UntagOpenIDConnectProvider")),
    "aws_iam_role": Row(
        IAM + "role/${RoleNameWithPath}", with_path("RoleNameWithPath"),
        _a("iam:CreateRole iam:TagRole"), _a("iam:GetRole iam:ListRolePolicies iam:ListAttachedRolePolicies"),
        _a("iam:UpdateAssumeRolePolicy iam:UpdateRole iam:UpdateRoleDescription"),
        _a("iam:ListInstanceProfilesForRole iam:DeleteRole"), _a("iam:TagRole iam:UntagRole")),
    "aws_iam_role_policy": Row(
        IAM + "role/${RoleNameWithPath}", lookup("aws_iam_role", "role", "RoleNameWithPath"),
        _a("iam:PutRolePolicy"), _a("iam:GetRolePolicy"), _a("iam:PutRolePolicy"), _a("iam:DeleteRolePolicy")),
    "aws_iam_role_policy_attachment": Row(
        IAM + "role/${RoleNameWithPath}", lookup("aws_iam_role", "role", "RoleNameWithPath"),
        _a("iam:AttachRolePolicy"), _a("iam:ListAttachedRolePolicies"), (), _a("iam:DetachRolePolicy")),
    "aws_iam_service_linked_role": Row(
        IAM + "role/${RoleNameWithPath}", service_linked,
        _a("iam:CreateServiceLinkedRole"), _a("iam:GetRole"), _a("iam:UpdateRoleDescription"),
        _a("iam:DeleteServiceLinkedRole iam:GetServiceLinkedRoleDeletionStatus")),
    "aws_iam_user": Row(
        IAM + "user/${UserNameWithPath}", with_path("UserNameWithPath"),
        _a("iam:CreateUser iam:TagUser"), _a("iam:GetUser"), _a("iam:UpdateUser"),
        _a("iam:ListGroupsForUser iam:DeleteUser"), IAM_USER_TAGS),
    "aws_iam_user_policy": Row(
        IAM + "user/${UserNameWithPath}", lookup("aws_iam_user", "user", "UserNameWithPath"),
        _a("iam:PutUserPolicy"), _a("iam:GetUserPolicy"), _a("iam:PutUserPolicy"), _a("iam:DeleteUserPolicy")),
    "aws_kms_key": Row(
        "arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}", _none,
        _a("kms:CreateKey kms:EnableKeyRotation kms:TagResource"),
        _a("kms:DescribeKey kms:GetKeyPolicy kms:GetKeyRotationStatus kms:ListResourceTags"),
        _a("kms:PutKeyPolicy kms:UpdateKeyDescription kms:EnableKeyRotation"), _a("kms:ScheduleKeyDeletion"),
        _a("kms:TagResource kms:UntagResource")),
    "aws_kms_alias": Row(
        "arn:${Partition}:kms:${Region}:${Account}:alias/${Alias}", alias_name,
        _a("kms:CreateAlias"), _a("kms:ListAliases"), _a("kms:UpdateAlias"), _a("kms:DeleteAlias")),
    "aws_lb": Row(
        ELB + "loadbalancer/app/${LoadBalancerName}/${LoadBalancerId}", named("LoadBalancerName"),
        _a("elasticloadbalancing:CreateLoadBalancer elasticloadbalancing:AddTags elasticloadbalancing:ModifyLoadBalancerAttributes"),
        _a("elasticloadbalancing:DescribeLoadBalancers elasticloadbalancing:DescribeLoadBalancerAttributes elasticloadbalancing:DescribeTags"),
        _a("elasticloadbalancing:ModifyLoadBalancerAttributes elasticloadbalancing:SetSecurityGroups elasticloadbalancing:SetSubnets"),
        _a("elasticloadbalancing:DeleteLoadBalancer"), _a("elasticloadbalancing:AddTags elasticloadbalancing:RemoveTags")),
    "aws_lb_listener": Row(
        ELB + "listener/app/${LoadBalancerName}/${LoadBalancerId}/${ListenerId}", _none,
        _a("elasticloadbalancing:CreateListener elasticloadbalancing:AddTags"), _a("elasticloadbalancing:DescribeListeners"),
        _a("elasticloadbalancing:ModifyListener"), _a("elasticloadbalancing:DeleteListener"),
        _a("elasticloadbalancing:AddTags elasticloadbalancing:RemoveTags")),
    "aws_lb_listener_certificate": Row(
        ELB + "listener/app/${LoadBalancerName}/${LoadBalancerId}/${ListenerId}", _none,
        _a("elasticloadbalancing:AddListenerCertificates"), _a("elasticloadbalancing:DescribeListenerCertificates"),
        (), _a("elasticloadbalancing:RemoveListenerCertificates")),
    "aws_lb_target_group": Row(
        ELB + "targetgroup/${TargetGroupName}/${TargetGroupId}", named("TargetGroupName"),
        _a("elasticloadbalancing:CreateTargetGroup elasticloadbalancing:ModifyTargetGroupAttributes elasticloadbalancing:AddTags"),
        _a("elasticloadbalancing:DescribeTargetGroups elasticloadbalancing:DescribeTargetGroupAttributes"),
        _a("elasticloadbalancing:ModifyTargetGroup elasticloadbalancing:ModifyTargetGroupAttributes"),
        _a("elasticloadbalancing:DeleteTargetGroup"), _a("elasticloadbalancing:AddTags elasticloadbalancing:RemoveTags")),
    "aws_opensearch_domain": Row(
        "arn:${Partition}:es:${Region}:${Account}:domain/${DomainName}", named("DomainName", "domain_name"),
        _a("es:CreateDomain es:AddTags"), _a("es:DescribeDomain es:DescribeDomainConfig es:ListTags"),
        _a("es:UpdateDomainConfig es:UpgradeDomain"), _a("es:DeleteDomain"), _a("es:AddTags es:RemoveTags")),
    "aws_route53_zone": Row(
        "arn:${Partition}:route53:::hostedzone/${Id}", _none,
        _a("route53:CreateHostedZone route53:ChangeTagsForResource route53:GetChange"),
        _a("route53:GetHostedZone route53:ListTagsForResource"), _a("route53:UpdateHostedZoneComment"),
        _a("route53:DeleteHostedZone"), _a("route53:ChangeTagsForResource")),
    "aws_route53_record": Row(
        "arn:${Partition}:route53:::hostedzone/${Id}", _none,
        _a("route53:ChangeResourceRecordSets route53:GetChange"), _a("route53:ListResourceRecordSets"),
        _a("route53:ChangeResourceRecordSets"), _a("route53:ChangeResourceRecordSets")),
    "aws_route53_query_log": Row(
        "arn:${Partition}:route53:::queryloggingconfig/${Id}", _none,
        _a("route53:CreateQueryLoggingConfig"), _a("route53:GetQueryLoggingConfig"), (), _a("route53:DeleteQueryLoggingConfig")),
    "aws_s3_bucket": Row(
        S3_BUCKET, named("BucketName", "bucket"), _a("s3:CreateBucket s3:PutBucketTagging"),
        _a("s3:ListBucket s3:GetBucketTagging s3:GetBucketPolicy s3:GetBucketAcl s3:GetBucketCORS s3:GetBucketWebsite "
           "s3:GetBucketVersioning s3:GetAccelerateConfiguration s3:GetBucketRequestPayment s3:GetBucketLogging "
           "s3:GetLifecycleConfiguration s3:GetReplicationConfiguration s3:GetEncryptionConfiguration "
           "s3:GetBucketObjectLockConfiguration"),
        (), _a("s3:DeleteBucket"), _a("s3:PutBucketTagging")),
    "aws_s3_bucket_cors_configuration": bucket_config("cors", "s3:PutBucketCORS", "s3:GetBucketCORS"),
    "aws_s3_bucket_lifecycle_configuration": bucket_config("lifecycle", "s3:PutLifecycleConfiguration", "s3:GetLifecycleConfiguration"),
    "aws_s3_bucket_logging": bucket_config("logging", "s3:PutBucketLogging", "s3:GetBucketLogging"),
    "aws_s3_bucket_ownership_controls": bucket_config("ownership", "s3:PutBucketOwnershipControls", "s3:GetBucketOwnershipControls"),
    "aws_s3_bucket_policy": bucket_config("policy", "s3:PutBucketPolicy", "s3:GetBucketPolicy", "s3:DeleteBucketPolicy"),
    "aws_s3_bucket_public_access_block": bucket_config("public access block", "s3:PutBucketPublicAccessBlock",
                                                       "s3:GetBucketPublicAccessBlock"),
    "aws_s3_bucket_server_side_encryption_configuration": bucket_config("encryption", "s3:PutEncryptionConfiguration",
                                                                        "s3:GetEncryptionConfiguration"),
    "aws_s3_bucket_versioning": bucket_config("versioning", "s3:PutBucketVersioning", "s3:GetBucketVersioning"),
    "aws_secretsmanager_secret": Row(
        "arn:${Partition}:secretsmanager:${Region}:${Account}:secret:${SecretId}", secret,
        _a("secretsmanager:CreateSecret secretsmanager:TagResource"),
        _a("secretsmanager:DescribeSecret secretsmanager:GetResourcePolicy"), _a("secretsmanager:UpdateSecret"),
        _a("secretsmanager:DeleteSecret"), _a("secretsmanager:TagResource secretsmanager:UntagResource")),
    "aws_secretsmanager_secret_version": Row(
        "arn:${Partition}:secretsmanager:${Region}:${Account}:secret:${SecretId}", arn_from("secret_id"),
        _a("secretsmanager:PutSecretValue"), _a("secretsmanager:GetSecretValue secretsmanager:DescribeSecret"),
        _a("secretsmanager:PutSecretValue secretsmanager:UpdateSecretVersionStage"),
        _a("secretsmanager:UpdateSecretVersionStage")),
    "aws_sesv2_configuration_set": Row(
        SES + "configuration-set/${ConfigurationSetName}", named("ConfigurationSetName", "configuration_set_name"),
        _a("ses:CreateConfigurationSet ses:TagResource"), _a("ses:GetConfigurationSet ses:ListTagsForResource"),
        _a("ses:PutConfigurationSetDeliveryOptions ses:PutConfigurationSetReputationOptions "
           "ses:PutConfigurationSetSendingOptions ses:PutConfigurationSetSuppressionOptions"),
        _a("ses:DeleteConfigurationSet"), _a("ses:TagResource ses:UntagResource")),
    "aws_sesv2_configuration_set_event_destination": Row(
        SES + "configuration-set/${ConfigurationSetName}", named("ConfigurationSetName", "configuration_set_name"),
        _a("ses:CreateConfigurationSetEventDestination"), _a("ses:GetConfigurationSetEventDestinations"),
        _a("ses:UpdateConfigurationSetEventDestination"), _a("ses:DeleteConfigurationSetEventDestination")),
    "aws_sesv2_email_identity": Row(
        SES + "identity/${IdentityName}", named("IdentityName", "email_identity"),
        _a("ses:CreateEmailIdentity ses:TagResource"), _a("ses:GetEmailIdentity ses:ListTagsForResource"),
        _a("ses:PutEmailIdentityConfigurationSetAttributes ses:PutEmailIdentityDkimSigningAttributes"),
        _a("ses:DeleteEmailIdentity"), _a("ses:TagResource ses:UntagResource")),
    "aws_sesv2_email_identity_mail_from_attributes": Row(
        SES + "identity/${IdentityName}", named("IdentityName", "email_identity"),
        _a("ses:PutEmailIdentityMailFromAttributes"), _a("ses:GetEmailIdentity"),
        _a("ses:PutEmailIdentityMailFromAttributes"), _a("ses:PutEmailIdentityMailFromAttributes")),
    "aws_sns_topic": Row(
        SNS_TOPIC, named("TopicName"), _a("sns:CreateTopic sns:SetTopicAttributes sns:TagResource"),
        _a("sns:GetTopicAttributes sns:ListTagsForResource"), _a("sns:SetTopicAttributes"), _a("sns:DeleteTopic"),
        _a("sns:TagResource sns:UntagResource")),
    "aws_sns_topic_policy": Row(
        SNS_TOPIC, arn_from("arn"), _a("sns:SetTopicAttributes"), _a("sns:GetTopicAttributes"),
        _a("sns:SetTopicAttributes"), _a("sns:SetTopicAttributes")),
    "aws_sns_topic_subscription": Row(
        SNS_TOPIC, arn_from("topic_arn"), _a("sns:Subscribe"), _a("sns:GetSubscriptionAttributes"),
        _a("sns:SetSubscriptionAttributes"), _a("sns:Unsubscribe")),
    "aws_ssm_association": Row(
        "arn:${Partition}:ssm:${Region}:${Account}:association/${AssociationId}", _none,
        _a("ssm:CreateAssociation"), _a("ssm:DescribeAssociation"), _a("ssm:UpdateAssociation"), _a("ssm:DeleteAssociation")),
    "aws_ssm_parameter": Row(
        "arn:${Partition}:ssm:${Region}:${Account}:parameter/${ParameterNameWithoutLeadingSlash}",
        lambda a: {"ParameterNameWithoutLeadingSlash": text(a("name")).lstrip("/")},
        _a("ssm:PutParameter ssm:AddTagsToResource"), _a("ssm:GetParameter ssm:ListTagsForResource"),
        _a("ssm:PutParameter"), _a("ssm:DeleteParameter"), _a("ssm:AddTagsToResource ssm:RemoveTagsFromResource")),
    "aws_wafv2_web_acl": Row(
        "arn:${Partition}:wafv2:${Region}:${Account}:${Scope}/webacl/${Name}/${Id}", web_acl,
        _a("wafv2:CreateWebACL wafv2:TagResource"), _a("wafv2:GetWebACL wafv2:ListTagsForResource"),
        _a("wafv2:UpdateWebACL"), _a("wafv2:DeleteWebACL"), _a("wafv2:TagResource wafv2:UntagResource")),
    "aws_wafv2_web_acl_association": Row(
        "arn:${Partition}:wafv2:${Region}:${Account}:${Scope}/webacl/${Name}/${Id}", arn_from("web_acl_arn"),
        _a("wafv2:AssociateWebACL elasticloadbalancing:SetWebACL"), _a("wafv2:GetWebACLForResource"),
        (), _a("wafv2:DisassociateWebACL")),
    "aws_wafv2_web_acl_logging_configuration": Row(
        "arn:${Partition}:wafv2:${Region}:${Account}:${Scope}/webacl/${Name}/${Id}", arn_from("resource_arn"),
        _a("wafv2:PutLoggingConfiguration logs:CreateLogDelivery"), _a("wafv2:GetLoggingConfiguration"),
        _a("wafv2:PutLoggingConfiguration"), _a("wafv2:DeleteLoggingConfiguration logs:DeleteLogDelivery")),
}
