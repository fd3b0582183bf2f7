"""Parses the connection settings the rendered Django settings computed with the real client
libraries (redis-py, kombu, pymongo) and compares them with the plan and the seeded values.

MongoDB clients are built the way edx-platform builds them (xmodule/mongo_utils.py
connect_to_mongodb: `db`, `user`, `password` and `authsource` become MongoClient's database,
username, password and authSource; the other keys pass through) and the forum's
(`MongoClient(**FORUM_MONGODB_CLIENT_PARAMETERS)`), with connect=False: the client parses
and validates everything, including the TLS CA file, without dialling.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

S3 = "storages.backends.s3boto3.S3Boto3Storage"


class Expectation:
    """What one deployment's settings must hold: from the plan and the seeded world."""

    def __init__(self, plan: dict, environment: dict, deployment: dict, seeded) -> None:
        self.plan, self.environment, self.deployment, self.seeded = plan, environment, deployment, seeded
        self.isolation = deployment["isolation"]
        self.services = plan["services"]

    def parameter(self, key: str) -> str:
        return self.seeded.parameters[self.environment["parameters"][key]]

    def secret(self, name: str) -> dict:
        import json

        return json.loads(self.seeded.secrets[name])


def _redis_problems(label: str, url: str, expect: Expectation, database: int) -> list[str]:
    import redis

    pool = redis.ConnectionPool.from_url(url)
    kwargs = pool.connection_kwargs
    problems = []
    if pool.connection_class is not redis.SSLConnection:
        problems.append(f"{label}: {url.split('@')[-1]} is not TLS (rediss://)")
    if kwargs.get("host") != expect.parameter("redis_primary_endpoint") or kwargs.get("port") != 6379:
        problems.append(f"{label}: host {kwargs.get('host')}:{kwargs.get('port')}, planned {expect.parameter('redis_primary_endpoint')}:6379")
    if kwargs.get("db", 0) != database:
        problems.append(f"{label}: database {kwargs.get('db', 0)}, planned {database}")
    if kwargs.get("password") != expect.secret(expect.environment["secrets"]["redis_auth"])["password"]:
        problems.append(f"{label}: the AUTH token does not reach redis-py intact")
    return problems


def redis_problems(settings: dict[str, Any], expect: Expectation) -> list[str]:
    problems = []
    prefix = expect.isolation["redis_key_prefix"]
    for name, cache in sorted((settings.get("CACHES") or {}).items()):
        if "django_redis" not in str(cache.get("BACKEND")):
            continue
        problems += _redis_problems(f"CACHES[{name}]", cache["LOCATION"], expect, expect.isolation["redis_cache_database"])
        if not str(cache.get("KEY_PREFIX", "")).startswith(prefix):
            problems.append(f"CACHES[{name}]: KEY_PREFIX {cache.get('KEY_PREFIX')!r} does not start with {prefix!r}")
    event_bus = settings.get("EVENT_BUS_REDIS_CONNECTION_URL")
    if event_bus:
        problems += _redis_problems("EVENT_BUS_REDIS_CONNECTION_URL", event_bus, expect, expect.isolation["redis_cache_database"])
        if settings.get("EVENT_BUS_TOPIC_PREFIX") != expect.deployment["instance"]:
            problems.append(f"EVENT_BUS_TOPIC_PREFIX {settings.get('EVENT_BUS_TOPIC_PREFIX')!r}, planned {expect.deployment['instance']!r}")
    return problems


def broker_problems(settings: dict[str, Any], expect: Expectation) -> list[str]:
    import ssl

    from kombu import Connection

    problems = []
    for name, ssl_name in (("BROKER_URL", "BROKER_USE_SSL"), ("CELERY_BROKER_URL", "CELERY_BROKER_USE_SSL")):
        url = settings.get(name)
        if not url:
            continue
        connection = Connection(url, ssl=settings.get(ssl_name))
        info = connection.info()
        if info["hostname"] != expect.parameter("redis_primary_endpoint") or info["port"] != 6379:
            problems.append(f"{name}: host {info['hostname']}:{info['port']}")
        if str(info["virtual_host"]) != str(expect.isolation["redis_celery_database"]):
            problems.append(f"{name}: database {info['virtual_host']}, planned {expect.isolation['redis_celery_database']}")
        if info["password"] != expect.secret(expect.environment["secrets"]["redis_auth"])["password"]:
            problems.append(f"{name}: the AUTH token does not reach kombu intact")
        secure = info.get("ssl")
        if not (isinstance(secure, dict) and secure.get("ssl_cert_reqs") == ssl.CERT_REQUIRED):
            problems.append(f"{name}: kombu does not verify TLS ({ssl_name}={secure!r})")
    return problems


def mongo_client(parameters: dict[str, Any], edx: bool):
    import pymongo

    arguments = dict(parameters)
    database = arguments.pop("db", None)
    if edx:  # connect_to_mongodb: authsource/authSource (else the database), user and password
        user, password = arguments.pop("user", None), arguments.pop("password", None)
        source = next((arguments.pop(key) for key in ("authSource", "authsource") if key in arguments), None) or database
        if arguments.get("replicaSet") == "":
            arguments["replicaSet"] = None
        if user is not None and password is not None:
            arguments.update(username=user, password=password, authSource=source)
    arguments["connect"] = False
    return pymongo.MongoClient(**arguments)


def mongo_problems(label: str, parameters: dict[str, Any], database: str, expect: Expectation, edx: bool) -> list[str]:
    import ssl

    problems = []
    try:
        client = mongo_client(parameters, edx)
    except Exception as error:  # noqa: BLE001 - pymongo's refusal is the finding
        return [f"{label}: pymongo refuses the settings: {error}"]
    seeds = {f"{host}:{port}" for host, port in client.topology_description._topology_settings.seeds}
    options = client.options
    if expect.services["mongodb"] == "replica-set":
        planned = set(expect.seeded.mongodb_members[expect.environment["name"]])
        if seeds != planned:
            problems.append(f"{label}: seeds {sorted(seeds)}, planned {sorted(planned)}")
        if options.replica_set_name != expect.parameter("mongodb_replica_set"):
            problems.append(f"{label}: replica set {options.replica_set_name!r}")
        credentials = options.pool_options._credentials
        if credentials is None or credentials.username != expect.isolation["mongodb_user"] or credentials.source != expect.isolation["mongodb_database"]:
            problems.append(f"{label}: user {getattr(credentials, 'username', None)!r} in "
                            f"{getattr(credentials, 'source', None)!r}, planned {expect.isolation['mongodb_user']!r} in {expect.isolation['mongodb_database']!r}")
        context = options.pool_options._ssl_context
        if context is None or context.verify_mode != ssl.CERT_REQUIRED:
            problems.append(f"{label}: TLS is off or does not verify the members' certificates")
        ca_file = parameters.get("tlsCAFile") or parameters.get("tlscafile")
        ca_pem = expect.parameter("mongodb_ca_certificate")
        if not ca_file or not Path(ca_file).exists() or Path(ca_file).read_text().strip() != ca_pem.strip():
            problems.append(f"{label}: no CA file with the environment's CA (tlsCAFile={ca_file!r})")
    elif options.pool_options._ssl_context is None:
        problems.append(f"{label}: TLS is off")
    if database != expect.isolation["mongodb_database"]:
        problems.append(f"{label}: database {database!r}, planned {expect.isolation['mongodb_database']!r}")
    client.close()
    return problems


def mongodb_problems(settings: dict[str, Any], expect: Expectation) -> list[str]:
    problems = []
    doc_store = settings.get("DOC_STORE_CONFIG") or {}
    problems += mongo_problems("DOC_STORE_CONFIG", doc_store, doc_store.get("db", ""), expect, edx=True)
    modulestore = settings.get("modulestore_doc_store") or {}
    problems += mongo_problems("MODULESTORE", modulestore, modulestore.get("db", ""), expect, edx=True)
    if "FORUM_MONGODB_CLIENT_PARAMETERS" in settings:
        problems += mongo_problems("FORUM_MONGODB_CLIENT_PARAMETERS", settings["FORUM_MONGODB_CLIENT_PARAMETERS"],
                                   settings.get("FORUM_MONGODB_DATABASE", ""), expect, edx=False)
    return problems
