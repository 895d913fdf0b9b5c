"""The by-month, by-stance chart of the pair pages: drawn twice (a phone gets the narrow one)
and its month labels kept only while they fit."""

from __future__ import annotations

from datetime import date

import pytest

from entities.selectors import StanceMonth
from entities.views.charts import STANCE_CHART_NARROW, stance_month_bars
from tests.relations_world import relations_world

pytestmark = pytest.mark.django_db


def months(count: int) -> list[StanceMonth]:
    return [StanceMonth(date(2020 + i // 12, i % 12 + 1, 1), negative=1) for i in range(count)]


@pytest.mark.parametrize(
    ("count", "width", "first"),
    [(12, 480, "Jan"), (12, STANCE_CHART_NARROW, "Jan"), (24, STANCE_CHART_NARROW, "J"),
     (48, STANCE_CHART_NARROW, "")],
)  # fmt: skip
def test_month_labels_shrink_to_initials_then_go_where_they_would_not_fit(count, width, first):
    bars = stance_month_bars(months(count), width=width)["bars"]

    assert bars[0].month_label == first
    assert bars[0].year_label == "2020"  # the years always
    assert [b.year_label for b in bars[1:12]] == [""] * 11
    assert all(b.year_label == str(2020 + i // 12) for i, b in enumerate(bars) if i % 12 == 0)


def test_the_pair_page_draws_the_chart_for_wide_screens_and_for_phones(client):
    relations_world()

    response = client.get("/relations/russia/ukraine/")

    text = response.content.decode()
    assert text.count('class="chart chart-wide"') == 2  # each direction
    assert text.count('class="chart chart-narrow"') == 2
    assert 'viewBox="-24 -14 512 188"' in text  # 480 units wide
    assert f'viewBox="-24 -14 {STANCE_CHART_NARROW + 32} 188"' in text
    assert 'id="russia-on-ukraine-narrow-title"' in text  # ids stay unique
