"""Lookup tables read from `data/`: countries, their aliases, titles, speech verbs and nouns,
and the small word lists the actor and statement rules lean on."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


def _rows(name: str) -> list[dict[str, str]]:
    """The rows of a tab-separated table; lines starting with '#' are comments."""
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t"))


def _words(name: str) -> frozenset[str]:
    """The words of a one-word-a-line list; lines starting with '#' are comments."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))


@dataclass(frozen=True)
class Countries:
    by_name: dict[str, str]  # any surface form -> canonical country name
    demonym_of: dict[str, str]  # canonical country name -> demonym ("South Korean")

    def lookup(self, text: str) -> str | None:
        text = text.strip()
        found = self.by_name.get(text)
        if found is None and text.lower().startswith("the "):
            found = self.by_name.get(text[4:])
        return found


@lru_cache(maxsize=1)
def countries() -> Countries:
    by_name: dict[str, str] = {}
    demonym_of: dict[str, str] = {}
    for row in _rows("countries.tsv") + _rows("limited_recognition_states.tsv"):
        name = row["name"]
        forms = [name, row["capital"], *row["aliases"].split("|")]
        demonym = row["demonym"]
        if demonym:
            demonym_of.setdefault(name, demonym)
            forms += [demonym, demonym + "s"]
        for form in forms:
            if form:
                # the first (alphabetical) country keeps a shared form; the alias file settles
                # the ones that matter ("American" is the United States, not Northern Mariana)
                by_name.setdefault(form, name)
    for row in _rows("country_aliases.tsv"):
        by_name[row["alias"]] = row["country"]
    return Countries(by_name=by_name, demonym_of=demonym_of)


@lru_cache(maxsize=1)
def place_nouns() -> frozenset[str]:
    """Nouns of places below a country ("district", "city")."""
    return _words("place_nouns.txt")


@lru_cache(maxsize=1)
def instrument_nouns() -> frozenset[str]:
    """Last words of the names of laws and treaties ("Convention", "Act")."""
    return _words("instrument_nouns.txt")


@lru_cache(maxsize=1)
def thing_acronyms() -> frozenset[str]:
    """Acronyms of things, not actors ("UAV", "GDP")."""
    return _words("thing_acronyms.txt")


@lru_cache(maxsize=1)
def institutions() -> dict[str, str]:
    """Seats of power named for their government: "Kremlin" -> Russia."""
    return {row["institution"]: row["country"] for row in _rows("institutions.tsv")}


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    return _words("titles.txt")


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """Given names that name one gender: "Hillary" -> "f", "Donald" -> "m"."""
    return {row["name"]: row["gender"] for row in _rows("first_names.tsv")}


@lru_cache(maxsize=1)
def speech_verbs() -> dict[str, str]:
    """Lemma -> cue class ("warn" -> "warn", "tell" -> "say")."""
    return {row["lemma"]: row["class"] for row in _rows("speech_verbs.tsv")}


@lru_cache(maxsize=1)
def speech_nouns() -> dict[str, str]:
    """Nouns of speech that take a 'that' clause ("his claim that ..."), with their cue class."""
    return {row["lemma"]: row["class"] for row in _rows("speech_nouns.tsv")}


@lru_cache(maxsize=1)
def quote_cues() -> frozenset[str]:
    """Verbs that introduce a direct quote ('"...," she said'); "know" or "want" do not."""
    return frozenset(r["lemma"] for r in _rows("speech_verbs.tsv") if r["quote_cue"] == "1")


@lru_cache(maxsize=1)
def object_content_verbs() -> frozenset[str]:
    """Verbs whose object is what is said ("denied arms deals", "urged Trump to apologise")."""
    return frozenset(r["lemma"] for r in _rows("speech_verbs.tsv") if r["object_content"] == "1")


@lru_cache(maxsize=1)
def prep_content_verbs() -> dict[str, frozenset[str]]:
    """Verbs whose content follows a preposition: "called for a moratorium", "called on
    Republicans to unendorse Trump", "warned against a deal"."""
    return {
        r["lemma"]: frozenset(p for p in r["prep_content"].split(",") if p)
        for r in _rows("speech_verbs.tsv")
        if r["prep_content"]
    }


@lru_cache(maxsize=1)
def target_cue_classes() -> frozenset[str]:
    """Cue classes whose verb's object is a target ("accused Clinton of ...")."""
    return _words("target_cue_classes.txt")


@lru_cache(maxsize=1)
def claim_making_verbs() -> frozenset[str]:
    """Verbs whose subject says the claim they take ("Trump repeated the claim that ...")."""
    return _words("claim_making_verbs.txt")


@lru_cache(maxsize=1)
def refusal_verbs() -> frozenset[str]:
    """Verbs of not speaking: the speech verb they govern says nothing ("refused to say")."""
    return _words("refusal_verbs.txt")


@lru_cache(maxsize=1)
def neg_raising_verbs() -> frozenset[str]:
    """Verbs of belief whose negation is still a belief ("does not believe that ...")."""
    return _words("neg_raising_verbs.txt")


@lru_cache(maxsize=1)
def question_verbs() -> frozenset[str]:
    """Verbs that put a question ("asked whether ..."): what the question holds is not said."""
    return _words("question_verbs.txt")


@lru_cache(maxsize=1)
def not_speakers() -> frozenset[str]:
    """Labels before a colon that are no transcript speaker ("Note:", "Update:")."""
    return _words("not_speakers.txt")


@lru_cache(maxsize=1)
def title_small_words() -> frozenset[str]:
    """Words a quoted title may keep lower-case ("The Art of the Deal")."""
    return _words("title_small_words.txt")


@lru_cache(maxsize=1)
def subject_relative_pronouns() -> frozenset[str]:
    """Relative pronouns whose clause's speaker is its antecedent ("Murphy, who said ...")."""
    return frozenset(r["word"] for r in _rows("relative_pronouns.tsv") if r["subject"] == "1")


@lru_cache(maxsize=1)
def preposition_roles() -> dict[str, frozenset[str]]:
    """Role -> prepositions: "completes_object" ("cited X as ..."), "names_source"
    ("warnings from his attorney that ...")."""
    roles: dict[str, set[str]] = {}
    for r in _rows("prepositions.tsv"):
        roles.setdefault(r["role"], set()).add(r["preposition"])
    return {role: frozenset(words) for role, words in roles.items()}


@dataclass(frozen=True)
class Body:
    """An international body or a news outlet, under its usual English name."""

    name: str
    media: bool  # a channel that relays what others say (a news agency, a broadcaster)
    country: str


@lru_cache(maxsize=1)
def bodies() -> dict[str, Body]:
    """Any spelling of an international body, armed group or news agency -> the body ("U.N.",
    "the UN", "KCNA", "M23" -> their canonical names). Keys are as written, and in lower case
    for names of several words."""
    out: dict[str, Body] = {}
    for row in _rows("bodies.tsv"):
        body = Body(name=row["name"], media=row["media"] == "1", country=row["country"])
        for form in [row["name"], *row["aliases"].split("|")]:
            if form:
                out.setdefault(form, body)
                if " " in form:  # "un security council"; never "who" for WHO
                    out.setdefault(form.lower(), body)
    return out


@lru_cache(maxsize=1)
def body_first_words() -> frozenset[str]:
    """The first word of every form in `bodies()`, to pass over the other tokens at once."""
    return frozenset(form.split()[0] for form in bodies() if form.strip())


def body_named(text: str) -> Body | None:
    """The body a name stands for: as written ("WHO", not "who"), else in lower case for names
    of several words ("UN security council"), with or without a leading "the"."""
    text = text.strip()
    table = bodies()
    for form in (text, text[4:] if text.lower().startswith("the ") else ""):
        if not form:
            continue
        found = table.get(form)
        if found is None and " " in form:
            found = table.get(form.lower())
        if found is not None:
            return found
    return None


@lru_cache(maxsize=1)
def government_nouns() -> frozenset[str]:
    """Nouns that name a country's government ("the Rwandan government", "Myanmar's junta")."""
    return _words("government_nouns.txt")


@lru_cache(maxsize=1)
def ministry_portfolios() -> dict[str, str]:
    """The word before "ministry" -> its portfolio in a canonical name ("foreign" -> "Foreign
    Affairs": "Ministry of Foreign Affairs of China")."""
    return {row["word"]: row["portfolio"] for row in _rows("ministries.tsv")}


@lru_cache(maxsize=1)
def document_nouns() -> frozenset[str]:
    """Nouns for a document whose speaker is its issuer ("a statement issued by X said")."""
    return _words("document_nouns.txt")


# -- the vocabulary of the actor rules (entities/nlp/actors/) ----------------------------


@lru_cache(maxsize=1)
def honorifics() -> dict[str, str]:
    """Honorifics that say a person's gender: "mrs" -> "f", "sir" -> "m"."""
    return {row["word"]: row["gender"] for row in _rows("honorifics.tsv")}


@lru_cache(maxsize=1)
def gendered_role_words() -> dict[str, str]:
    """Role and family words that say a person's gender: "spokeswoman" -> "f", "son" -> "m"."""
    return {row["word"]: row["gender"] for row in _rows("gendered_role_words.tsv")}


@lru_cache(maxsize=1)
def body_nouns() -> frozenset[str]:
    """Nouns of a country's body named after the country ("Seoul's foreign ministry")."""
    return _words("body_nouns.txt")


@lru_cache(maxsize=1)
def media_nouns() -> frozenset[str]:
    """Nouns that make the name next to them a news outlet ("Vedomosti newspaper")."""
    return _words("media_nouns.txt")


@lru_cache(maxsize=1)
def media_words() -> frozenset[str]:
    """The words around a known agency's name ("state media KCNA news agency"): the media nouns
    and a few more."""
    return media_nouns() | _words("media_words.txt")


@lru_cache(maxsize=1)
def portfolio_heads() -> frozenset[str]:
    """Last words of a role's field ("Minister for Foreign Affairs")."""
    return _words("portfolio_heads.txt")


@lru_cache(maxsize=1)
def anonymous_speakers() -> frozenset[str]:
    """Nouns for someone who speaks for a country unnamed ("a senior Indonesian official")."""
    return _words("anonymous_speakers.txt")


@lru_cache(maxsize=1)
def name_particles() -> frozenset[str]:
    """Particles inside a person's name ("von der", "bin", "al")."""
    return _words("name_particles.txt")


@lru_cache(maxsize=1)
def relational_nouns() -> frozenset[str]:
    """People named by their relation to another ("Kyiv's allies"), who speak for themselves."""
    return _words("relational_nouns.txt")


@lru_cache(maxsize=1)
def mental_verbs() -> frozenset[str]:
    """Verbs and adjectives of knowing, feeling and watching ("we don't know")."""
    return _words("mental_verbs.txt")


@lru_cache(maxsize=1)
def intention_verbs() -> frozenset[str]:
    """Speech verbs of intention ("plans to"), which an 'according to' source reports."""
    return _words("intention_verbs.txt")


@lru_cache(maxsize=1)
def private_people_nouns() -> frozenset[str]:
    """Nouns for people and firms a demonym may describe ("Chinese producers")."""
    return _words("private_people_nouns.txt")


@lru_cache(maxsize=1)
def joined_given_names() -> frozenset[str]:
    """First parts of Arabic given names written with a hyphen or a space ("Abdel")."""
    return _words("joined_given_names.txt")


@lru_cache(maxsize=1)
def heading_small_words() -> frozenset[str]:
    """Words a headline leaves lower-case between capitalised ones ("of", "vs.")."""
    return _words("heading_small_words.txt")


@lru_cache(maxsize=1)
def institution_heads() -> frozenset[str]:
    """Last words of a facility named like an institution ("the Stimson Center")."""
    return _words("institution_heads.txt")


@lru_cache(maxsize=1)
def stance_words() -> dict[str, str]:
    """Lemma -> "negative" or "positive": words that show an attitude toward an actor."""
    return {row["lemma"]: row["stance"] for row in _rows("stance_words.tsv")}


@lru_cache(maxsize=1)
def cue_stances() -> dict[str, str]:
    """Cue class -> the stance it carries toward whom it aims at ("accuse" -> negative)."""
    return {row["class"]: row["stance"] for row in _rows("cue_stances.tsv")}


@lru_cache(maxsize=1)
def place_prepositions() -> frozenset[str]:
    """Prepositions after which a country is only a place ("a briefing in Beijing")."""
    return _words("place_prepositions.txt")
