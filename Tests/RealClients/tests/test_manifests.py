"""The manifest checks: each finds the fault it names and passes the object the deploy should apply."""
import tempfile
import unittest
from pathlib import Path

import yaml

from realclients import manifests

DEFAULT = {"storageclass.kubernetes.io/is-default-class": "true"}
KEY = "arn:aws:kms:us-east-1:000123456789:key/ebs"


def ingress(host, ingress_class="traefik", namespace="main"):
    return {"kind": "Ingress", "metadata": {"name": host, "namespace": namespace},
            "spec": {"ingressClassName": ingress_class, "rules": [{"host": host}]}}


def storage_class(annotations, key=KEY, kind="gp3"):
    return {"kind": "StorageClass", "metadata": {"name": "x", "annotations": annotations},
            "provisioner": "ebs.csi.aws.com", "parameters": {"type": kind, "encrypted": "true", "kmsKeyId": key}}


class DuplicateKeyTests(unittest.TestCase):
    def test_a_repeated_key_is_an_error_not_a_silent_overwrite(self):
        with self.assertRaises(yaml.YAMLError) as raised:
            yaml.load("patches:\n- a\npatches:\n- b\n", Loader=manifests.UniqueKeyLoader)
        self.assertIn("duplicate key 'patches'", str(raised.exception))
        self.assertEqual(yaml.load("a: 1\nb: {a: 2}\n", Loader=manifests.UniqueKeyLoader), {"a": 1, "b": {"a": 2}})

    def test_kustomize_reports_the_duplicate(self):
        with tempfile.TemporaryDirectory() as folder:
            env = Path(folder)
            (env / "kustomization.yml").write_text("resources: []\nresources: []\n")
            _, problems = manifests.kustomize(env, "kubectl")
        self.assertTrue(any("duplicate key 'resources'" in problem for problem in problems), problems)


class IngressTests(unittest.TestCase):
    def test_missing_extra_and_wrong_class(self):
        objects = [ingress("lms.example.org"), ingress("studio.example.org", "nginx"),
                   ingress("preview.example.org"), ingress("other.example.org", namespace="exec")]
        problems = manifests.ingress_problems(objects, ["lms.example.org", "studio.example.org", "apps.example.org"],
                                              "traefik", "main")
        self.assertEqual(problems, ["the Ingress of studio.example.org has class 'nginx', planned 'traefik'",
                                    "no Ingress serves apps.example.org",
                                    "an Ingress serves preview.example.org, which the plan does not give this instance"])
        self.assertEqual(manifests.ingress_problems([ingress("lms.example.org")], ["lms.example.org"], "traefik", "main"), [])


class StorageClassTests(unittest.TestCase):
    def test_exactly_one_encrypted_gp3_default(self):
        self.assertEqual(manifests.storage_class_problems([storage_class(DEFAULT)], KEY), [])
        self.assertIn("0 default StorageClasses", manifests.storage_class_problems([storage_class({})], KEY)[0])
        self.assertIn("2 default StorageClasses", manifests.storage_class_problems([storage_class(DEFAULT)] * 2, KEY)[0])
        self.assertEqual(manifests.storage_class_problems([storage_class(DEFAULT, kind="gp2")], KEY),
                         ["the default StorageClass is not gp3 on the EBS CSI driver"])
        self.assertIn("does not encrypt with the EBS key", manifests.storage_class_problems([storage_class(DEFAULT, key="k")], KEY)[0])


class TargetGroupBindingTests(unittest.TestCase):
    def test_binding_must_point_the_seeded_group_at_the_controller(self):
        binding = {"kind": "TargetGroupBinding",
                   "spec": {"targetGroupARN": "arn:tg", "serviceRef": {"name": "harmony-traefik"}, "targetType": "ip"}}
        self.assertEqual(manifests.target_group_problems([binding], "arn:tg", "harmony-traefik"), [])
        self.assertEqual(manifests.target_group_problems([], "arn:tg", "harmony-traefik"), ["0 TargetGroupBindings, one wanted"])
        wrong = {"kind": "TargetGroupBinding",
                 "spec": {"targetGroupARN": "arn:other", "serviceRef": {"name": "ingress-nginx"}, "targetType": "instance"}}
        self.assertEqual(len(manifests.target_group_problems([wrong], "arn:tg", "harmony-traefik")), 3)


if __name__ == "__main__":
    unittest.main()
