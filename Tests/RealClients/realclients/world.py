"""The AWS account the workflows run against: moto's server on loopback, seeded from the plan.

Everything Terraform and the build would have created is seeded in Terraform's shapes (the
names come from `stamp explain --format json`, the value shapes from the generated modules):
SSM parameters, Secrets Manager secrets (passwords with the characters each generator can
produce; the RDS-managed master password with `$`, a backtick and a backslash), the EKS
clusters (endpoint and CA patched to the fake API server's), the bastion instances and the
ECR repositories with the tag mutability the ecr module sets.
"""
from __future__ import annotations

import base64
import hashlib
import ipaddress
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MASTER_PASSWORD = "Ma$ter`pa\\ss'w0rd!&;#"  # RDS excludes / " @ and space, nothing else


def short_region(region: str) -> str:
    parts = region.split("-")
    return parts[0] + "".join(part[0] for part in parts[1:-1]) + parts[-1]


@dataclass
class Seeded:
    """What the world holds, for the checks: parameter and secret values by name."""
    parameters: dict[str, str] = field(default_factory=dict)
    secrets: dict[str, str] = field(default_factory=dict)
    endpoints: dict[str, str] = field(default_factory=dict)  # environment -> EKS API host
    bastions: dict[str, str] = field(default_factory=dict)   # environment -> instance id
    mongodb_members: dict[str, list[str]] = field(default_factory=dict)


def endpoint_host(cluster: str, region: str) -> str:
    """An EKS API endpoint host name of the real shape (32 hex characters, gr7, region)."""
    return f"{hashlib.sha256(cluster.encode()).hexdigest()[:32].upper()}.gr7.{region}.eks.amazonaws.com"


def mongodb_members(environment: dict[str, Any]) -> list[str]:
    """The mongodb module's rule: member i in zone i mod zones at host 10 + i // zones of its data subnet."""
    zones = [ipaddress.ip_network(zone["data_subnet"]) for zone in environment["network"]["zones"]]
    count = environment["sizes"]["mongodb_members"]
    return [f"{zones[i % len(zones)][10 + i // len(zones)]}:27017" for i in range(count)]


def _module_argument(repository: Path, variable: str) -> str | None:
    """The value terraform/global passes to the ecr module's `variable`, else its default."""
    call = (repository / "terraform/global/ecr.tf").read_text(encoding="utf-8")
    passed = re.search(rf'^\s*{variable}\s*=\s*"([^"]*)"', call, re.M)
    if passed:
        return passed.group(1)
    variables = (repository / "terraform/modules/ecr/variables.tf").read_text(encoding="utf-8")
    default = re.search(rf'variable "{variable}" \{{[^}}]*?default\s*=\s*"([^"]*)"', variables, re.S)
    return default.group(1) if default else None


def ecr_mutability(repository: Path) -> dict[str, Any]:
    """image_tag_mutability and its exclusion filters, read from the generated ecr module
    (a `var.x` filter is followed to the value terraform/global passes, or the default)."""
    text = (repository / "terraform/modules/ecr/main.tf").read_text(encoding="utf-8")
    mutability = re.search(r'image_tag_mutability\s*=\s*"([A-Z_]+)"', text)
    if not mutability:
        raise ValueError("terraform/modules/ecr/main.tf: no image_tag_mutability found")
    filters = []
    for block in re.findall(r"image_tag_mutability_exclusion_filter\s*\{([^}]*)\}", text):
        value = re.search(r'filter\s*=\s*(?:"([^"]+)"|var\.(\w+))', block)
        kind = re.search(r'filter_type\s*=\s*"([^"]+)"', block)
        literal = value.group(1) if value and value.group(1) else _module_argument(repository, value.group(2)) if value else None
        if not literal or not kind:
            raise ValueError("terraform/modules/ecr/main.tf: an exclusion filter the harness cannot read")
        filters.append({"filter": literal, "filterType": kind.group(1)})
    return {"imageTagMutability": mutability.group(1), "filters": filters}


class AWSWorld:
    def __init__(self, plan: dict[str, Any], repository: Path):
        self.plan, self.repository = plan, repository
        self.account, self.region = plan["aws"]["account_id"], plan["aws"]["region"]
        self.seeded = Seeded()

    def start(self) -> str:
        import logging

        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        os.environ["MOTO_ACCOUNT_ID"] = self.account
        from moto.server import ThreadedMotoServer

        self.server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        self.server.start()
        host, port = self.server.get_host_and_port()
        self.url = f"http://{host}:{port}"
        return self.url

    def stop(self) -> None:
        self.server.stop()

    def client(self, service: str):
        import boto3

        return boto3.client(service, endpoint_url=self.url, region_name=self.region,
                            aws_access_key_id="seed", aws_secret_access_key="seed")

    def seed(self, ca_pem: bytes) -> Seeded:
        for environment in self.plan["environments"]:
            self._seed_environment(environment, ca_pem)
        mutability = ecr_mutability(self.repository)
        for instance in self.plan["instances"]:
            arguments: dict[str, Any] = {"repositoryName": instance["image_repository"],
                                         "imageTagMutability": mutability["imageTagMutability"]}
            if mutability["filters"]:
                arguments["imageTagMutabilityExclusionFilters"] = mutability["filters"]
            self.client("ecr").create_repository(**arguments)
        return self.seeded

    def parameter(self, name: str, value: str) -> None:
        self.client("ssm").put_parameter(Name=name, Value=value, Type="String", Overwrite=True)
        self.seeded.parameters[name] = value

    def secret(self, name: str, value: Any | None) -> str:
        arguments: dict[str, Any] = {"Name": name}
        if value is not None:
            arguments["SecretString"] = value if isinstance(value, str) else json.dumps(value)
            self.seeded.secrets[name] = arguments["SecretString"]
        return self.client("secretsmanager").create_secret(**arguments)["ARN"]

    def _seed_environment(self, environment: dict[str, Any], ca_pem: bytes) -> None:
        names, prefix = environment["names"], environment["name_prefix"]
        services, region = self.plan["services"], self.region
        values = parameter_values(self.plan, environment)
        if services["mongodb"] == "replica-set":
            self.seeded.mongodb_members[environment["name"]] = mongodb_members(environment)
        master_arn = self.secret(f"rds!cluster-{prefix}", {"username": "stamp_admin", "password": MASTER_PASSWORD})
        values["aurora_master_secret_arn"] = master_arn
        for key, name in environment["parameters"].items():
            if key in values:
                self.parameter(name, values[key])
            elif not key.startswith(("opensearch", "mongodb")):
                raise ValueError(f"the harness does not know the shape of parameter {key} ({name}); teach world.py")
        for deployment in environment["deployments"]:
            self.parameter(deployment["isolation"]["workload_role_parameter"],
                           f"arn:aws:iam::{self.account}:role/{deployment['name_prefix']}-workload")
        self._seed_secrets(environment, ca_pem.decode())
        self._seed_cluster(environment, ca_pem)
        if services["bastion"]:
            self._seed_bastion(environment)

    def _seed_secrets(self, environment: dict[str, Any], ca_pem: str) -> None:
        secrets, services = environment["secrets"], self.plan["services"]
        self.secret(secrets["redis_auth"], {"password": "R3d1sAuthTokenOnlyLettersAndDigits0123456789abcdefABCDEF012345",
                                            "host": redis_host(environment, self.region), "port": 6379, "tls": True})
        if services["opensearch"]:
            self.secret(secrets["opensearch_master"], {"username": "stamp-master", "password": "Os-Pa55_word.~Xy"})
        if services["ses"]:
            self.secret(secrets["ses_smtp"], {"username": "AKIAEXAMPLESMTPUSER1", "password": "BExampleSmtp+Pass/word=="})
        if services["mongodb"] == "replica-set":
            # The members' keys stay in the secret; clients get the CA from its parameter.
            self.secret(secrets["mongodb_tls"], {"ca_certificate": ca_pem, "members": {"0": {"private_key": "MEMBER KEY"}}})
            self.parameter(environment["parameters"]["mongodb_ca_certificate"], ca_pem)
        else:
            members = ",".join(f"mongo-{i}.example.net:27017" for i in range(3))
            self.secret(secrets["mongodb_connection"],
                        f"mongodb://app:Ext3rnalPass@{members}/openedx?replicaSet=atlas-0&tls=true&authSource=admin")
        for deployment in environment["deployments"]:
            isolation = deployment["isolation"]
            self.secret(isolation["secrets"]["mysql"], {
                "username": isolation["mysql_user"], "password": "Inst-Pa55_word-" + deployment["instance"],
                "database": isolation["mysql_database"]})
            if services["mongodb"] == "replica-set":
                self.secret(isolation["secrets"]["mongodb"], {
                    "username": isolation["mongodb_user"], "password": "M0ngoPass" + deployment["instance"],
                    "database": isolation["mongodb_database"], "auth_source": isolation["mongodb_database"]})
            self.secret(isolation["secrets"]["tutor"], None)  # created empty, filled by the first deploy

    def _seed_cluster(self, environment: dict[str, Any], ca_pem: bytes) -> None:
        name = environment["names"]["eks_cluster"]
        ec2 = self.client("ec2")
        vpc = ec2.create_vpc(CidrBlock=environment["network"]["vpc"])["Vpc"]["VpcId"]
        self.client("eks").create_cluster(
            name=name, version=self.plan["blueprint"]["versions"]["kubernetes"],
            roleArn=f"arn:aws:iam::{self.account}:role/{environment['name_prefix']}-eks-cluster",
            resourcesVpcConfig={"subnetIds": [], "endpointPrivateAccess": True, "endpointPublicAccess": False})
        from moto.eks.models import eks_backends

        cluster = eks_backends[self.account][self.region].clusters[name]
        host = endpoint_host(name, self.region)
        cluster.endpoint = f"https://{host}"
        cluster.certificate_authority = {"data": base64.b64encode(ca_pem).decode()}
        cluster.resources_vpc_config = {**cluster.resources_vpc_config, "vpcId": vpc}
        self.seeded.endpoints[environment["name"]] = host

    def _seed_bastion(self, environment: dict[str, Any]) -> None:
        ec2 = self.client("ec2")
        image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
        instance = ec2.run_instances(
            ImageId=image, MinCount=1, MaxCount=1, InstanceType="t3.micro",
            TagSpecifications=[{"ResourceType": "instance", "Tags": [
                {"Key": "Name", "Value": environment["names"]["bastion"]},
                {"Key": "Project", "Value": self.plan["project"]["name"]}]}])["Instances"][0]["InstanceId"]
        self.seeded.bastions[environment["name"]] = instance


def redis_host(environment: dict[str, Any], region: str) -> str:
    return f"master.{environment['names']['elasticache']}.x7k2q9.{short_region(region)}.cache.amazonaws.com"


def parameter_values(plan: dict[str, Any], environment: dict[str, Any]) -> dict[str, str]:
    """The value of each environment parameter, in the shape the Terraform attribute has."""
    names, region, account = environment["names"], plan["aws"]["region"], plan["aws"]["account_id"]
    services = plan["services"]
    values = {
        "aurora_writer_endpoint": f"{names['aurora_cluster']}.cluster-c9akciq32abc.{region}.rds.amazonaws.com",
        "aurora_reader_endpoint": f"{names['aurora_cluster']}.cluster-ro-c9akciq32abc.{region}.rds.amazonaws.com",
        "redis_primary_endpoint": redis_host(environment, region),
        "alb_target_group_arn": f"arn:aws:elasticloadbalancing:{region}:{account}:targetgroup/{names['target_group']}/0123456789abcdef",
        "load_balancer_controller_role_arn": f"arn:aws:iam::{account}:role/{environment['name_prefix']}-eks-load-balancer-controller",
        "ebs_kms_key_arn": f"arn:aws:kms:{region}:{account}:key/0a1b2c3d-4e5f-6789-abcd-{environment['index']:012d}",
    }
    if services["opensearch"]:
        values["opensearch_endpoint"] = f"vpc-{names['opensearch_domain']}-abcdefghijklmnopqrstuvwxyz.{region}.es.amazonaws.com"
    if services["mongodb"] == "replica-set":
        members = mongodb_members(environment)
        values["mongodb_hosts"] = ",".join(members)
        values["mongodb_first_member"] = members[0].rsplit(":", 1)[0]
        values["mongodb_replica_set"] = "rs0"
    return values
