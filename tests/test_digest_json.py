import copy
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from oogst.digest import build_digest  # noqa: E402
from oogst.digest_json import SCHEMA_VERSION, digest_from_dict, digest_to_dict, dumps, loads  # noqa: E402
from oogst.errors import DigestFileError  # noqa: E402
from oogst.models import Digest, DigestItem, Lesson, Source  # noqa: E402
from select_corpus import DOCUMENTS, ITEMS, PERIOD, TOPIC  # noqa: E402

ITEM = DigestItem(
    id="abc123", kind="quote", text="Zo’n samenwerking vraagt om ’s avonds overleggen.", speaker="Anne de Boer",
    speaker_role="wethouder", source_url="https://example.nl/a", published="2020-08", start=10, end=58,
    score=0.81234567, reasons=("stands on its own", "relevant: samenwerking (0.40)"), edited=True,
)
DIGEST = Digest(
    title="Wat zeiden jullie in Q3 over samenwerken?", topic="samenwerken", period="2020-Q3", language="nl",
    highlights=(ITEM,), lessons=(Lesson("Durf te leren", (ITEM,), (ITEM,)),),
    sources=(Source("https://example.nl/a", "Artikel", "2020-08"),), notes=("1 undated document(s) left out",),
)


def test_round_trip_small() -> None:
    back = digest_from_dict(json.loads(dumps(DIGEST)))
    assert back.highlights[0].score == 0.8123
    assert back == digest_from_dict(digest_to_dict(back))
    assert back.highlights[0].text == ITEM.text and back.highlights[0].edited


def test_round_trip_built_digest() -> None:
    digest = build_digest(DOCUMENTS, ITEMS, TOPIC, PERIOD).digest
    assert loads(dumps(digest)) == digest


def test_dumps_format() -> None:
    text = dumps(DIGEST)
    assert text.endswith("}\n")
    assert "Zo’n" in text  # ensure_ascii=False
    assert text.startswith('{\n  "schema_version": 1,\n  "title"')
    data = json.loads(text)
    assert data["schema_version"] == SCHEMA_VERSION
    assert list(data) == ["schema_version", "title", "topic", "period", "language", "highlights", "lessons", "sources", "notes"]
    assert list(data["highlights"][0]) == [
        "id", "kind", "text", "speaker", "speaker_role", "source_url", "published", "start", "end", "score", "reasons", "edited",
    ]
    assert list(data["lessons"][0]) == ["title", "tips", "items"]
    assert list(data["sources"][0]) == ["url", "title", "published"]


def _broken(path: list[object], value: object = None, delete: bool = False) -> dict:  # type: ignore[type-arg]
    data = digest_to_dict(DIGEST)
    data["lessons"].append(copy.deepcopy(data["lessons"][0]))
    target = data
    for key in path[:-1]:
        target = target[key]  # type: ignore[index]
    if delete:
        del target[path[-1]]  # type: ignore[arg-type]
    else:
        target[path[-1]] = value  # type: ignore[index]
    return data


@pytest.mark.parametrize(
    ("path", "value", "delete", "message"),
    [
        (["lessons", 1, "items", 0, "text"], None, True, "lessons[1].items[0]: missing 'text'"),
        (["lessons", 0, "tips", 0, "kind"], "gerucht", False, "lessons[0].tips[0]: 'kind' must be one of"),
        (["highlights", 0, "start"], -1, False, "highlights[0]: 'start' must be a whole number"),
        (["highlights", 0, "end"], 5, False, "highlights[0]: 'end' (5) is before 'start' (10)"),
        (["highlights", 0, "score"], "hoog", False, "highlights[0]: 'score' must be a number"),
        (["highlights", 0, "edited"], "ja", False, "highlights[0]: 'edited' must be true or false"),
        (["highlights", 0, "reasons"], [1], False, "highlights[0]: 'reasons' must be a list of strings"),
        (["highlights", 0, "speaker"], 3, False, "highlights[0]: 'speaker' must be a string"),
        (["lessons", 1, "title"], None, True, "lessons[1]: missing 'title'"),
        (["sources", 0, "url"], None, True, "sources[0]: missing 'url'"),
        (["schema_version"], 2, False, "schema_version 2 is not supported"),
        (["schema_version"], None, True, "digest: missing 'schema_version'"),
        (["title"], None, True, "digest: missing 'title'"),
        (["lessons"], {}, False, "'lessons' must be a list"),
        (["lessons", 0], "les", False, "lessons[0]: must be an object"),
        (["notes"], [None], False, "'notes' must be a list of strings"),
    ],
)
def test_validation_names_the_bad_field(path: list[object], value: object, delete: bool, message: str) -> None:
    with pytest.raises(DigestFileError) as err:
        digest_from_dict(_broken(path, value, delete))
    assert message in str(err.value)


def test_optional_fields_may_be_null_or_absent() -> None:
    data = digest_to_dict(DIGEST)
    data["highlights"][0]["speaker"] = None
    del data["highlights"][0]["reasons"]
    del data["highlights"][0]["edited"]
    del data["notes"]
    back = digest_from_dict(data)
    assert back.highlights[0].speaker is None and back.highlights[0].reasons == () and back.notes == ()


def test_not_json_and_not_object() -> None:
    with pytest.raises(DigestFileError, match="not valid JSON"):
        loads("{")
    with pytest.raises(DigestFileError, match="must be an object"):
        digest_from_dict([])


def test_too_many_digits_name_pythons_own_limit() -> None:
    """The limit is Python's (sys.get_int_max_str_digits), not a number copied from its message."""
    text = dumps(DIGEST).replace('"start": 10', '"start": ' + "7" * 700)
    before = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(640)
    try:
        with pytest.raises(DigestFileError, match=r"more digits than oogst reads \(640\)"):
            loads(text)
    finally:
        sys.set_int_max_str_digits(before)
    with pytest.raises(DigestFileError, match="'start' must be"):  # 700 digits are within the default limit
        loads(text.replace("7" * 700, "-" + "7" * 700))


def test_a_binary_digest_file_is_named_by_its_kind(tmp_path: Path) -> None:
    import gzip

    from oogst.digest_json import read

    path = tmp_path / "digest.json"
    path.write_bytes(gzip.compress(dumps(DIGEST).encode()))
    with pytest.raises(DigestFileError, match="holds a gzip archive: binary"):
        read(path)
