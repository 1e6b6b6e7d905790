from __future__ import annotations

import types

import oogst

# The promised surface, written out: adding or removing a public name is a decision that must
# show up here, not a side effect of an import.
EXPECTED = {
    "Candidate", "Digest", "DigestFileError", "DigestItem", "Document", "FetchError", "Harvest",
    "InputError", "Item", "LanguageError", "Lesson", "OogstError", "PeriodError", "RenderError", "Skipped", "Source",
    "Store", "StoreError", "UnfaithfulEditError", "__version__", "add", "build_digest",
    "check_abridgement", "check_digest", "load_gold", "parse_period",
}


def test_all_is_the_promised_surface() -> None:
    assert set(oogst.__all__) == EXPECTED
    assert len(oogst.__all__) == len(EXPECTED)  # no name listed twice


def test_every_name_in_all_resolves() -> None:
    for name in oogst.__all__:
        assert getattr(oogst, name) is not None, name


def test_nothing_public_outside_all() -> None:
    """Names the package exposes without listing them (a stray import, a helper) are a leak;
    the stage subpackages (``oogst.harvest`` …) are public by their module path."""
    public = {n for n in dir(oogst) if not n.startswith("_")}
    leaked = {n for n in public - set(oogst.__all__) if not isinstance(getattr(oogst, n), types.ModuleType)}
    assert leaked == set()
    assert set(oogst.__all__) - {"__version__"} <= public


def test_errors_form_one_tree() -> None:
    for name in ("InputError", "PeriodError", "LanguageError", "DigestFileError", "StoreError", "FetchError", "RenderError", "UnfaithfulEditError"):
        assert issubclass(getattr(oogst, name), oogst.OogstError)


def test_library_example_runs() -> None:
    from oogst.harvest import harvest

    result = harvest("‘Durf te leren,’ zegt wethouder Anna de Vries.", "nl")
    assert [(i.text, i.speaker) for i in result.items] == [("Durf te leren", "Anna de Vries")]
