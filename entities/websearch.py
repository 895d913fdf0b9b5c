"""Web-search syntax read as PostgreSQL's websearch_to_tsquery reads it: words and "exact
phrases" must all appear, `OR` between two of them accepts either, a leading `-` excludes.
SQLite matches with it (entities.selectors.statements), the pages use it to mark the words
found and to suggest spellings. No Django."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from entities.folding import fold

# a token: -"a phrase" (the closing quote may be missing), or anything up to a space
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


@dataclass(frozen=True)
class Term:
    text: str  # folded: "hacked", "exact phrase"
    phrase: bool = False


@dataclass
class Clause:
    """Every required term and none of the excluded ones."""

    required: list[Term] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)


@dataclass
class WebQuery:
    """Any one of the clauses, as websearch_to_tsquery reads `OR`: between clauses of terms,
    `a b OR c -d` is (a and b) or (c and not d)."""

    clauses: list[Clause] = field(default_factory=list)

    @property
    def terms(self) -> list[Term]:
        """The terms a match may contain, each once, in the order typed."""
        return list(dict.fromkeys(t for clause in self.clauses for t in clause.required))

    def __bool__(self) -> bool:
        return bool(self.clauses)


def websearch_parse(query: str) -> WebQuery:
    out = WebQuery()
    clause = Clause()
    for match in _TOKEN.finditer(query):
        minus, quoted, bare = match.groups()
        if bare is not None:
            if bare.lower() == "or":
                if clause.required or clause.excluded:
                    out.clauses.append(clause)
                    clause = Clause()
                continue
            minus = "-" if bare.startswith("-") else ""
            text, phrase = fold(bare.lstrip("-")), False
        else:
            text, phrase = fold(quoted), True
        if not text:
            continue
        # punctuation inside a word makes a phrase of its parts, as in to_tsvector
        term = Term(text, phrase=phrase or " " in text)
        terms = clause.excluded if minus else clause.required
        if term not in terms:  # "oil oil oil ...": one condition, not thousands
            terms.append(term)
    if clause.required or clause.excluded:
        out.clauses.append(clause)
    unique: list[Clause] = []
    for clause in out.clauses:
        if clause not in unique:
            unique.append(clause)
    out.clauses = unique
    return out
