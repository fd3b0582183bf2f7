"""The Terraform functions that name things (format, replace, merge, ...), for hclexpr.
Arguments arrive evaluated and known; an unknown argument never reaches them."""
from __future__ import annotations

import re
from typing import Any, Callable

from .hclexpr import UNKNOWN, as_text


def _merge(*maps: Any) -> Any:
    merged: dict[str, Any] = {}
    for item in maps:
        if not isinstance(item, dict):
            return UNKNOWN
        merged.update(item)
    return merged


FUNCTIONS: dict[str, Callable[..., Any]] = {
    "lower": lambda s: s.lower(),
    "upper": lambda s: s.upper(),
    "replace": lambda s, a, b: re.sub(a[1:-1], b.replace("$", "\\"), s) if a.startswith("/") else s.replace(a, b),
    "substr": lambda s, start, length: s[start:] if length < 0 else s[start:start + length],
    "format": lambda f, *args: re.sub(r"%[sd]", lambda m, it=iter(args): as_text(next(it)), f),
    "join": lambda sep, items: sep.join(as_text(item) for item in items),
    "merge": _merge,
    "concat": lambda *lists: [item for items in lists for item in items],
    "coalesce": lambda *values: next((v for v in values if v not in (None, "")), None),
    "tostring": lambda s: as_text(s),
    "tolist": lambda items: list(items),
    "toset": lambda items: sorted(set(items), key=as_text),
    "length": lambda items: len(items),
    "keys": lambda m: sorted(m),
    "values": lambda m: [m[k] for k in sorted(m)],
    "lookup": lambda m, key, default=None: m.get(key, default),
    "min": min,
    "max": max,
    "trimsuffix": lambda s, suffix: s[:-len(suffix)] if suffix and s.endswith(suffix) else s,
    "trimprefix": lambda s, prefix: s[len(prefix):] if s.startswith(prefix) else s,
    "try": lambda *values: next((v for v in values if v is not UNKNOWN), UNKNOWN),
}
