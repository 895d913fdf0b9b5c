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
    degree: int


@dataclass
class Line:
    speaker: Actor
    target: Actor
    weight: int
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: float


def network_layout(edges, *, size: int = 760, max_nodes: int = 40) -> dict:
    """Actors on a circle (busiest first, clockwise from the top), one line per edge whose
    width follows its weight. Only edges between the `max_nodes` busiest actors are drawn;
    the table below the drawing lists all of them."""
    degree: dict[int, int] = {}
    actors: dict[int, Actor] = {}
    for e in edges:
        for actor in (e.speaker, e.target):
            actors[actor.pk] = actor
            degree[actor.pk] = degree.get(actor.pk, 0) + e.weight
    chosen = sorted(actors, key=lambda pk: (-degree[pk], actors[pk].name))[:max_nodes]
    centre = size / 2
    radius = size / 2 - 125
    peak_degree = max(degree.values(), default=1)
    nodes: dict[int, Node] = {}
    for i, pk in enumerate(chosen):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(chosen), 1)
        x, y = centre + radius * math.cos(angle), centre + radius * math.sin(angle)
        lx, ly = centre + (radius + 14) * math.cos(angle), centre + (radius + 14) * math.sin(angle)
        anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
        nodes[pk] = Node(
            actor=actors[pk],
            x=round(x, 1),
            y=round(y, 1),
            r=round(4 + 8 * math.sqrt(degree[pk] / peak_degree), 1),
            label_x=round(lx, 1),
            label_y=round(ly + (4 if anchor != "middle" else (-4 if y < centre else 14)), 1),
            anchor=anchor,
            degree=degree[pk],
        )
    peak = max((e.weight for e in edges), default=1)
    lines = []
    for e in edges:
        a, b = nodes.get(e.speaker.pk), nodes.get(e.target.pk)
        if a is None or b is None:
            continue
        # stop short of the target's circle so the arrowhead stays visible
        dx, dy = b.x - a.x, b.y - a.y
        length = math.hypot(dx, dy) or 1
        shrink = (b.r + 3) / length
        lines.append(
            Line(
                speaker=e.speaker,
                target=e.target,
                weight=e.weight,
                x1=a.x,
                y1=a.y,
                x2=round(b.x - dx * shrink, 1),
                y2=round(b.y - dy * shrink, 1),
                stroke=round(1 + 7 * e.weight / peak, 1),
            )
        )
    lines.sort(key=lambda line: line.weight)  # heaviest drawn last, on top
    return {"nodes": list(nodes.values()), "lines": lines, "size": size}
