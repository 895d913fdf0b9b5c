"""A vocabulary of English words, read from the spaCy model's string store (about 49,000
alphabetic strings, 10 ms to read, no model load): enough to tell "inter-national" (a word cut
at a line's end) from "long-term" (a compound) in a PDF's text."""

from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=2)
def vocabulary(model_name: str) -> frozenset[str]:
    """The model's alphabetic strings in lower case; empty when the model is not a package
    here (the caller then goes by the document's own spellings)."""
    try:
        spec = importlib.util.find_spec(model_name)
    except (ImportError, ValueError):
        return frozenset()
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    for folder in spec.submodule_search_locations:
        for path in sorted(Path(folder).glob("*/vocab/strings.json")):
            strings = json.loads(path.read_text(encoding="utf-8"))
            return frozenset(s.lower() for s in strings if isinstance(s, str) and s.isalpha())
    return frozenset()
