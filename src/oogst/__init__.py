"""oogst — harvest what people said from a pile of articles into a one-page digest.

The public surface is exactly ``__all__`` plus the stage modules named after their verb
(``oogst.harvest.harvest``, ``oogst.render.render``, ``oogst.evaluate.evaluate``); everything else
is implementation. Heavy parts
(rendering, selection) are imported lazily so that ``import oogst`` stays fast.
"""
from importlib import import_module as _import_module
from typing import Any as _Any

__version__ = "0.1.0"

_LAZY = {
    "Store": "oogst.store",
    "add": "oogst.ingest",
    "build_digest": "oogst.digest",
    "check_abridgement": "oogst.check",
    "check_digest": "oogst.check",
    "load_gold": "oogst.evaluate",
    "parse_period": "oogst.select.period",
    "Document": "oogst.models",
    "Item": "oogst.models",
    "Harvest": "oogst.models",
    "Skipped": "oogst.models",
    "Candidate": "oogst.models",
    "Digest": "oogst.models",
    "DigestItem": "oogst.models",
    "Lesson": "oogst.models",
    "Source": "oogst.models",
    "OogstError": "oogst.errors",
    "InputError": "oogst.errors",
    "PeriodError": "oogst.errors",
    "LanguageError": "oogst.errors",
    "DigestFileError": "oogst.errors",
    "StoreError": "oogst.errors",
    "FetchError": "oogst.errors",
    "RenderError": "oogst.errors",
    "UnfaithfulEditError": "oogst.errors",
}

__all__ = sorted(_LAZY) + ["__version__"]


def __getattr__(name: str) -> _Any:
    if name in _LAZY:
        return getattr(_import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'oogst' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
