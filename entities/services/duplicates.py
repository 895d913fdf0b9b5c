"""Possible duplicate actors by the likeness of their names, found with rapidfuzz and stored as
PossibleDuplicate rows (beside the resolver's own doubts) for an editor to merge or dismiss.

Only actors of one kind are compared, names folded first (accents, case, "the", dots):

- people: each word of the shorter name matches its own word of the longer one, in order,
  the surnames (last words) included: equal, an initial of it ("V. Putin"), or a spelling
  variant (rapidfuzz ratio >= PERSON_WORD_RATIO, words of 4 letters or more: "Sergei" /
  "Sergey", "Zelensky" / "Zelenskyy"); at most one word more on one side ("Donald J.
  Trump"). Short words must be equal, so "Kim Jong Un" / "Kim Jong Nam" and "Kim Jong Il"
  are never offered, nor "Donald Trump" / "Donald Trump Jr." (the last words differ);
- organisations, groups and countries: token_sort_ratio >= NAME_RATIO ("Ministry of Defence"
  / "Ministry of Defense") with the same numbers ("G7" is not "G20"), or an acronym written
  in capitals that is the initials of the other's words ("NATO" / "North Atlantic Treaty
  Organization").

The thresholds were measured on realistic names (tests/entities/test_duplicates.py holds the
pairs that must and must not be offered)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from rapidfuzz import fuzz, process

from entities.models import Actor, PossibleDuplicate, fit_field, normalise_name

PERSON_WORD_RATIO = 80  # "sergei"/"sergey" 83; "mark"/"mary" 75; "daniel"/"danielle" 86
NAME_RATIO = 92  # "ministry of defence"/"... defense" 94; "north korea"/"south korea" 82
_SHORT = 4  # words shorter than this are compared exactly
_ACRONYM_SKIP = {"of", "the", "and", "for", "on", "in", "de", "to", "&"}
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class _Name:
    pk: int
    name: str
    folded: str
    words: tuple[str, ...]


def _name(pk: int, name: str) -> _Name:
    folded = normalise_name(name)
    return _Name(pk, name, folded, tuple(_WORD.findall(folded)))


def _word_alike(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:  # an initial
        return a[0] == b[0]
    if min(len(a), len(b)) < _SHORT:
        return False
    return fuzz.ratio(a, b) >= PERSON_WORD_RATIO


def _persons_alike(a: _Name, b: _Name) -> bool:
    short, long = sorted((a.words, b.words), key=len)
    if len(short) < 2 or len(long) - len(short) > 1:
        return False
    if sorted(a.words) == sorted(b.words):
        return True  # "Xi Jinping" / "Jinping Xi"
    if not _word_alike(short[-1], long[-1]) or len(short[-1]) == 1 or len(long[-1]) == 1:
        return False  # the surnames must be written out and alike
    i = 0
    for word in long:  # each word of the shorter name, in order, against the longer one
        if i < len(short) and _word_alike(short[i], word):
            i += 1
    return i == len(short)


def _acronym(name: _Name) -> str:
    return "".join(w[0] for w in name.words if w not in _ACRONYM_SKIP)


def _is_acronym(name: str) -> bool:
    letters = name.replace(".", "").strip()
    return letters.isalpha() and letters.isupper() and len(letters) >= 2


def names_alike(a: str, b: str, kind: str) -> str:
    """Why two names of actors of `kind` may be one actor, in words; "" when they may not."""
    return _alike(_name(0, a), _name(0, b), kind)


def _alike(x: _Name, y: _Name, kind: str) -> str:
    a, b = x.name, y.name
    if not x.words or not y.words:
        return ""
    if x.folded == y.folded:
        return f"'{a}' and '{b}' are one name written two ways"
    if kind == Actor.Kind.PERSON:
        if _persons_alike(x, y):
            return f"'{a}' and '{b}' may be one person's name spelt two ways"
        return ""
    for acronym, other, written in ((a, y, b), (b, x, a)):
        if (
            _is_acronym(acronym)
            and len(other.words) >= 2
            and not any(_is_acronym(w) for w in written.split())  # "DNC Rules Committee"
            and _acronym(other) == acronym.replace(".", "").lower()
        ):
            return f"'{acronym}' may be the initials of '{written}'"
    digits = [w for w in x.words if any(c.isdigit() for c in w)]
    others = [w for w in y.words if any(c.isdigit() for c in w)]
    if digits != others:
        return ""
    if fuzz.token_sort_ratio(x.folded, y.folded) >= NAME_RATIO:
        return f"'{a}' and '{b}' may be one name spelt two ways"
    return ""


class _Pool:
    """The live actors of one kind, with what the searches read prepared once."""

    def __init__(self, kind: str, rows: Iterable[tuple[int, str]] | None = None) -> None:
        if rows is None:
            live = Actor.objects.filter(kind=kind, merged_into__isnull=True, rejected=False)
            rows = live.values_list("pk", "name")
        self.kind = kind
        self.names = [_name(pk, name) for pk, name in rows]
        # rapidfuzz searches the distinct keys (a person's surname, another actor's name)
        self.by_key: dict[str, list[int]] = {}
        for i, n in enumerate(self.names):
            key = (n.words[-1] if n.words else "") if kind == Actor.Kind.PERSON else n.folded
            self.by_key.setdefault(key, []).append(i)
        self.keys = list(self.by_key)
        self.by_initials: dict[str, list[int]] = {}  # "nato" -> North Atlantic Treaty Org...
        self.acronyms: dict[str, list[int]] = {}  # "nato" -> NATO
        for i, n in enumerate(self.names):
            if len(n.words) >= 2:
                self.by_initials.setdefault(_acronym(n), []).append(i)
            if _is_acronym(n.name):
                self.acronyms.setdefault(n.folded.replace(".", ""), []).append(i)

    def pairs_for(self, new: _Name) -> list[tuple[int, int, str]]:
        """The pairs of `new` with the pool's names: rapidfuzz narrows the pool in C++ (on the
        surname for people, the whole name otherwise), names_alike decides."""
        if not new.words or not self.names:
            return []
        if self.kind == Actor.Kind.PERSON:
            query, scorer, cutoff = new.words[-1], fuzz.ratio, PERSON_WORD_RATIO
        else:
            query, scorer, cutoff = new.folded, fuzz.token_sort_ratio, NAME_RATIO
        hits = process.extract(query, self.keys, scorer=scorer, score_cutoff=cutoff, limit=None)
        found = {i for _, _, k in hits for i in self.by_key[self.keys[k]]}
        if self.kind != Actor.Kind.PERSON:
            found.update(self.acronyms.get(_acronym(new), []) if len(new.words) >= 2 else [])
            if _is_acronym(new.name):
                found.update(self.by_initials.get(new.folded.replace(".", ""), []))
        out = []
        for i in sorted(found):
            other = self.names[i]
            if other.pk == new.pk:
                continue
            reason = _alike(new, other, self.kind)
            if reason:
                low, high = sorted((new.pk, other.pk))
                out.append((low, high, reason))
        return out


def name_pairs(kind: str, names: list[str], new: list[str] | None = None) -> dict:
    """{(i, j): reason} for the names (indices into `names`) that may be one actor: `new`
    against all of them, or all against all. No database: for benchmarks and measurements."""
    pool = _Pool(kind, list(enumerate(names)))
    news = pool.names if new is None else [_name(-1 - i, n) for i, n in enumerate(new)]
    pairs: dict[tuple[int, int], str] = {}
    for name in news:
        for low, high, reason in pool.pairs_for(name):
            pairs.setdefault((low, high), reason)
    return pairs


@transaction.atomic
def possible_duplicates_find(*, actors: Iterable[Actor] | None = None) -> int:
    """Store as PossibleDuplicate the likely duplicates of `actors` (every live actor when
    None) among the live actors of their kind. A pair found before, or dismissed by an editor,
    is left as it is. Returns how many pairs were new."""
    given = None if actors is None else [a for a in actors if not a.rejected]
    kinds = Actor.Kind.values if given is None else sorted({a.kind for a in given})
    pairs: dict[tuple[int, int], str] = {}
    for kind in kinds:
        pool = _Pool(kind)
        if given is None:
            news = pool.names
        else:
            news = [_name(a.pk, a.name) for a in given if a.kind == kind]
        for new in news:
            for low, high, reason in pool.pairs_for(new):
                pairs.setdefault((low, high), reason)
    if not pairs:
        return 0
    before = PossibleDuplicate.objects.count()
    PossibleDuplicate.objects.bulk_create(
        [
            PossibleDuplicate(
                actor_id=low, other_id=high, reason=fit_field(PossibleDuplicate, "reason", why)
            )
            for (low, high), why in sorted(pairs.items())
        ],
        ignore_conflicts=True,  # found before (or dismissed): the stored row stays
    )
    return PossibleDuplicate.objects.count() - before
