"""Runs inside a Tutor venv (the locked requirements): what this Tutor makes of a Tutor root.

`python tutorprobe.py ROOT KEY...` prints JSON: the plugins config.yml lists and the ones
that loaded, the keys of config.yml that neither Tutor nor a loaded plugin defines, the keys
Tutor generates itself (base.yml and CONFIG_UNIQUE), and each KEY's value as
`tutor config printvalue` computes it (tutor.config.load). Plugins load the way the `tutor`
command loads them (CORE_READY, then PROJECT_ROOT_READY with the root).
"""
import json
import os
import sys


def main(root: str, keys: list[str]) -> dict:
    os.environ["TUTOR_ROOT"] = root
    import tutor.commands.cli  # noqa: F401 - registers the commands' hooks as the CLI does
    from tutor import config as tutor_config
    from tutor import hooks, plugins

    hooks.Actions.CORE_READY.do()
    hooks.Actions.PROJECT_ROOT_READY.do(root)
    with open(os.path.join(root, "config.yml"), encoding="utf-8") as source:
        import yaml

        user = yaml.safe_load(source) or {}
    defaults = tutor_config.get_defaults()
    base = tutor_config.get_base()
    generated = set(tutor_config.get_template("base.yml")) | {name for name, _ in hooks.Filters.CONFIG_UNIQUE.iterate()}
    loaded = sorted(plugins.iter_loaded())
    listed = user.get("PLUGINS") or []
    full = tutor_config.load(root)
    return {
        "tutor_version": __import__("tutor.__about__", fromlist=["__version__"]).__version__,
        "listed_plugins": listed,
        "loaded_plugins": loaded,
        "missing_plugins": sorted(set(listed) - set(loaded)),
        "unknown_keys": sorted(set(user) - set(defaults) - set(base) - {"PLUGINS", "PLUGIN_INDEXES"}),
        "generated_keys": sorted(generated),
        "values": {key: full.get(key) for key in keys},
        "missing_values": sorted(key for key in keys if key not in full),
    }


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2:]), default=str, sort_keys=True))
