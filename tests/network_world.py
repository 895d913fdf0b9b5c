"""A small news world with enough countries, people and statements for the network to look
like one: the browser tests' screenshots of the network and relations pages draw it."""

from __future__ import annotations

from entities.models import Actor, Statement
from tests.relations_world import NEG, NEU, POS, country, person, stated

ORG = Actor.Kind.ORGANIZATION

# (speaker, [(target, stance), ...], month of 2024, times): each time one statement
SAID = [
    ("Vladimir Putin", [("Volodymyr Zelensky", NEG)], 1, 3),
    ("Vladimir Putin", [("NATO", NEG)], 2, 2),
    ("Vladimir Putin", [("China", POS)], 5, 2),
    ("Sergei Lavrov", [("United States", NEG)], 3, 3),
    ("Sergei Lavrov", [("Ukraine", NEG), ("Volodymyr Zelensky", NEU)], 4, 2),
    ("Dmitry Peskov", [("Ukraine", NEG)], 6, 2),
    ("Kremlin", [("NATO", NEG)], 7, 1),
    ("Volodymyr Zelensky", [("Vladimir Putin", NEG)], 1, 4),
    ("Volodymyr Zelensky", [("United States", POS)], 3, 2),
    ("Volodymyr Zelensky", [("NATO", POS)], 8, 1),
    ("Dmytro Kuleba", [("Russia", NEG)], 2, 2),
    ("Dmytro Kuleba", [("China", NEU)], 9, 1),
    ("Antony Blinken", [("Russia", NEG)], 2, 3),
    ("Antony Blinken", [("China", NEU), ("North Korea", NEG)], 6, 1),
    ("Joe Biden", [("Volodymyr Zelensky", POS)], 4, 2),
    ("Joe Biden", [("Xi Jinping", NEU)], 10, 1),
    ("Pentagon", [("North Korea", NEG)], 11, 1),
    ("Xi Jinping", [("United States", NEU)], 5, 2),
    ("Xi Jinping", [("Vladimir Putin", POS)], 5, 1),
    ("Wang Yi", [("Russia", POS)], 7, 2),
    ("Wang Yi", [("Japan", NEG)], 9, 1),
    ("Kim Jong Un", [("United States", NEG)], 3, 2),
    ("Kim Jong Un", [("South Korea", NEG)], 8, 2),
    ("Yoon Suk Yeol", [("Kim Jong Un", NEG)], 8, 2),
    ("Yoon Suk Yeol", [("Japan", POS)], 10, 1),
    ("Fumio Kishida", [("China", NEU)], 11, 1),
    ("Fumio Kishida", [("South Korea", POS)], 12, 1),
    ("NATO", [("Russia", NEG)], 7, 2),
]

PEOPLE = {
    "Russia": ["Vladimir Putin", "Sergei Lavrov", "Dmitry Peskov"],
    "Ukraine": ["Volodymyr Zelensky", "Dmytro Kuleba"],
    "United States": ["Antony Blinken", "Joe Biden"],
    "China": ["Xi Jinping", "Wang Yi"],
    "North Korea": ["Kim Jong Un"],
    "South Korea": ["Yoon Suk Yeol"],
    "Japan": ["Fumio Kishida"],
}
BODIES = {"Kremlin": "Russia", "Pentagon": "United States"}


def network_world() -> dict[str, Actor]:
    """Every actor by name; 48 statements over 2024 between 7 countries and their people."""
    actors: dict[str, Actor] = {}
    for name, people in PEOPLE.items():
        actors[name] = country(name)
        for someone in people:
            actors[someone] = person(someone, actors[name])
    for body, of in BODIES.items():
        actors[body] = person(body, actors[of], ORG)
    actors["NATO"] = person("NATO", None, ORG)
    publishers = ["Reuters", "AP", "BBC"]
    n = 0
    for speaker, about, month, times in SAID:
        for i in range(times):
            n += 1
            stated(
                actors[speaker],
                f"{speaker} on {about[0][0]}, statement {i + 1}",
                [(actors[a], stance) for a, stance in about],
                published=f"2024-{month:02d}-{10 + i:02d}",
                publisher=publishers[n % 3],
                kind=Statement.Kind.INDIRECT if n % 4 == 0 else Statement.Kind.DIRECT,
            )
    return actors
