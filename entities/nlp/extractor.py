"""The whole extraction: raw input -> ExtractionResult, one document or a batch."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from . import clean as cleaning
from . import headline
from .actors import find_actors
from .pipeline import BATCH_SIZE, PIPELINE_VERSION
from .statements import find_statements
from .types import CleanText, ExtractionResult

if TYPE_CHECKING:
    from spacy.language import Language


def extract(raw: str, nlp: Language, *, take_title: bool = True) -> ExtractionResult:
    return next(extract_many([raw], nlp, take_title=take_title))


def extract_many(
    raws: Iterable[str], nlp: Language, *, take_title: bool = True, batch_size: int = BATCH_SIZE
) -> Iterator[ExtractionResult]:
    """Clean and extract each input; spaCy runs over the batch with nlp.pipe."""
    cleaned = (cleaning.clean(raw, take_title=take_title) for raw in raws)
    return extract_clean(cleaned, nlp, batch_size=batch_size)


def extract_clean(
    texts: Iterable[CleanText], nlp: Language, *, batch_size: int = BATCH_SIZE
) -> Iterator[ExtractionResult]:
    """Extraction of text that is already clean (the body of a stored article)."""
    pairs = nlp.pipe(
        ((headline.joined(t.title, t.body), t) for t in texts),
        as_tuples=True,
        batch_size=batch_size,
    )
    for doc, text in pairs:
        yield _result(doc, text, nlp)


def model_name(nlp: Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', '')}-{meta.get('version', '')}"


def _result(doc, text: CleanText, nlp: Language) -> ExtractionResult:
    index = find_actors(doc)
    actors, mentions, statements = headline.split(
        text.title, text.body, index.frozen_actors(), index.mentions, find_statements(doc, index)
    )
    return ExtractionResult(
        title=text.title,
        body=text.body,
        metadata=text.metadata,
        actors=actors,
        mentions=mentions,
        statements=statements,
        model=model_name(nlp),
        pipeline_version=PIPELINE_VERSION,
    )
