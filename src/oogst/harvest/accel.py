"""The compiled harvest: the same modules, compiled to C by mypyc, used when they match.

The harvest modules (``MODULES``) are plain, strictly typed Python. ``scripts/build_native.py``
(run by ``scripts/setup.sh``) compiles them with mypyc into ``_compiled/`` beside them, with the
SHA-256 of every source it compiled. ``activate`` puts that folder first on the package's search
path only when every source still has the hash it was compiled from and the build is for this
interpreter: an edited module, a missing build or another Python means the pure-Python modules
run, with a warning when a build is there but has gone stale (checking costs about 0.2 ms at
import: seven files hashed). Both give the same
output (``tests/harvest/test_compiled.py`` holds them to it); the compiled one is faster, since
most of a harvest is Python-level work per name, quote mark and sentence.

``OOGST_PURE=1`` in the environment always runs the pure-Python modules.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import sysconfig
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
COMPILED_DIR = HERE / "_compiled"
MANIFEST = COMPILED_DIR / "SOURCES.json"
# compiled together, so that they call each other in C; __init__ (and this module) stay Python
MODULES = ("text", "marks", "people", "speakers", "quotes", "boxes", "kinds")


def source_hashes() -> dict[str, str]:
    """SHA-256 of each compiled module's source, by module name."""
    return {m: hashlib.sha256((HERE / f"{m}.py").read_bytes()).hexdigest() for m in MODULES}


def interpreter_tag() -> str:
    """What a compiled module is bound to: the interpreter's extension suffix."""
    return str(sysconfig.get_config_var("EXT_SUFFIX"))


def status(environ: bool = True) -> str:
    """ "compiled", "pure (OOGST_PURE)", "pure (not built)", "pure (stale: …)" or "pure (other
    Python: …)": what ``activate`` would decide, and why (with ``environ=False``: whether the
    build matches, whatever OOGST_PURE says)."""
    if environ and os.environ.get("OOGST_PURE"):
        return "pure (OOGST_PURE)"
    try:
        manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "pure (not built)"
    if manifest.get("ext_suffix") != interpreter_tag():
        return f"pure (other Python: built for {manifest.get('ext_suffix')})"
    changed = [m for m, h in source_hashes().items() if manifest.get("sources", {}).get(m) != h]
    if changed:
        return f"pure (stale: {', '.join(changed)} changed since the build)"
    suffix = interpreter_tag()
    missing = [m for m in MODULES if not (COMPILED_DIR / "oogst" / "harvest" / f"{m}{suffix}").exists()]
    if missing or not (COMPILED_DIR / manifest.get("runtime", "")).is_file():
        return "pure (not built)"
    return "compiled"


def activate(package_path: list[str]) -> bool:
    """Put the compiled modules first on ``package_path`` (the harvest package's ``__path__``)
    when ``status()`` says they match; return whether they are used."""
    state = status()
    if state != "compiled":
        if state.startswith("pure (stale"):
            warnings.warn(f"oogst: the compiled harvest is out of date, the pure-Python one runs "
                          f"({state[6:-1]}); scripts/setup.sh rebuilds it", RuntimeWarning, stacklevel=3)
        return False
    # the runtime library that the compiled modules share is a top-level module of the build
    if str(COMPILED_DIR) not in sys.path:
        sys.path.append(str(COMPILED_DIR))
    package_path.insert(0, str(COMPILED_DIR / "oogst" / "harvest"))
    return True
