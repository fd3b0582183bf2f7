"""A fake EKS API server for Tutor's Python Kubernetes client (`tutor k8s do init`).

Tutor runs each init job with `kubectl apply` (the stand-in) and then polls the batch API
with the Python client until the job succeeded. This server answers those reads from the
objects the kubectl stand-in stored, with every job complete. It serves HTTPS with a
certificate for the clusters' endpoint host names, signed by the CA that DescribeCluster
returns, and accepts only EKS bearer tokens (`k8s-aws-v1.`, from `aws eks get-token`): the
client must have been configured the way `aws eks update-kubeconfig` configures it.
"""
from __future__ import annotations

import datetime
import ipaddress
import json
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from .objects import ObjectStore, parse_selector


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def make_certificates(hosts: list[str], folder: Path) -> tuple[bytes, Path, Path]:
    """A CA (its PEM is returned) and a server certificate for `hosts` and 127.0.0.1."""
    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(_name("kubernetes")).issuer_name(_name("kubernetes"))
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=2))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                       content_commitment=False, key_encipherment=False, data_encipherment=False,
                                       key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    names = [x509.DNSName(host) for host in hosts] + [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
    server = (x509.CertificateBuilder().subject_name(_name("kube-apiserver")).issuer_name(ca.subject)
              .public_key(key.public_key()).serial_number(x509.random_serial_number())
              .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=2))
              .add_extension(x509.SubjectAlternativeName(names), critical=False)
              .sign(ca_key, hashes.SHA256()))
    folder.mkdir(parents=True, exist_ok=True)
    certificate, private = folder / "apiserver.crt", folder / "apiserver.key"
    certificate.write_bytes(server.public_bytes(serialization.Encoding.PEM))
    private.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
    return ca.public_bytes(serialization.Encoding.PEM), certificate, private


class FakeAPIServer:
    def __init__(self, objects: Path, log: Path, certificate: Path, key: Path, version: str):
        """`objects/<API server host>/` holds each cluster's objects (the kubectl stand-in's store)."""
        self.objects, self.log, self.version = objects, log, version
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(certificate, key)
        self.servers: list[ThreadingHTTPServer] = []

    def start(self, ports: list[int]) -> None:
        for port in ports:
            server = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
            server.socket = self.context.wrap_socket(server.socket, server_side=True)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            self.servers.append(server)

    def stop(self) -> None:
        for server in self.servers:
            server.shutdown()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # quiet; requests go to api.log
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                url = urlparse(self.path)
                token = self.headers.get("Authorization", "")
                with open(api.log, "a", encoding="utf-8") as log:
                    log.write(json.dumps({"path": url.path, "query": url.query,
                                          "eks_token": token.startswith("Bearer k8s-aws-v1.")}) + "\n")
                if not token.startswith("Bearer k8s-aws-v1."):
                    return self.reply(401, {"kind": "Status", "code": 401, "message": "Unauthorized"})
                host = (self.headers.get("Host") or "").split(":")[0].lower()
                body = api.answer(ObjectStore(api.objects / host), url.path, parse_qs(url.query))
                if body is None:
                    return self.reply(404, {"kind": "Status", "code": 404, "message": f"{url.path} not served by the fake API"})
                self.reply(200, body)

            def reply(self, code: int, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler

    def answer(self, store: ObjectStore, path: str, query: dict[str, list[str]]) -> dict | None:
        parts = path.strip("/").split("/")
        if parts == ["version"]:
            major, minor = self.version.split(".")[:2]
            return {"major": major, "minor": minor, "gitVersion": f"v{self.version}.0-eks"}
        if len(parts) == 6 and parts[:3] == ["apis", "batch", "v1"] and parts[3] == "namespaces" and parts[5] == "jobs":
            return {"apiVersion": "batch/v1", "kind": "JobList", "metadata": {},
                    "items": [self._completed(job) for job in self._select(store, parts[4], "Job", query)]}
        if len(parts) == 5 and parts[:2] == ["api", "v1"] and parts[4] == "pods":
            return {"apiVersion": "v1", "kind": "PodList", "metadata": {}, "items": []}
        return None

    def _select(self, store: ObjectStore, namespace: str, kind: str, query: dict[str, list[str]]) -> list[dict]:
        items = [item for item in store.items(kind, namespace)
                 if (item.get("metadata") or {}).get("namespace", namespace) == namespace]
        for selector in query.get("labelSelector", []):
            matches = parse_selector(selector)
            items = [item for item in items if matches((item.get("metadata") or {}).get("labels") or {})]
        for selector in query.get("fieldSelector", []):
            field, _, value = selector.partition("=")
            if field == "metadata.name":
                items = [item for item in items if item["metadata"].get("name") == value]
        return items

    @staticmethod
    def _completed(job: dict) -> dict:
        job = dict(job)
        job["status"] = {"succeeded": 1, "conditions": [{"type": "Complete", "status": "True"}]}
        return job
