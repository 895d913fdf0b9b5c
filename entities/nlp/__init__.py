"""The NLP core: pure Python on spaCy, no Django. Text or HTML in, frozen dataclasses out."""

from .extract import extract, extract_clean, extract_many
from .pipeline import (
    MODEL_PACKAGE_HINT,
    PIPELINE_VERSION,
    ModelNotInstalledError,
    load,
    model_installed,
)

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
