"""The harness's small parsers: requirements, selectors, env files, init scripts, chart values."""
import tempfile
import unittest
from pathlib import Path

from realclients import envfiles, initscripts, requirements
from realclients.objects import SelectorError, parse_selector
from realclients.standins import helm


class RequirementTests(unittest.TestCase):
    def test_pins_pass_ranges_and_urls_fail(self):
        self.assertIsNone(requirements.requirement_problem("tutor==22.0.3"))
        self.assertIsNone(requirements.requirement_problem("Jinja2==3.1.6"))
        self.assertIn("not pinned exactly", requirements.requirement_problem("tutor[full]>=22,<23"))
        self.assertIn("not pinned exactly", requirements.requirement_problem("pip"))
        harmony = ("tutor-contrib-harmony @ git+https://github.com/openedx/openedx-k8s-harmony.git@harmony-chart-0.9.0"
                   "#subdirectory=tutor-contrib-harmony-plugin")
        self.assertEqual(requirements.requirement_problem(harmony), f"not installable from PyPI: {harmony}")
        self.assertIn("not installable from PyPI", requirements.requirement_problem("./plugins/x"))

    def test_lint_reads_pip_installs_of_workflows_with_their_env(self):
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            (root / ".github/workflows").mkdir(parents=True)
            (root / "tutor/main").mkdir(parents=True)
            (root / "tutor/main/requirements.txt").write_text("# pins\ntutor==22.0.3\nclick>=8\n")
            (root / ".github/workflows/deploy.yml").write_text(
                "jobs:\n  deploy:\n    env:\n      REQS: tutor/main/requirements.txt\n      EXTRA: \"a @ git+https://x/y\"\n"
                "    steps:\n      - run: |\n          python -m pip install --quiet \\\n            -r \"$REQS\"\n"
                "          pip install \"$EXTRA\"\n")
            problems, files = requirements.lint(root)
        self.assertEqual(files, {root / "tutor/main/requirements.txt"})
        self.assertIn("deploy.yml job deploy: not installable from PyPI: a @ git+https://x/y", problems)
        self.assertIn("tutor/main/requirements.txt: not pinned exactly (name==version): click>=8", problems)


class SelectorTests(unittest.TestCase):
    def test_kubernetes_selector_syntax(self):
        labels = {"app.kubernetes.io/component": "deployment", "app.kubernetes.io/name": "lms"}
        self.assertTrue(parse_selector("app.kubernetes.io/component notin (job,namespace)")(labels))
        self.assertFalse(parse_selector("app.kubernetes.io/component in (job, namespace)")(labels))
        self.assertTrue(parse_selector("app.kubernetes.io/name=lms,!absent")(labels))
        self.assertFalse(parse_selector("app.kubernetes.io/name!=lms")(labels))
        self.assertTrue(parse_selector("app.kubernetes.io/component notin (job,namespace)")({}))
        with self.assertRaises(SelectorError):
            parse_selector("a in b")


class EnvFileTests(unittest.TestCase):
    def test_assignments_and_heredocs(self):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "env"
            path.write_text("A=1\nB<<EOF\nline one\nline=two\nEOF\nC=x=y\n")
            self.assertEqual(envfiles.read_assignments(path), [("A", "1"), ("B", "line one\nline=two"), ("C", "x=y")])
            path.write_text("B<<EOF\nno end\n")
            with self.assertRaises(envfiles.EnvFileError):
                envfiles.read_assignments(path)

    def test_masks_apply_to_later_lines(self):
        masker = envfiles.Masker()
        masker.add("s3cr3t")
        self.assertEqual(masker.mask("the s3cr3t is s3cr3t"), "the *** is ***")


class InitScriptTests(unittest.TestCase):
    def test_dialable_wait_targets(self):
        script = ("dockerize -wait tcp://db.example.com:3306 -timeout 20s\n"
                  "dockerize -wait tcp://10.1.224.10:27017,10.1.228.10:27017:27017 -timeout 20s\n")
        problems, targets = initscripts.wait_problems([("lms-job", script)])
        self.assertEqual(targets, {"db.example.com:3306"})
        self.assertEqual(len(problems), 1)
        self.assertIn("10.1.224.10:27017,10.1.228.10:27017:27017", problems[0])

    def test_mysql_job_runs_with_a_recording_mysql(self):
        password = "Ma$ter`pa\\ss'w0rd"
        quoted = "'Ma$ter`pa\\ss'\"'\"'w0rd'"
        script = f"mysql --user=admin --password={quoted} --host=db -e 'CREATE DATABASE IF NOT EXISTS main_openedx;'\n"
        with tempfile.TemporaryDirectory() as folder:
            calls = initscripts.run_mysql_job(script, Path(folder))
        self.assertEqual(calls[0]["argv"][1], f"--password={password}")
        tutor_style = f'mysql -u admin --password="{password}" --host "db" -e "exit"\n'
        with tempfile.TemporaryDirectory() as folder:
            with self.assertRaises(RuntimeError):  # the backtick starts a command substitution
                initscripts.run_mysql_job(tutor_style, Path(folder))


class ChartValueTests(unittest.TestCase):
    def test_paths_must_exist_in_the_chart(self):
        values = {"clusterName": None, "serviceAccount": {"annotations": {}, "name": None}, "traefik": {"ports": {"web": {"port": 8000}}}}
        self.assertIsNone(helm.check_path(values, "clusterName"))
        self.assertIsNone(helm.check_path(values, "serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn"))
        self.assertIsNone(helm.check_path(values, "traefik.ports.web.port"))
        self.assertIn("unknown chart value", helm.check_path(values, "traefik.ports.web.portt"))
        self.assertIn("not a map", helm.check_path(values, "traefik.ports.web.port.x"))
        self.assertEqual(helm.parse_value("{10.0.0.0/16}", False), ["10.0.0.0/16"])
        self.assertEqual(helm.parse_value("true", True), "true")


if __name__ == "__main__":
    unittest.main()
