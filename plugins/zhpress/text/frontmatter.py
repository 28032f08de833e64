"""The YAML front matter block of a Markdown source."""
from __future__ import annotations

import re

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def split_front_matter(source: str) -> tuple[str, str]:
    """('---\\n...\\n---\\n', body); ('', source) when there is no front matter."""
    match = FRONT_MATTER.match(source)
    if not match:
        return "", source
    return match.group(0), source[match.end():]
