"""Geometry of the server-drawn SVG charts: the actor timeline's bars and the by-month,
by-stance bars of the pair pages. Plain numbers for the templates; no text is turned into
markup here. (The network is drawn in the browser by Cytoscape.js: static/js/network.js.)"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import mark_safe


@dataclass
class Bar:
    x: float
    width: float
    said_y: float
    said_h: float
    about_y: float
    about_h: float
    label: str
    said: int
    about: int
    month_label: str
    year_label: str


def timeline_bars(points, *, width: int = 720, height: int = 160, top: int = 10) -> dict:
    """Side-by-side bars per month (said, about), scaled to the busiest month."""
    if not points:
        return {"bars": [], "width": width, "height": height, "peak": 0}
    peak = max(max(p.said, p.about) for p in points) or 1
    slot = min(width / len(points), 56)  # a few months do not make a few giant bars
    monthly = len(points) <= 18
    bar = max(1.0, slot * 0.42)
    scale = (height - top) / peak
    bars = []
    for i, p in enumerate(points):
        x = i * slot + slot * 0.08
        said_h, about_h = p.said * scale, p.about * scale
        first_of_year = i == 0 or p.month.month == 1
        bars.append(
            Bar(
                x=round(x, 1),
                width=round(bar, 1),
                said_y=round(height - said_h, 1),
                said_h=round(said_h, 1),
                about_y=round(height - about_h, 1),
                about_h=round(about_h, 1),
                label=p.month.strftime("%B %Y"),
                said=p.said,
                about=p.about,
                month_label=p.month.strftime("%b") if monthly else "",
                year_label=str(p.month.year) if first_of_year else "",
            )
        )
    return {"bars": bars, "width": width, "height": height, "peak": peak}


@dataclass
class StackedBar:
    """One month: its negative, positive and neutral statements stacked from the bottom."""

    x: float
    width: float
    segments: list[tuple[str, int, float, float]]  # (stance, count, y, height), drawn if > 0
    point: object  # the StanceMonth: its month and counts, for the titles and the table
    label: str
    month_label: str
    year_label: str


STACK_ORDER = ("negative", "positive", "neutral")


STANCE_CHART_WIDTH = 480  # drawn in half a page's width: 11px labels stay about 12px
STANCE_CHART_NARROW = 300  # the phone's chart: a 390px screen shows its labels at about 11px


def stance_month_bars(
    points, *, width: int = STANCE_CHART_WIDTH, height: int = 140, top: int = 10
) -> dict:
    """Stacked bars per month (negative at the bottom, then positive, then neutral), scaled to
    the busiest month: the by-month, by-stance chart of the country and actor pair pages.
    `points` are StanceMonths over consecutive months (selectors.months_filled). The chart is
    drawn at `width` units and scaled to its box: the pages draw it twice, at
    STANCE_CHART_WIDTH and, for phones, at STANCE_CHART_NARROW, so its labels stay legible."""
    points = list(points)
    if not points or not any(p.total for p in points):
        return {"bars": [], "width": width, "height": height, "peak": 0, "points": points}
    peak = max(p.total for p in points)
    slot = min(width / len(points), 56)
    bar = max(1.0, slot * 0.7)
    scale = (height - top) / peak
    bars = []
    for i, p in enumerate(points):
        y = float(height)
        segments = []
        for stance in STACK_ORDER:
            count = getattr(p, stance)
            h = count * scale
            y -= h
            if count:
                segments.append((stance, count, round(y, 1), round(h, 1)))
        bars.append(
            StackedBar(
                x=round(i * slot + slot * 0.15, 1),
                width=round(bar, 1),
                segments=segments,
                point=p,
                label=p.month.strftime("%B %Y"),
                month_label=_month_label(p.month, slot),
                year_label=str(p.month.year) if i == 0 or p.month.month == 1 else "",
            )
        )
    chart = {"bars": bars, "width": width, "height": height, "peak": peak, "points": points}
    chart["bars_svg"] = _bars_svg(bars, height)
    return chart


def _bars_svg(bars: list[StackedBar], height: int) -> str:
    """The bars as SVG, built here: the template's loop over them (a dozen lookups per month,
    four drawings of up to 240 months on a pair page) took 0.3-0.6 s on a busy pair."""
    out = []
    for bar in bars:
        p = bar.point
        total = p.total  # type: ignore[attr-defined]  # a StanceMonth
        title = (
            f"{bar.label}: {total} statement{'' if total == 1 else 's'} "
            f"({p.negative} negative, {p.positive} positive, {p.neutral} neutral)"  # type: ignore[attr-defined]
        )
        parts = [
            format_html("<title>{}</title>", title),
            format_html(
                '<rect class="slot" x="{}" y="0" width="{}" height="{}"/>', bar.x, bar.width, height
            ),
        ]
        parts += [
            format_html(
                '<rect class="seg-{}" x="{}" y="{}" width="{}" height="{}"/>', stance, bar.x, y,
                bar.width, h,
            )
            for stance, _, y, h in bar.segments
        ]  # fmt: skip
        for label, dy in ((bar.month_label, 16), (bar.year_label, 30)):
            if label:
                parts.append(
                    format_html(
                        '<text x="{}" y="{}" class="tick">{}</text>', bar.x, height + dy, label
                    )
                )
        out.append("<g>" + "".join(parts) + "</g>")
    return mark_safe("\n".join(out))  # noqa: S308 - every part went through format_html


def _month_label(month, slot: float) -> str:
    """The month under its bar while it fits at 11px: "Jan" in a slot of 24 units or more, "J"
    in one of 9 or more, else nothing (the years are always there)."""
    if slot >= 24:
        return month.strftime("%b")
    if slot >= 9:
        return month.strftime("%b")[0]
    return ""
