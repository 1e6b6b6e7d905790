"""How the web UI runs: one frozen value built once by ``oogst serve`` (or a test)."""
from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path

from oogst.errors import InputError

TOKEN_ENV = "OOGST_TOKEN"
MIN_TOKEN_LENGTH = 12
DEFAULT_MAX_UPLOAD = 50 * 1024 * 1024  # bytes per request (all files of one upload together)
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address to bind) is this machine only."""
    host = host.strip().strip("[]").lower()
    if host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class WebSettings:
    """The store to work on and the safety settings of the server.

    ``token``: when set, every request must carry it (a login form sets a cookie, or the
    ``X-Oogst-Token`` header). It is required for any non-loopback ``host``.
    ``allow_private``: URLs typed in the UI may point at loopback / private / link-local
    addresses (an intranet). Off by default: a server must not fetch inside its own network.
    """

    store: Path
    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    allow_private: bool = False
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD

    @classmethod
    def build(cls, store: Path, host: str = "127.0.0.1", port: int = 8000, *,
              token: str | None = None, allow_private: bool = False,
              max_upload_bytes: int = DEFAULT_MAX_UPLOAD) -> WebSettings:
        """Validated settings; raises InputError with a sentence an operator can act on."""
        if token is not None and token and not token.strip():
            raise InputError(f"{TOKEN_ENV} is blank (only spaces): use at least {MIN_TOKEN_LENGTH} random characters")
        if token is not None and token != token.strip():
            raise InputError(f"{TOKEN_ENV} starts or ends with a space: remove it (a pasted token often carries one)")
        token = token or None
        if not is_loopback(host) and token is None:
            raise InputError(f"refusing to serve on {host}, which other machines can reach, without a token: "
                             f"set {TOKEN_ENV} to a long random secret (or use --host 127.0.0.1)")
        if token is not None and len(token) < MIN_TOKEN_LENGTH:
            raise InputError(f"{TOKEN_ENV} is too short: use at least {MIN_TOKEN_LENGTH} random characters")
        if not 0 < port < 65536:
            raise InputError(f"--port {port} is not a TCP port (1–65535)")
        if max_upload_bytes <= 0:
            raise InputError("the upload limit must be positive")
        return cls(Path(store), host, port, token, allow_private, max_upload_bytes)

    @classmethod
    def from_env(cls, store: Path, host: str = "127.0.0.1", port: int = 8000, **kw: object) -> WebSettings:
        return cls.build(store, host, port, token=os.environ.get(TOKEN_ENV), **kw)  # type: ignore[arg-type]

    @property
    def loopback(self) -> bool:
        return is_loopback(self.host)

    @property
    def uploads(self) -> Path:
        """The only folder uploads are written to: next to the store, named after it."""
        store = self.store.resolve()
        return store.parent / f"{store.stem}-uploads"


__all__ = ["TOKEN_ENV", "WebSettings", "is_loopback"]
