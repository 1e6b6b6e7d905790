"""A demo store made once per session; every test works on its own copy."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from oogst.ingest import add
from oogst.store import Store
from oogst.web import WebSettings, create_app
from oogst.web.workspace import Workspace

from webclient import BASE, PERIOD, TOPIC, Client, MakeClient


@pytest.fixture(scope="session")
def demo_store_template(tmp_path_factory: pytest.TempPathFactory, demo_corpus: Path) -> Path:
    """The demo corpus ingested, with one digest (id 1) for the demo topic and period."""
    path = tmp_path_factory.mktemp("template") / "oogst.db"
    with Store(path) as st:
        add(st, [str(demo_corpus)], glob="*.html")
        Workspace(path).create(st, TOPIC, PERIOD, None, None)
    return path


@pytest.fixture()
def demo_store(tmp_path: Path, demo_store_template: Path) -> Path:
    path = tmp_path / "oogst.db"
    shutil.copy(demo_store_template, path)
    return path


@pytest.fixture()
def make_client() -> Iterator[MakeClient]:
    made: list[Client] = []

    def make(store: Path, **settings: object) -> Client:
        client = Client(create_app(WebSettings.build(store, **settings)), base_url=BASE)  # type: ignore[arg-type]
        client.__enter__()
        made.append(client)
        client.refresh_csrf()
        return client

    yield make
    for client in made:
        client.__exit__(None, None, None)


@pytest.fixture()
def client(demo_store: Path, make_client: MakeClient) -> Client:
    return make_client(demo_store)


@pytest.fixture()
def empty_client(tmp_path: Path, make_client: MakeClient) -> Client:
    return make_client(tmp_path / "empty.db")
