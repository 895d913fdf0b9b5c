"""Geometry of the server-drawn SVG charts: the actor timeline's bars and the network's
circular layout. Plain numbers for the templates; no text is turned into markup here."""

from __future__ import annotations

import math
from dataclasses import dataclass

from entities.models import Actor


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
class Node:
    actor: Actor
    x: float
    y: float
    r: float
    label_x: float
    label_y: float
    anchor: str
    rotate: float
    degree: int


@dataclass
class Line:
    speaker: Actor
    target: Actor
    weight: int
    path: str
    mid_x: float
    mid_y: float
    stroke: float
    hit: float


def _spread_order(count: int) -> list[int]:
    """Slots for ranks 0..count-1 so that consecutive ranks sit far apart: rank 0 at the top,
    rank 1 opposite, ranks 2 and 3 at the quarters... (the van der Corput sequence)."""

    def corput(n: int) -> float:
        value, denominator = 0.0, 1.0
        while n:
            denominator *= 2
            n, bit = divmod(n, 2)
            value += bit / denominator
        return value

    by_position = sorted(range(count), key=corput)
    slots = [0] * count
    for slot, rank in enumerate(by_position):
        slots[rank] = slot
    return slots


def _place(pks: list[int], pairs: dict[tuple[int, int], int], *, passes: int = 6) -> list[int]:
    """An order of the actors on the circle in which heavy pairs are far apart: start from the
    busiest actors spread out, then swap two actors while that lowers the sum over pairs of
    weight / distance along the circle (a pair of neighbours costs most)."""
    n = len(pks)
    if n < 4:
        return pks
    slot = dict(zip(pks, _spread_order(n), strict=True))
    near: dict[int, list[tuple[int, int]]] = {pk: [] for pk in pks}
    for (a, b), weight in pairs.items():
        near[a].append((b, weight))
        near[b].append((a, weight))

    def cost(pk: int, at: int, other: int | None = None, other_at: int = 0) -> float:
        total = 0.0
        for peer, weight in near[pk]:
            where = other_at if peer == other else slot[peer]
            gap = abs(at - where) % n
            total += weight / max(min(gap, n - gap), 1)
        return total

    for _ in range(passes):
        improved = False
        for i in range(n):
            for j in range(i + 1, n):
                a, b = pks[i], pks[j]
                sa, sb = slot[a], slot[b]
                before = cost(a, sa) + cost(b, sb)
                after = cost(a, sb, b, sa) + cost(b, sa, a, sb)
                if after < before - 1e-9:
                    slot[a], slot[b] = sb, sa
                    improved = True
        if not improved:
            break
    return sorted(pks, key=slot.__getitem__)


def network_layout(edges, *, size: int = 820, max_nodes: int = 30, max_lines: int = 120) -> dict:
    """Actors on a circle, one curved arrow per edge whose width follows its weight.

    Only the `max_nodes` busiest actors are drawn, and at most `max_lines` of the heaviest edges
    between them (the page's table lists every edge). Heavy pairs are placed far apart so their
    arrows are long and clickable; labels run outwards along the radius so they never overlap.
    A->B and B->A bend to opposite sides, so both stay visible."""
    degree: dict[int, int] = {}
    actors: dict[int, Actor] = {}
    for e in edges:
        for actor in (e.speaker, e.target):
            actors[actor.pk] = actor
            degree[actor.pk] = degree.get(actor.pk, 0) + e.weight
    chosen = sorted(actors, key=lambda pk: (-degree[pk], actors[pk].name))[:max_nodes]
    members = set(chosen)
    drawn = sorted(
        (e for e in edges if e.speaker.pk in members and e.target.pk in members),
        key=lambda e: -e.weight,
    )[:max_lines]
    pairs: dict[tuple[int, int], int] = {}
    for e in drawn:
        key = (min(e.speaker.pk, e.target.pk), max(e.speaker.pk, e.target.pk))
        if key[0] != key[1]:
            pairs[key] = pairs.get(key, 0) + e.weight
    order = _place(chosen, pairs)
    centre = size / 2
    radius = size / 2 - 180  # room for the labels outside the circle
    peak_degree = max(degree.values(), default=1)
    nodes: dict[int, Node] = {}
    for i, pk in enumerate(order):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(order), 1)
        cos, sin = math.cos(angle), math.sin(angle)
        r = 4 + 8 * math.sqrt(degree[pk] / peak_degree)
        reach = radius + r + 5
        degrees = math.degrees(angle)
        left = cos < -1e-9
        nodes[pk] = Node(
            actor=actors[pk],
            x=round(centre + radius * cos, 1),
            y=round(centre + radius * sin, 1),
            r=round(r, 1),
            label_x=round(centre + reach * cos, 1),
            label_y=round(centre + reach * sin, 1),
            # text reads outwards from the node; on the left half turned round to stay upright
            anchor="end" if left else "start",
            rotate=round(degrees - 180 if left else degrees, 1),
            degree=degree[pk],
        )
    peak = max((e.weight for e in drawn), default=1)
    lines = []
    for e in drawn:
        a, b = nodes[e.speaker.pk], nodes[e.target.pk]
        if a is b:
            continue
        dx, dy = b.x - a.x, b.y - a.y
        length = math.hypot(dx, dy) or 1
        ux, uy = dx / length, dy / length
        # bend to the left of the direction of travel: A->B and B->A part ways
        bend = 0.14 * length
        cx, cy = (a.x + b.x) / 2 + uy * bend, (a.y + b.y) / 2 - ux * bend
        # start and end outside both circles (the arrowhead stays visible)
        sx, sy = _towards(a.x, a.y, cx, cy, a.r + 2)
        ex, ey = _towards(b.x, b.y, cx, cy, b.r + 3)
        stroke = 1 + 6 * e.weight / peak
        lines.append(
            Line(
                speaker=e.speaker,
                target=e.target,
                weight=e.weight,
                path=f"M{sx:.1f},{sy:.1f} Q{cx:.1f},{cy:.1f} {ex:.1f},{ey:.1f}",
                mid_x=round(0.25 * sx + 0.5 * cx + 0.25 * ex, 1),
                mid_y=round(0.25 * sy + 0.5 * cy + 0.25 * ey, 1),
                stroke=round(stroke, 1),
                hit=round(max(stroke + 2, 8), 1),
            )
        )
    lines.sort(key=lambda line: line.weight)  # heaviest drawn last, on top
    return {
        "nodes": list(nodes.values()),
        "lines": lines,
        # the links' hit areas: a heavy line is easy to hit anywhere, a thin one only where
        # nothing lies over it, so the thin ones go on top
        "hits": lines[::-1],
        "size": size,
        "actors": len(actors),
        "max_nodes": max_nodes,
        "max_lines": max_lines,
    }


def _towards(x: float, y: float, tx: float, ty: float, distance: float) -> tuple[float, float]:
    dx, dy = tx - x, ty - y
    length = math.hypot(dx, dy) or 1
    return x + dx * distance / length, y + dy * distance / length


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


def stance_month_bars(points, *, width: int = 720, height: int = 140, top: int = 10) -> dict:
    """Stacked bars per month (negative at the bottom, then positive, then neutral), scaled to
    the busiest month: the by-month, by-stance chart of the country and actor pair pages.
    `points` are StanceMonths over consecutive months (selectors.months_filled)."""
    points = list(points)
    if not points or not any(p.total for p in points):
        return {"bars": [], "width": width, "height": height, "peak": 0, "points": points}
    peak = max(p.total for p in points)
    slot = min(width / len(points), 56)
    # month names under every bar only while they fit; years always
    monthly = len(points) <= 18
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
                month_label=p.month.strftime("%b") if monthly else "",
                year_label=str(p.month.year) if i == 0 or p.month.month == 1 else "",
            )
        )
    return {"bars": bars, "width": width, "height": height, "peak": peak, "points": points}
