"""Reads: the querysets behind pages and API endpoints, with their joins decided here."""

from entities.selectors.actors import *  # noqa: F403
from entities.selectors.api import *  # noqa: F403
from entities.selectors.articles import *  # noqa: F403
from entities.selectors.statements import *  # noqa: F403
from entities.selectors.ui import *  # noqa: F403
