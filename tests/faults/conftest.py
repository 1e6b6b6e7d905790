"""Fault tests: the CLI run in-process through ``main`` (the real entry point, with its error
path), against bad values, files that are not files, damaged stores and misbehaving servers."""
from __future__ import annotations

import io
import sys
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from oogst import cli


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


RunCli = Callable[..., Run]


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> RunCli:
    """``run_cli("add", path, input=b"…")``: exit code, stdout and stderr of ``oogst …``."""
    monkeypatch.setattr(cli.out, "_width", 1000)  # long lines stay whole, so texts can be found
    monkeypatch.setattr(cli.err, "_width", 1000)

    def run(*args: str, input: bytes | str | None = None) -> Run:
        cli._state["debug"] = False
        monkeypatch.setattr(sys, "argv", ["oogst", *args])
        data = input.encode("utf-8") if isinstance(input, str) else (input or b"")
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
        capsys.readouterr()
        try:
            cli.main()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def assert_clean_error(run: Run, *words: str, code: int | None = None) -> None:
    """A non-zero exit, no traceback, and a message that names the cause."""
    assert run.code != 0, run
    if code is not None:
        assert run.code == code, run
    assert "Traceback" not in run.text and 'File "' not in run.text, run.text
    low = run.err.lower()
    for word in words:
        assert word.lower() in low, (word, run.err)
