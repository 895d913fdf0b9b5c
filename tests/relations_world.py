"""Countries, their people and bodies, and statements between them: the rows the relations
tests (selectors, pages, API, browser) count."""

from __future__ import annotations

from dataclasses import dataclass

from entities.models import Actor, Statement
from tests.factories import ActorFactory
from tests.helpers import said

NEG, POS, NEU = "negative", "positive", "neutral"


def country(name: str) -> Actor:
    return ActorFactory(name=name, kind=Actor.Kind.COUNTRY, slug=name.lower().replace(" ", "-"))


def person(name: str, of: Actor | None, kind: str = Actor.Kind.PERSON) -> Actor:
    return ActorFactory(name=name, kind=kind, slug=name.lower().replace(" ", "-"), country=of)


def stated(speaker, content, about, **kwargs) -> Statement:
    """`said`, with a stance toward each target: about = [(actor, stance), ...]."""
    statement = said(speaker, content, about=[a for a, _ in about], **kwargs)
    for target in statement.targets.all():
        target.stance = {a.pk: s for a, s in about}[target.actor_id]
        target.save(update_fields=["stance"])
    return statement


@dataclass
class World:
    russia: Actor
    ukraine: Actor
    usa: Actor
    putin: Actor
    lavrov: Actor
    kremlin: Actor
    zelensky: Actor
    biden: Actor
    nato: Actor


def relations_world() -> World:
    """Russia's people on Ukraine (twice, negative), Russia itself on Biden (positive),
    Zelensky on Putin (negative; NATO, of no country, counts for none), the Kremlin on Russia
    (neutral, undated), and statements that count for no pair."""
    russia, ukraine, usa = country("Russia"), country("Ukraine"), country("United States")
    putin = person("Vladimir Putin", russia)
    lavrov = person("Sergei Lavrov", russia)
    kremlin = person("Kremlin", russia, Actor.Kind.ORGANIZATION)
    zelensky = person("Volodymyr Zelensky", ukraine)
    biden = person("Joe Biden", usa)
    nato = person("NATO", None, Actor.Kind.ORGANIZATION)
    stated(putin, "Ukraine is a mistake", [(ukraine, NEG)], published="2024-01-10",
           publisher="Reuters")  # fmt: skip
    # two targets of one country: one statement for the pair, negative wins over neutral
    stated(lavrov, "Zelensky and Ukraine lie", [(zelensky, NEU), (ukraine, NEG)],
           published="2024-02-05", publisher="AP", kind=Statement.Kind.INDIRECT,
           cue="warned", cue_class="warn")  # fmt: skip
    stated(russia, "Biden is a partner", [(biden, POS)], published="2024-02-20",
           publisher="AP")  # fmt: skip
    stated(zelensky, "Putin and NATO will see", [(putin, NEG), (nato, NEU)],
           published="2024-03-01", publisher="Reuters")  # fmt: skip
    stated(kremlin, "Russia stands firm", [(russia, NEU)])
    stated(None, "Ukraine will fall", [(ukraine, NEG)], published="2024-01-11")
    stated(nato, "Russia must stop", [(russia, NEG)], published="2024-01-12")
    return World(russia, ukraine, usa, putin, lavrov, kremlin, zelensky, biden, nato)
