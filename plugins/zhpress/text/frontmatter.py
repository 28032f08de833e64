"""The YAML front matter block of a Markdown source, split off and parsed."""
from __future__ import annotations

import re

import yaml

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def split_front_matter(source: str) -> tuple[str, str]:
    """('---\\n...\\n---\\n', body); ('', source) when there is no front matter."""
    match = FRONT_MATTER.match(source)
    if not match:
        return "", source
    return match.group(0), source[match.end():]


def read_front_matter(source: str) -> dict:
    match = FRONT_MATTER.match(source)
    if not match or not match.group(1):
        return {}
    data = yaml.safe_load(match.group(1))
    return data if isinstance(data, dict) else {}
