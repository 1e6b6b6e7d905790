"""The one-page fit on a model of a layout: how many layouts it costs, and that the result is
always one page at the largest scale that fits, also when the size prediction is wrong."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from oogst.errors import RenderError
from oogst.render.fit import SCALES, fit_one_page


@dataclass(frozen=True)
class FakeDoc:
    need: float  # pages of content

    @property
    def pages(self) -> list[int]:
        return [0] * max(1, int(-(-self.need // 1)))  # ceil


def model(base_need: float, exponent: float, per_item: float = 0.0, calls: list | None = None):
    def layout(scale: float, omit: frozenset) -> FakeDoc:
        if calls is not None:
            calls.append((scale, len(omit)))
        return FakeDoc(max(0.01, base_need * scale**exponent - per_item * len(omit)))
    return layout


def largest_fitting(base_need: float, exponent: float) -> float:
    return max(s for s in SCALES if base_need * s**exponent <= 1.0)


@pytest.mark.parametrize("base_need", [1.05, 1.21, 1.5, 1.7])
def test_a_right_prediction_costs_two_layouts(base_need: float) -> None:
    calls: list = []
    fit = fit_one_page(model(base_need, 2.0, calls=calls), [], measure=lambda d: d.need)
    assert fit.scale == largest_fitting(base_need, 2.0) and fit.dropped == ()
    assert len(calls) == 2


def test_a_page_that_fits_at_the_base_size_costs_one_layout() -> None:
    calls: list = []
    fit = fit_one_page(model(0.97, 2.0, calls=calls), [], measure=lambda d: d.need)
    assert fit.scale == 1.0 and len(calls) == 1


def test_a_sparse_page_grows_to_fill_it() -> None:
    fit = fit_one_page(model(0.6, 2.0), [], measure=lambda d: d.need)
    assert fit.scale == largest_fitting(0.6, 2.0) > 1.0


@pytest.mark.parametrize("exponent", [1.0, 1.5, 3.0])
def test_a_wrong_prediction_still_gives_one_page(exponent: float) -> None:
    for base_need in (0.5, 0.8, 1.1, 1.3):
        fit = fit_one_page(model(base_need, exponent), [], measure=lambda d: d.need)
        assert len(FakeDoc(base_need * fit.scale**exponent).pages) == 1
        if exponent < 2.0 and base_need > 1.0:  # predicted too large: it steps down to the first that fits
            assert fit.scale == largest_fitting(base_need, exponent)


def test_when_nothing_fits_the_fewest_items_are_left_out() -> None:
    order = [("i", 0, n) for n in range(10)]
    fit = fit_one_page(model(2.0, 2.0, per_item=0.05), order, measure=lambda d: d.need)
    assert fit.scale == SCALES[-1]
    needed = 2.0 * SCALES[-1] ** 2
    assert fit.dropped == tuple(order[: int(-(-(needed - 1.0) // 0.05))])


def test_no_fit_at_all_is_a_clear_error() -> None:
    with pytest.raises(RenderError, match="does not fit on one page"):
        fit_one_page(model(9.0, 2.0, per_item=0.01), [("i", 0, 0)], measure=lambda d: d.need)
