"""What every CSV export of the app writes through: cells a spreadsheet would run as formulas."""

from __future__ import annotations


def formula_safe(value):
    """A cell starting with = + - @ (or a tab or carriage return) is a formula to spreadsheet
    programs: a leading apostrophe makes it text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
