"""The NLP core: pure Python on spaCy, no Django. Text or HTML in, frozen dataclasses out.

Importing this package is cheap: spaCy and the extraction rules are imported on first use of
`extract`, `extract_clean` or `extract_many`, so that `django.setup()` (which runs the system
check asking whether the model is installed) never imports spaCy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .pipeline import (
    MODEL_PACKAGE_HINT,
    PIPELINE_VERSION,
    ModelNotInstalledError,
    load,
    model_installed,
)

if TYPE_CHECKING:
    from .extractor import extract, extract_clean, extract_many

_LAZY = {"extract": ".extractor", "extract_clean": ".extractor", "extract_many": ".extractor"}

__all__ = [
    "MODEL_PACKAGE_HINT",
    "PIPELINE_VERSION",
    "ModelNotInstalledError",
    "extract",
    "extract_clean",
    "extract_many",
    "load",
    "model_installed",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    try:  # a submodule reached as an attribute: `nlp.clean.looks_like_html(raw)`
        return import_module(f".{name}", __name__)
    except ModuleNotFoundError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
