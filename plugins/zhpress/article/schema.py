"""Front matter schema of an article: now a shared contract in core
(zhpress/check reports the same problems), re-exported here."""
from __future__ import annotations

from ..core.frontmatter import (  # noqa: F401
    DATE_FIX, DATE_KEYS, KNOWN_KEYS, PAGE_KEYS, PEOPLE_KEYS, TEXT_KEYS, validate_front_matter,
)
from ..core.problems import Problem  # noqa: F401
