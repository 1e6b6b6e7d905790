from __future__ import annotations

import oogst


def test_public_surface_is_exactly_all() -> None:
    public = {n for n in dir(oogst) if not n.startswith("_")} | set(oogst.__all__)
    for name in oogst.__all__:
        assert getattr(oogst, name) is not None, name
    assert "Store" in oogst.__all__ and "build_digest" in oogst.__all__
    assert public >= set(oogst.__all__)


def test_errors_form_one_tree() -> None:
    for name in ("InputError", "PeriodError", "DigestFileError", "StoreError", "FetchError", "RenderError", "UnfaithfulEditError"):
        assert issubclass(getattr(oogst, name), oogst.OogstError)


def test_library_example_runs() -> None:
    from oogst.harvest import harvest

    result = harvest("‘Durf te leren,’ zegt wethouder Anna de Vries.", "nl")
    assert [(i.text, i.speaker) for i in result.items] == [("Durf te leren", "Anna de Vries")]
