"""oogst/tuning.py: every number of selection and grouping in one frozen record, each with its
reason, passed down from ``build_digest`` to the stage that reads it, and documented in
``docs/architecture.md`` by tables made from it."""
from __future__ import annotations

import ast
import re
import subprocess
import sys
from dataclasses import FrozenInstanceError, fields
from pathlib import Path

import pytest

from oogst.digest import build_digest
from oogst.digest_eval import corpus_folders, load_corpus
from oogst.digest_json import dumps
from oogst.tuning import END, STAGES, START, TUNING, Tuning, markdown, rewritten, rows

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "oogst"
ARCHITECTURE = ROOT / "docs" / "architecture.md"
# the modules whose numbers Tuning holds: they read them from the ``tuning`` passed in
STAGE_MODULES = sorted([*(SRC / "select").glob("*.py"), SRC / "group.py", SRC / "titles.py", SRC / "digest.py"])


def test_tuning_is_frozen_and_hashable() -> None:
    with pytest.raises(FrozenInstanceError):
        TUNING.diversity.lam = 0.5  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        TUNING.shortlist = TUNING.shortlist  # type: ignore[misc]
    assert hash(TUNING) == hash(Tuning()) and TUNING == Tuning()


def test_every_number_has_a_reason_and_one_name() -> None:
    listed = list(rows())
    assert len(listed) > 100
    for stage, name, value, reason in listed:
        assert reason.strip(), f"{stage}.{name} has no reason"
        assert "\n" not in reason and len(reason) < 200, f"{stage}.{name}: one line, please"
        assert value is None or isinstance(value, (int, float, tuple)), f"{stage}.{name} is not a number"
    names = [name for _, name, _, _ in listed]
    assert len(names) == len(set(names)), "a name in two stages: Tuning.changed could not tell them apart"
    assert [f.name for f in fields(Tuning)] == list(STAGES)
    assert all(type(getattr(TUNING, s)).__doc__ for s in STAGES)


def test_changed_names_a_number_without_its_stage() -> None:
    t = TUNING.changed(max_items=8, lam=0.5, kind_takeaway=1.0)
    assert (t.shortlist.max_items, t.diversity.lam, t.ranking.kind_takeaway) == (8, 0.5, 1.0)
    assert t.grouping == TUNING.grouping and TUNING.shortlist.max_items == 16  # a copy; the default stays
    with pytest.raises(TypeError, match="no tuning number is called 'max_itmes'"):
        TUNING.changed(max_itmes=8)


def test_the_docs_show_the_tables_of_the_code() -> None:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    assert text.count(START) == 1 and text.count(END) == 1
    section = text.split(START, 1)[1].split(END, 1)[0]
    assert section == f"\n{markdown()}", "docs/architecture.md differs from oogst.tuning: run python -m oogst.tuning"
    for stage, name, value, _ in rows():
        assert f"| `{name}` |" in section


def test_rewriting_replaces_only_the_section(tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text(f"# Top\n\n{START}\nold tables\n{END}\n\nafter\n", encoding="utf-8")
    run = [sys.executable, "-m", "oogst.tuning", str(doc)]
    assert subprocess.run([*run, "--check"], capture_output=True).returncode == 1
    assert subprocess.run(run, capture_output=True).returncode == 0
    assert doc.read_text(encoding="utf-8") == f"# Top\n\n{START}\n{markdown()}{END}\n\nafter\n"
    assert subprocess.run([*run, "--check"], capture_output=True).returncode == 0
    with pytest.raises(ValueError, match="no <!-- tuning:start -->"):
        rewritten("no markers here")


def _source(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_every_number_is_read_by_the_code() -> None:
    code = "\n".join(_source(p) for p in SRC.rglob("*.py") if p.name != "tuning.py")
    unread = [name for _, name, _, _ in rows() if not re.search(rf"\.{name}\b", code)]
    assert unread == []


def test_no_stage_looks_a_number_up_itself() -> None:
    """``TUNING`` only as a parameter's default: a stage reads the ``tuning`` it is given."""
    found = []
    for path in STAGE_MODULES:
        tree = ast.parse(_source(path))
        defaults = set()
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for d in [*node.args.defaults, *(k for k in node.args.kw_defaults if k is not None)]:
                    defaults.update(id(n) for n in ast.walk(d))
        found += [f"{path.name}:{n.lineno}" for n in ast.walk(tree)
                  if isinstance(n, ast.Name) and n.id == "TUNING" and id(n) not in defaults]
    assert found == []


def _takes_tuning(trees: list[ast.Module]) -> set[str]:
    names = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                init = next((f for f in node.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"), None)
                if init and any(a.arg == "tuning" for a in [*init.args.args, *init.args.kwonlyargs]):
                    names.add(node.name)
            elif isinstance(node, ast.FunctionDef) and any(a.arg == "tuning" for a in [*node.args.args, *node.args.kwonlyargs]):
                names.add(node.name)
    return names


def test_every_call_passes_the_tuning_on() -> None:
    """A call to a function that takes ``tuning`` hands it the caller's: a default reached in
    the middle of the pipeline would silently undo the caller's numbers."""
    trees = {p: ast.parse(_source(p)) for p in STAGE_MODULES}
    takes = _takes_tuning(list(trees.values()))
    assert {"build_digest", "rank", "select_diverse", "group", "quotability", "score_text", "title_from_advice"} <= takes
    dropped = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in takes:
                given = [*node.args, *(k.value for k in node.keywords)]
                if not any("tuning" in ast.unparse(a) for a in given):
                    dropped.append(f"{path.name}:{node.lineno} {node.func.id}")
    assert dropped == []


# --- a changed Tuning changes the digest: the numbers are really passed through ------------


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    return load_corpus(corpus_folders(ROOT / "tests" / "editorial")[0])


def _digest(corpus, tuning: Tuning):  # type: ignore[no-untyped-def]
    return build_digest(corpus.documents, corpus.items, corpus.topic, corpus.period, language=corpus.language, tuning=tuning)


def test_fewer_picks_make_a_smaller_page(corpus) -> None:  # type: ignore[no-untyped-def]
    default, small = _digest(corpus, TUNING), _digest(corpus, TUNING.changed(max_items=8))
    assert len(default.digest.all_items()) == 16
    assert len(small.digest.all_items()) <= 8


def test_another_diversity_cap_changes_the_picks(corpus) -> None:  # type: ignore[no-untyped-def]
    default = _digest(corpus, TUNING)
    one_each = _digest(corpus, TUNING.changed(speaker_limit=1, shortlist_factor=1))
    assert dumps(one_each.digest) != dumps(default.digest)
    speakers = [i.speaker for i in one_each.digest.highlights + tuple(i for les in one_each.digest.lessons for i in les.items) if i.speaker]
    assert len(speakers) == len(set(speakers))  # one statement per named speaker in the shortlist


@pytest.mark.parametrize("change", [
    {"confidence_share": 0.0},  # ranking: the harvester's confidence ignored
    {"kind_takeaway": 0.5},  # ranking: a kind weight
    {"duplicate": 0.15},  # diversity: more statements count as the same point
    {"highlight_counts": ((5, 4),)},  # grouping
    {"min_score": 0.3},  # shortlist
], ids=lambda c: next(iter(c)))
def test_a_changed_number_changes_the_digest(corpus, change) -> None:  # type: ignore[no-untyped-def]
    default = _digest(corpus, TUNING)
    changed = _digest(corpus, TUNING.changed(**change))
    assert (dumps(changed.digest), changed.candidates) != (dumps(default.digest), default.candidates)


def test_the_default_tuning_is_the_digest_without_one(corpus) -> None:  # type: ignore[no-untyped-def]
    plain = build_digest(corpus.documents, corpus.items, corpus.topic, corpus.period, language=corpus.language)
    assert dumps(_digest(corpus, Tuning()).digest) == dumps(plain.digest)
