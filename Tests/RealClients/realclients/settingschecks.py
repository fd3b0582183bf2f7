"""The rest of the settings the plan decides: MySQL, storage, search and e-mail."""
from __future__ import annotations

from typing import Any

from .connections import S3, Expectation, broker_problems, mongodb_problems, redis_problems


def mysql_problems(settings: dict[str, Any], expect: Expectation) -> list[str]:
    database = (settings.get("DATABASES") or {}).get("default") or {}
    secret = expect.secret(expect.isolation["secrets"]["mysql"])
    planned = {"HOST": expect.parameter("aurora_writer_endpoint"), "PORT": 3306, "NAME": expect.isolation["mysql_database"],
               "USER": expect.isolation["mysql_user"], "PASSWORD": secret["password"]}
    problems = [f"DATABASES.default.{key}: {database.get(key)!r}, planned {value!r}"
                for key, value in planned.items() if database.get(key) != value and key != "PASSWORD"]
    if database.get("PASSWORD") != secret["password"]:
        problems.append("DATABASES.default.PASSWORD is not the instance's password")
    if (database.get("OPTIONS") or {}).get("charset") != "utf8mb4":
        problems.append("DATABASES.default: no utf8mb4 charset")
    return problems


def _storage(options: dict[str, Any] | None) -> dict[str, Any]:
    return options or {}


def storage_problems(settings: dict[str, Any], expect: Expectation, service: str) -> list[str]:
    buckets = expect.deployment["buckets"]
    private, public = buckets["private_files"], buckets["public_assets"]
    problems = []
    default = (settings.get("STORAGES") or {}).get("default", {}).get("BACKEND") or settings.get("DEFAULT_FILE_STORAGE")
    if default != S3 or settings.get("AWS_STORAGE_BUCKET_NAME") != private:
        problems.append(f"default storage {default} in {settings.get('AWS_STORAGE_BUCKET_NAME')!r}, planned S3 in {private}")
    checks = {
        "VIDEO_IMAGE_SETTINGS": (settings.get("VIDEO_IMAGE_SETTINGS") or {}).get("STORAGE_CLASS"),
        "VIDEO_TRANSCRIPTS_SETTINGS": (settings.get("VIDEO_TRANSCRIPTS_SETTINGS") or {}).get("STORAGE_CLASS"),
        "GRADES_DOWNLOAD": (settings.get("GRADES_DOWNLOAD") or {}).get("STORAGE_CLASS"),
        "OPENEDX_LEARNING.MEDIA": ((settings.get("OPENEDX_LEARNING") or {}).get("MEDIA") or {}).get("BACKEND"),
    }
    problems += [f"{name}: {backend} is not S3 (files would stay on the pod's disk)" for name, backend in checks.items() if backend != S3]
    located = {
        "VIDEO_IMAGE_SETTINGS": (_storage(settings.get("VIDEO_IMAGE_SETTINGS")).get("STORAGE_KWARGS"), public),
        "VIDEO_TRANSCRIPTS_SETTINGS": (_storage(settings.get("VIDEO_TRANSCRIPTS_SETTINGS")).get("STORAGE_KWARGS"), private),
        "GRADES_DOWNLOAD": (_storage(settings.get("GRADES_DOWNLOAD")).get("STORAGE_KWARGS"), private),
        "OPENEDX_LEARNING.MEDIA": (((settings.get("OPENEDX_LEARNING") or {}).get("MEDIA") or {}).get("OPTIONS"), private),
    }
    if service == "lms":
        profile = settings.get("PROFILE_IMAGE_BACKEND") or {}
        if profile.get("class") != S3:
            problems.append(f"PROFILE_IMAGE_BACKEND: {profile.get('class')} is not S3")
        located["PROFILE_IMAGE_BACKEND"] = (profile.get("options"), public)
    for name, (options, bucket) in located.items():
        options = options or {}
        if options.get("bucket_name") != bucket:
            problems.append(f"{name}: bucket {options.get('bucket_name')!r}, planned {bucket}")
        if str(options.get("location", "")).startswith("/"):
            problems.append(f"{name}: location {options['location']!r} is a path on the pod's disk, not a key prefix")
    cdn = expect.deployment["hosts"].get("cdn")
    profile_options = (settings.get("PROFILE_IMAGE_BACKEND") or {}).get("options") or {}
    if service == "lms" and cdn and profile_options.get("custom_domain") != cdn:
        problems.append(f"PROFILE_IMAGE_BACKEND: custom_domain {profile_options.get('custom_domain')!r}, planned {cdn}")
    if service == "cms" and settings.get("COURSE_IMPORT_EXPORT_BUCKET") != private:
        problems.append(f"COURSE_IMPORT_EXPORT_BUCKET {settings.get('COURSE_IMPORT_EXPORT_BUCKET')!r}, planned {private}")
    return problems


def search_problems(settings: dict[str, Any], expect: Expectation) -> list[str]:
    if not expect.services["opensearch"]:
        return []
    problems = []
    if settings.get("SEARCH_ENGINE") != "search.elastic.ElasticSearchEngine":
        problems.append(f"SEARCH_ENGINE {settings.get('SEARCH_ENGINE')!r}, planned edx-search's Elasticsearch engine")
    config = (settings.get("ELASTIC_SEARCH_CONFIG") or [{}])[0]
    master = expect.secret(expect.environment["secrets"]["opensearch_master"])
    if config.get("host") != expect.parameter("opensearch_endpoint") or config.get("port") != 443 or not config.get("use_ssl"):
        problems.append(f"ELASTIC_SEARCH_CONFIG: {config.get('host')}:{config.get('port')} ssl={config.get('use_ssl')}")
    if tuple(config.get("http_auth") or ()) != (master["username"], master["password"]):
        problems.append("ELASTIC_SEARCH_CONFIG: not the domain's master user")
    if settings.get("ELASTIC_SEARCH_INDEX_PREFIX") != expect.isolation["search_index_prefix"]:
        problems.append(f"ELASTIC_SEARCH_INDEX_PREFIX {settings.get('ELASTIC_SEARCH_INDEX_PREFIX')!r}")
    return problems


def email_problems(settings: dict[str, Any], expect: Expectation) -> list[str]:
    if not expect.services["ses"]:
        return []
    smtp = expect.secret(expect.environment["secrets"]["ses_smtp"])
    planned = {"EMAIL_HOST": f"email-smtp.{expect.plan['aws']['region']}.amazonaws.com", "EMAIL_PORT": 587,
               "EMAIL_USE_TLS": True, "EMAIL_HOST_USER": smtp["username"],
               "DEFAULT_FROM_EMAIL": f"no-reply@{expect.environment['domain']}"}
    problems = [f"{key}: {settings.get(key)!r}, planned {value!r}" for key, value in planned.items() if settings.get(key) != value]
    if settings.get("EMAIL_HOST_PASSWORD") != smtp["password"]:
        problems.append("EMAIL_HOST_PASSWORD is not the SES SMTP password")
    return problems


def all_problems(settings: dict[str, Any], expect: Expectation, service: str) -> list[str]:
    problems = []
    for check in (mysql_problems, redis_problems, broker_problems, mongodb_problems, search_problems, email_problems):
        problems += check(settings, expect)
    problems += storage_problems(settings, expect, service)
    return [f"{service}: {problem}" for problem in problems]
