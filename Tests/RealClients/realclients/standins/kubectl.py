"""kubectl stand-in: records every call and keeps what it is given, answering like a cluster.

`config` and `kustomize` run the machine's real kubectl (files only); `apply` renders
(`-f FILE|-`, `-k DIR` through the real `kubectl kustomize`), filters by `--selector`, saves
each manifest for validation and stores the objects; `get`, `wait` and `rollout status`
answer from the stored objects, so waiting on a Deployment nobody applied fails as it would.
An unknown verb fails loudly: a new call in a workflow must be taught here first.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from ..objects import ObjectStore, SelectorError, labels_of, parse_selector
from ..record import Locked, record, state_dir

MINIMUM_KUSTOMIZE_KUBECTL = (1, 27)
KINDS = {
    "ns": "Namespace", "namespace": "Namespace", "namespaces": "Namespace",
    "deploy": "Deployment", "deployment": "Deployment", "deployments": "Deployment",
    "job": "Job", "jobs": "Job", "pod": "Pod", "pods": "Pod", "svc": "Service", "service": "Service",
    "services": "Service", "sc": "StorageClass", "storageclass": "StorageClass",
    "storageclasses": "StorageClass", "targetgroupbinding": "TargetGroupBinding",
    "targetgroupbindings": "TargetGroupBinding", "ingress": "Ingress", "ingresses": "Ingress",
}


def real_kubectl(*arguments: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    binary = os.environ.get("REALCLIENTS_REAL_KUBECTL", "/usr/bin/kubectl")
    return subprocess.run([binary, *arguments], input=stdin, capture_output=True, check=False)


def check_real_kubectl_version() -> None:
    result = real_kubectl("version", "--client", "-o", "json")
    import json

    version = json.loads(result.stdout or b"{}").get("clientVersion", {})
    found = (int(version.get("major", "0")), int("".join(c for c in version.get("minor", "0") if c.isdigit()) or 0))
    if found < MINIMUM_KUSTOMIZE_KUBECTL:
        sys.exit(f"kubectl stand-in: the machine's kubectl {found} is older than 1.27 (its kustomize cannot read Tutor's)")


def kustomize(directory: str) -> str:
    check_real_kubectl_version()
    result = real_kubectl("kustomize", directory)
    if result.returncode != 0:
        sys.stderr.write(result.stderr.decode())
        sys.exit(result.returncode)
    return result.stdout.decode()


class Arguments:
    """kubectl's flags that the workflows and Tutor use; the rest are kept as positionals."""

    VALUED = {"-f", "--filename", "-k", "--kustomize", "-l", "--selector", "-n", "--namespace", "-o",
              "--output", "--timeout", "--for", "--request-timeout", "--kubeconfig", "--context",
              "--server", "--field-selector", "--prune-allowlist", "-c", "--container", "--tail"}

    def __init__(self, argv: list[str]):
        self.flags: dict[str, list[str]] = {}
        self.positionals: list[str] = []
        index = 0
        while index < len(argv):
            item = argv[index]
            if item == "--":
                self.positionals += argv[index:]
                break
            if item.startswith("-") and "=" in item and item.split("=", 1)[0] in self.VALUED | {"--for"}:
                name, value = item.split("=", 1)
                self.flags.setdefault(name, []).append(value)
            elif item in self.VALUED and index + 1 < len(argv):
                self.flags.setdefault(item, []).append(argv[index + 1])
                index += 1
            elif item.startswith("-"):
                self.flags.setdefault(item.split("=", 1)[0], []).append(item.partition("=")[2] or "true")
            else:
                self.positionals.append(item)
            index += 1

    def value(self, *names: str) -> str | None:
        for name in names:
            if name in self.flags:
                return self.flags[name][-1]
        return None

    def values(self, *names: str) -> list[str]:
        return [value for name in names for value in self.flags.get(name, [])]


def cluster_host() -> str | None:
    """The API server host of the kubeconfig's current context (kubectl's own choice of
    cluster), or None without a usable kubeconfig."""
    path = Path(os.environ.get("KUBECONFIG") or Path.home() / ".kube" / "config")
    if not path.exists():
        return None
    config = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    contexts = {item["name"]: item["context"] for item in config.get("contexts") or []}
    clusters = {item["name"]: item["cluster"] for item in config.get("clusters") or []}
    context = contexts.get(config.get("current-context"))
    server = (clusters.get(context["cluster"]) or {}).get("server", "") if context else ""
    # Host names are case-insensitive (the Python client's urllib3 sends them lower-cased).
    return server.split("://")[-1].split(":")[0].split("/")[0].lower() or None


def store() -> ObjectStore:
    host = cluster_host()
    if host is None:
        sys.exit("The connection to the server localhost:8080 was refused - did you specify the right host or port?")
    return ObjectStore(state_dir() / "objects" / host)


def apply(args: Arguments, stdin: bytes) -> int:
    documents: list[dict[str, Any]] = []
    for source in args.values("-f", "--filename"):
        text = stdin.decode() if source == "-" else Path(source).read_text(encoding="utf-8")
        documents += [doc for doc in yaml.safe_load_all(text) if doc]
    for directory in args.values("-k", "--kustomize"):
        documents += [doc for doc in yaml.safe_load_all(kustomize(directory)) if doc]
    selector = args.value("-l", "--selector")
    if selector:
        try:
            matches = parse_selector(selector)
        except SelectorError as error:
            sys.exit(f"error: {error}")
        documents = [doc for doc in documents if matches(labels_of(doc))]
    if not documents:
        sys.stderr.write("error: no objects passed to apply\n")
        return 1
    namespace = args.value("-n", "--namespace")
    names = [store().put(doc, namespace) for doc in documents]
    save_manifests(documents)
    record("kubectl-applied", [], objects=names, namespace=namespace)
    for name in names:
        print(f"{name} configured")
    return 0


def save_manifests(documents: list[dict[str, Any]]) -> None:
    folder = Path(os.environ["REALCLIENTS_JOB_DIR"]) / "applied"
    folder.mkdir(parents=True, exist_ok=True)
    with Locked(folder / "counter.json") as counter:
        number = counter.load(0) + 1
        counter.save(number)
    (folder / f"{number:04d}.yaml").write_text(yaml.safe_dump_all(documents, sort_keys=True), encoding="utf-8")


def get(args: Arguments) -> int:
    if args.value("--raw"):
        print("ok")
        return 0
    kind = KINDS.get(args.positionals[0].lower()) if args.positionals else None
    if kind is None:
        sys.exit(f"kubectl stand-in: get of {args.positionals} is not known here")
    namespace = None if kind == "Namespace" else args.value("-n", "--namespace") or "default"
    names = args.positionals[1:]
    for name in names:
        if not store().has(kind, name, namespace):
            sys.stderr.write(f'Error from server (NotFound): {kind.lower()}s "{name}" not found\n')
            return 1
    print("\n".join(names) if names else "No resources found")
    return 0


def wait(args: Arguments) -> int:
    kind = KINDS.get(args.positionals[0].lower()) if args.positionals else None
    namespace = args.value("-n", "--namespace") or "default"
    selector = args.value("-l", "--selector")
    matches = parse_selector(selector) if selector else (lambda labels: True)
    found = [item for item in store().items(kind, namespace) if matches(labels_of(item))] if kind else []
    if not found:
        sys.stderr.write("error: no matching resources found\n")
        return 1
    return 0


def version() -> int:
    server = os.environ.get("REALCLIENTS_KUBERNETES_VERSION", "1.34")
    print(f"Client Version: {os.environ.get('REALCLIENTS_KUBECTL_VERSION', 'v' + server + '.0')}")
    print(f"Server Version: v{server}.0-eks")
    return 0


def main(argv: list[str]) -> int:
    stdin = b""
    args = Arguments(argv)
    verb = args.positionals[0] if args.positionals else ""
    if verb == "apply" and "-" in args.values("-f", "--filename"):
        stdin = sys.stdin.buffer.read()
    record("kubectl", argv, stdin=stdin.decode(errors="replace") if stdin else None)
    args.positionals = args.positionals[1:]
    if verb in ("config",):
        result = real_kubectl(*argv)
        sys.stdout.buffer.write(result.stdout)
        sys.stderr.buffer.write(result.stderr)
        return result.returncode
    if verb == "kustomize":
        sys.stdout.write(kustomize(args.positionals[0]))
        return 0
    if verb == "version":
        return version()
    if verb == "apply":
        return apply(args, stdin)
    if verb == "get":
        return get(args)
    if verb == "wait":
        return wait(args)
    if verb in ("rollout", "logs", "delete", "annotate", "label", "exec", "scale"):
        return 0
    sys.stderr.write(f"kubectl stand-in: `kubectl {' '.join(argv)}` is not known here; teach the stand-in\n")
    return 97
