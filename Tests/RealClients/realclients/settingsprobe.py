"""Executes the Django settings Tutor rendered (env/apps/openedx/settings/{lms,cms}/production.py)
and returns the connection and storage settings they end up with.

edx-platform is not installed here, so its modules are stand-ins: a finder at the end of
sys.meta_path answers every module that is not installed with a permissive stub, and
`lms.envs.production` / `cms.envs.production` get what edx-platform's production settings
provide (Sumac-Verawood): every key of the rendered YAML config (`lms.env.yml`) as a
setting, DATABASES from it, BROKER_URL built from the CELERY_BROKER_* keys as edx-platform
builds it, and the defaults Tutor's files modify (MODULESTORE, VIDEO_IMAGE_SETTINGS,
PROFILE_IMAGE_BACKEND, LOGGING ...). Tutor's own settings and every plugin patch then run
for real on top, in order: what they compute is what the pods would compute.
"""
from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
import types
from pathlib import Path
from typing import Any

import yaml


class Stub:
    """Anything edx-platform would provide that the check does not need: absorbs every use."""

    def __getattr__(self, name: str) -> "Stub":
        return Stub()

    def __call__(self, *args: Any, **kwargs: Any) -> "Stub":
        return Stub()

    def __getitem__(self, key: Any) -> "Stub":
        return Stub()

    def __setitem__(self, key: Any, value: Any) -> None:
        pass

    def __iter__(self):
        return iter(())

    def __contains__(self, item: Any) -> bool:
        return False

    def __bool__(self) -> bool:
        return False

    def __add__(self, other: Any) -> Any:
        return other

    __radd__ = __add__


class StubModule(types.ModuleType):
    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if name.endswith("Warning"):  # warnings.filterwarnings wants a Warning class
            return type(name, (Warning,), {})
        return Stub()


class StubFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def __init__(self, modules: dict[str, dict[str, Any]]):
        self.modules = modules
        self.calls: list[dict[str, Any]] = []

    def find_spec(self, name, path=None, target=None):
        return importlib.machinery.ModuleSpec(name, self, is_package=True)

    def create_module(self, spec):
        module = StubModule(spec.name)
        module.__path__ = []
        module.__dict__.update(self.modules.get(spec.name, {}))
        return module

    def exec_module(self, module):
        pass


# Django 4.2 releases (Sumac, Teak) define DEFAULT_FILE_STORAGE and no STORAGES; Ulmo and
# Verawood (Django 5.2) define STORAGES only (edx-platform#37002).
DJANGO_42 = ("sumac", "teak")


def platform_settings(env_tokens: dict[str, Any], service: str, release: str) -> dict[str, Any]:
    settings = dict(env_tokens)
    broker = "{}://{}:{}@{}/{}".format(
        env_tokens.get("CELERY_BROKER_TRANSPORT", ""), env_tokens.get("CELERY_BROKER_USER", ""),
        env_tokens.get("CELERY_BROKER_PASSWORD", ""), env_tokens.get("CELERY_BROKER_HOSTNAME", ""),
        env_tokens.get("CELERY_BROKER_VHOST", ""))
    settings.update({
        "ENV_TOKENS": env_tokens, "AUTH_TOKENS": env_tokens, "BROKER_URL": broker, "CELERY_BROKER_URL": broker,
        "BROKER_USE_SSL": env_tokens.get("CELERY_BROKER_USE_SSL", False),
        "DATABASES": env_tokens.get("DATABASES", {}), "LOG_DIR": "/openedx/data/logs", "DATA_DIR": "/openedx/data",
        "STATIC_ROOT": "/openedx/staticfiles", "MEDIA_ROOT": "/openedx/media/", "JWT_AUTH": {},
        # FEATURES is merged with the YAML's FEATURES (KEYS_WITH_MERGED_VALUES), not replaced.
        "FEATURES": dict(env_tokens.get("FEATURES") or {}),
        "MODULESTORE": {"default": {"OPTIONS": {"stores": [{"NAME": "split", "OPTIONS": {}}, {"NAME": "draft", "OPTIONS": {}}]}}},
        "VIDEO_IMAGE_SETTINGS": {"STORAGE_KWARGS": {}, "DIRECTORY_PREFIX": "video-images/"},
        "VIDEO_TRANSCRIPTS_SETTINGS": {"STORAGE_KWARGS": {}, "DIRECTORY_PREFIX": "video-transcripts/"},
        "PROFILE_IMAGE_BACKEND": {"class": "openedx.core.storage.OverwriteStorage",
                                  "options": {"location": "/openedx/media/profile-images/", "base_url": "/media/profile-images/"}},
        "LOGGING": {"handlers": {}, "loggers": {"tracking": {}}}, "INSTALLED_APPS": ["lms.djangoapps.coursewarehistoryextended"],
        "DATABASE_ROUTERS": ["openedx.core.lib.django_courseware_routers.StudentModuleHistoryExtendedRouter"],
        "CORS_ORIGIN_WHITELIST": [], "IDA_LOGOUT_URI_LIST": [], "REGISTRATION_EXTRA_FIELDS": {},
        "LMS_ROOT_URL": "https://" + str(env_tokens.get("LMS_BASE", "")), "MIDDLEWARE": [],
    })
    if release in DJANGO_42:
        settings["DEFAULT_FILE_STORAGE"] = "django.core.files.storage.FileSystemStorage"
    else:
        settings["STORAGES"] = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
                                "staticfiles": {"BACKEND": "openedx.core.storage.ProductionStorage"}}
    return settings


def setting_names(code: types.CodeType) -> set[str]:
    names = {name for name in code.co_names if name.isupper() and not name.startswith("_")}
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):
            names |= setting_names(constant)
    return names


def probe(env_root: Path, service: str, release: str) -> dict[str, Any]:
    """Runs `service`'s production settings under env_root and returns the settings."""
    config = yaml.safe_load((env_root / "apps/openedx/config" / f"{service}.env.yml").read_text()) or {}
    recorded: dict[str, Any] = {}

    def update_module_store_settings(modulestore, doc_store_settings=None, **kwargs):
        recorded["modulestore_doc_store"] = dict(doc_store_settings or {})

    modules = {
        f"{service}.envs.production": platform_settings(config, service, release),
        "xmodule.modulestore.modulestore_settings": {"update_module_store_settings": update_module_store_settings},
    }
    finder = StubFinder(modules)
    saved_modules = dict(sys.modules)
    sys.meta_path.append(finder)
    try:
        path = env_root / "apps/openedx/settings" / service / "production.py"
        code = compile(path.read_text(encoding="utf-8"), str(path), "exec")
        namespace: dict[str, Any] = {"__name__": f"{service}.envs.tutor.production", "__file__": str(path)}
        # Every other setting edx-platform defines and the rendered file only reads or
        # extends (CSRF_TRUSTED_ORIGINS.append ...) absorbs what is done to it.
        absent = {"STORAGES"} if release in DJANGO_42 else {"DEFAULT_FILE_STORAGE"}
        namespace.update({name: Stub() for name in setting_names(code) - absent})
        exec(code, namespace)
    finally:
        sys.meta_path.remove(finder)
        for name in set(sys.modules) - set(saved_modules):
            del sys.modules[name]
    namespace.update(recorded)
    return {key: value for key, value in namespace.items()
            if (key.isupper() or key == "modulestore_doc_store") and not isinstance(value, Stub)}
