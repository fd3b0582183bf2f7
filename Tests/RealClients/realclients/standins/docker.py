"""docker stand-in: records every call and behaves like the Docker CLI of a GitHub runner.

There is no Docker engine here. What matters for the workflows is modelled: the default
builder uses the `docker` driver (which cannot export a registry cache), `buildx create`
adds a `docker-container` builder, a build leaves an image in the local store only with the
docker driver or --load, `push` needs a local image and a login, and pushes and registry
caches go to ECR (moto), whose tag immutability decides whether a tag may be written again.
State of the runner (logins, builders, local images) is per job; the registry is shared.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from ..record import Locked, record


def runner_state() -> Locked:
    return Locked(Path(os.environ["REALCLIENTS_JOB_DIR"]) / "docker.json")


DEFAULT_STATE = {"logins": [], "builders": {"default": "docker"}, "current": "default", "images": []}


def ecr():
    import boto3

    return boto3.client("ecr", endpoint_url=os.environ["AWS_ENDPOINT_URL"],
                        region_name=os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION"))


def split_reference(reference: str) -> tuple[str, str, str]:
    host, _, rest = reference.partition("/")
    repository, _, tag = rest.rpartition(":")
    return host, repository, tag


def image_exists(reference: str) -> bool:
    _, repository, tag = split_reference(reference)
    try:
        ecr().describe_images(repositoryName=repository, imageIds=[{"imageTag": tag}])
        return True
    except Exception:  # noqa: BLE001 - ImageNotFound, RepositoryNotFound: both mean "no such image"
        return False


def put_image(reference: str, content: str, state: dict[str, Any]) -> str | None:
    host, repository, tag = split_reference(reference)
    if host not in state["logins"]:
        return f"denied: no login to {host} (docker login first)"
    manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                           "config": {"digest": "sha256:" + hashlib.sha256(content.encode()).hexdigest()}})
    try:
        ecr().put_image(repositoryName=repository, imageManifest=manifest, imageTag=tag)
    except Exception as error:  # noqa: BLE001 - the registry's refusal is the answer
        # The registry API accepts the same manifest under the same tag again (an idempotent
        # PUT); a different manifest under an immutable tag is refused.
        if "ImageAlreadyExistsException" in str(type(error).__name__) + str(error):
            return None
        return f"failed to push {reference}: {error}"
    return None


def options(argv: list[str], valued: set[str]) -> tuple[dict[str, list[str]], list[str]]:
    found: dict[str, list[str]] = {}
    positionals = []
    index = 0
    while index < len(argv):
        item = argv[index]
        if item.startswith("--") and "=" in item:
            name, value = item.split("=", 1)
            found.setdefault(name, []).append(value)
        elif item in valued:
            found.setdefault(item, []).append(argv[index + 1])
            index += 1
        elif item.startswith("-"):
            found.setdefault(item, []).append("true")
        else:
            positionals.append(item)
        index += 1
    return found, positionals


def cache_reference(specification: str) -> tuple[str, str]:
    fields = dict(part.split("=", 1) for part in specification.split(",") if "=" in part)
    return fields.get("type", ""), fields.get("ref", "")


def build(argv: list[str], state: dict[str, Any]) -> int:
    found, positionals = options(argv, {"--tag", "-t", "--cache-from", "--cache-to", "--builder", "--platform",
                                        "--build-arg", "--target", "--output", "-o", "--add-host", "-f", "--file"})
    tags = found.get("--tag", []) + found.get("-t", [])
    if len(positionals) != 1 or not (Path(positionals[0]) / "Dockerfile").exists():
        sys.stderr.write(f"ERROR: no Dockerfile in the build context {positionals}\n")
        return 1
    content = (Path(positionals[0]) / "Dockerfile").read_text(encoding="utf-8")
    builder = (found.get("--builder") or [state["current"]])[-1]
    driver = state["builders"].get(builder)
    if driver is None:
        sys.stderr.write(f"ERROR: no builder {builder!r} found\n")
        return 1
    caches_from = [cache_reference(spec) for spec in found.get("--cache-from", [])]
    record("docker-cache-from", [], refs=[ref for _, ref in caches_from],
           hits=[image_exists(ref) for kind, ref in caches_from if kind == "registry"])
    for spec in found.get("--cache-to", []):
        kind, ref = cache_reference(spec)
        if kind == "registry" and driver == "docker":
            sys.stderr.write("ERROR: Cache export is not supported for the docker driver.\n"
                             "Switch to a different driver, or turn on the containerd image store, and try again.\n")
            return 1
    for spec in found.get("--cache-to", []):
        kind, ref = cache_reference(spec)
        # A new cache manifest per build: the layers of this build.
        if kind == "registry" and (problem := put_image(ref, f"cache:{tags}:{content}", state)):
            sys.stderr.write(f"ERROR: {problem}\n")
            return 1
    outputs = [dict(part.split("=", 1) for part in spec.split(",") if "=" in part).get("type")
               for spec in found.get("--output", []) + found.get("-o", [])]
    if "--push" in found or "registry" in outputs:
        for tag in tags:
            if problem := put_image(tag, content, state):
                sys.stderr.write(f"ERROR: {problem}\n")
                return 1
    if driver == "docker" or "--load" in found or "docker" in outputs:
        state["images"] = sorted(set(state["images"]) | set(tags))
    elif "--push" not in found and "registry" not in outputs:
        sys.stderr.write("WARNING: No output specified with docker-container driver. "
                         "Build result will only remain in the build cache.\n")
    record("docker-build", [], tags=tags, driver=driver, push="--push" in found or "registry" in outputs,
           context=positionals[0], caches_to=[cache_reference(spec)[1] for spec in found.get("--cache-to", [])])
    return 0


def buildx(argv: list[str], state: dict[str, Any]) -> int:
    verb, rest = (argv[0], argv[1:]) if argv else ("", [])
    if verb == "build":
        return build(rest, state)
    if verb == "create":
        found, _ = options(rest, {"--name", "--driver", "--driver-opt", "--platform"})
        name = (found.get("--name") or [f"builder-{len(state['builders'])}"])[-1]
        state["builders"][name] = (found.get("--driver") or ["docker-container"])[-1]
        if "--use" in found:
            state["current"] = name
        print(name)
        return 0
    if verb == "use" and rest:
        if rest[-1] not in state["builders"]:
            sys.stderr.write(f"ERROR: run `docker buildx create --name {rest[-1]}` first\n")
            return 1
        state["current"] = rest[-1]
        return 0
    if verb in ("inspect", "version", "ls", "rm", "prune"):
        return 0
    sys.stderr.write(f"docker stand-in: `docker buildx {' '.join(argv)}` is not known here\n")
    return 97


def main(argv: list[str]) -> int:
    stdin = sys.stdin.buffer.read().decode() if "--password-stdin" in argv else None
    record("docker", argv, stdin_given=stdin is not None)
    with runner_state() as locked:
        state = locked.load(json.loads(json.dumps(DEFAULT_STATE)))
        code = dispatch(argv, state, stdin)
        locked.save(state)
    return code


def dispatch(argv: list[str], state: dict[str, Any], stdin: str | None) -> int:
    verb = argv[0] if argv else ""
    if verb == "login":
        if not stdin or not stdin.strip():
            sys.stderr.write("Error: Cannot perform an interactive login from a non TTY device\n")
            return 1
        state["logins"] = sorted(set(state["logins"]) | {argv[-1]})
        print("Login Succeeded")
        return 0
    if verb == "buildx":
        return buildx(argv[1:], state)
    if verb == "build":
        return build(argv[1:], state)
    if verb == "push":
        reference = argv[-1]
        if reference not in state["images"]:
            sys.stderr.write(f"An image does not exist locally with the tag: {reference}\n")
            return 1
        problem = put_image(reference, "pushed", state)
        if problem:
            sys.stderr.write(problem + "\n")
            return 1
        return 0
    if verb in ("version", "info", "logout"):
        return 0
    sys.stderr.write(f"docker stand-in: `docker {' '.join(argv)}` is not known here; teach the stand-in\n")
    return 97
