"""A TestClient that knows its session's CSRF token, shared by the route tests."""
from __future__ import annotations

import re
import time
import warnings
from collections.abc import Callable

warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
from fastapi.testclient import TestClient  # noqa: E402

TOPIC = "interbestuurlijk samenwerken"
PERIOD = "2025-Q3..2026-Q1"
BASE = "http://127.0.0.1"


class Client(TestClient):
    """A TestClient that knows this session's CSRF token."""

    csrf: str = ""

    def __init__(self, *args: object, **kw: object) -> None:
        super().__init__(*args, **kw)  # type: ignore[arg-type]
        # the route tests read the English texts; Dutch, the default, is tested in test_i18n.py
        self.cookies.set("oogst_lang", "en")

    def refresh_csrf(self) -> str:
        page = self.get("/digests")
        self.csrf = re.search(r'name="csrf-token" content="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
        return self.csrf

    def form(self, url: str, data: dict[str, str] | None = None, **kw: object):  # noqa: ANN201
        return self.post(url, data={"csrf_token": self.csrf, **(data or {})}, **kw)  # type: ignore[arg-type]

    def wait_job(self, job_id: int, timeout: float = 30) -> dict:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            job = self.get(f"/api/jobs/{job_id}").json()
            if job["finished"]:
                return job
            time.sleep(0.05)
        raise AssertionError(f"job {job_id} did not finish")


MakeClient = Callable[..., Client]


def faithful_cut(text: str) -> str:
    """A faithful shortening of ``text``: the longest inner run of words that no claim depends on
    (no negation, number, quantifier or condition; no clause-ending punctuation), cut and marked."""
    from oogst.check import meaning_words

    words = text.split()
    plain = [meaning_words().category(w.strip(".,;:!?‘’“”„")) is None and w[-1] not in ",;:." for w in words]
    best = (0, 0)
    for i in range(1, len(words) - 1):
        j = i
        while j < len(words) - 1 and plain[j]:
            j += 1
        best = max(best, (j - i, i))
    n, i = best
    assert n >= 2, f"no faithful cut of two words or more in {text!r}"
    return " ".join(words[:i]) + " […] " + " ".join(words[i + n:])
