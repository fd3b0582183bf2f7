"""The small stand-ins: aws (the real AWS CLI against moto, except the calls moto lacks),
curl (downloads served from local copies), sudo, and session-manager-plugin.

Calls moto does not implement, answered by the stand-in instead (listed in the README):
  aws ssm start-session   checks that the target instance exists, then holds the session
                          open until the job ends, as the real plugin would.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..record import record, state_dir


def aws(argv: list[str]) -> int:
    words = [item for item in argv if not item.startswith("-")]
    if words[:2] == ["ssm", "start-session"]:
        return start_session(argv)
    real = os.environ.get("REALCLIENTS_REAL_AWS", "aws")
    result = subprocess.run([real, *argv], check=False, capture_output=True)
    sys.stdout.buffer.write(result.stdout)
    sys.stderr.buffer.write(result.stderr)
    record("aws", argv, rc=result.returncode, stderr=result.stderr.decode(errors="replace")[-400:])
    return result.returncode


def start_session(argv: list[str]) -> int:
    import boto3

    target = argv[argv.index("--target") + 1] if "--target" in argv else ""
    ec2 = boto3.client("ec2", endpoint_url=os.environ["AWS_ENDPOINT_URL"],
                       region_name=os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION"))
    try:
        found = ec2.describe_instances(InstanceIds=[target])["Reservations"]
    except Exception:  # noqa: BLE001 - an unknown or malformed id
        found = []
    record("aws", argv, rc=0 if found else 254, standin="ssm start-session")
    if not found:
        sys.stderr.write(f"An error occurred (TargetNotConnected) when calling the StartSession operation: {target} is not connected.\n")
        return 254
    print(f"Starting session with SessionId: stand-in-{target}", flush=True)
    while True:  # held open like a real session until the job's processes are ended
        time.sleep(3600)


def _standin_bytes(name: str) -> bytes:
    return (Path(os.environ["REALCLIENTS_BIN"]) / name).read_bytes()


def _plugin_deb() -> bytes:
    cached = state_dir() / "session-manager-plugin.deb"
    if not cached.exists():
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder) / "pkg"
            binary = root / "usr/local/sessionmanagerplugin/bin/session-manager-plugin"
            binary.parent.mkdir(parents=True)
            binary.write_bytes(_standin_bytes("session-manager-plugin"))
            binary.chmod(0o755)
            (root / "DEBIAN").mkdir()
            (root / "DEBIAN/control").write_text(
                "Package: session-manager-plugin\nVersion: 0.0.0-standin\nArchitecture: amd64\n"
                "Maintainer: stamp <stamp@localhost>\nDescription: stand-in\n")
            subprocess.run(["dpkg-deb", "--build", "--root-owner-group", str(root), str(cached)],
                           check=True, capture_output=True)
    return cached.read_bytes()


def downloads(url: str) -> bytes | None:
    """The local copy a URL is served from, or None (no network here)."""
    if url.startswith("https://dl.k8s.io/release/") and url.endswith("/kubectl"):
        return _standin_bytes("kubectl")
    if url.startswith("https://dl.k8s.io/release/") and url.endswith("/kubectl.sha256"):
        return hashlib.sha256(_standin_bytes("kubectl")).hexdigest().encode()
    if url.startswith("https://s3.amazonaws.com/session-manager-downloads/plugin/") and url.endswith(".deb"):
        return _plugin_deb()
    return None


def curl(argv: list[str]) -> int:
    output, url, index = None, None, 0
    while index < len(argv):
        item = argv[index]
        if item in ("-o", "--output"):
            output = argv[index + 1]
            index += 1
        elif not item.startswith("-"):
            url = item
        index += 1
    record("curl", argv, url=url)
    body = downloads(url or "")
    if body is None:
        sys.stderr.write(f"curl: (6) Could not resolve host: {url} (the stand-in has no copy and there is no network)\n")
        return 6
    if output:
        Path(output).write_bytes(body)
    else:
        sys.stdout.buffer.write(body)
    return 0


def sudo(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    stdin = sys.stdin.buffer.read() if command == "tee" else b""
    record("sudo", argv, stdin=stdin.decode(errors="replace") if stdin else None)
    files = [item for item in argv[1:] if not item.startswith("-")]
    if command == "tee" and files == ["/etc/hosts"]:
        # The job's own hosts file (bind-mounted over /etc/hosts inside the sandbox).
        with open(os.environ["REALCLIENTS_HOSTS"], "ab" if "-a" in argv else "wb") as hosts:
            hosts.write(stdin)
        sys.stdout.buffer.write(stdin)
        return 0
    # Anything else a workflow runs as root is recorded, never run on this machine.
    return 0


def session_manager_plugin(argv: list[str]) -> int:
    record("session-manager-plugin", argv)
    if argv[:1] == ["--version"]:
        print("1.2.0.0-standin")
    return 0

