"""Heading anchors that read well in Chinese and are the same in every script.

A heading's id is made from its Traditional (Taiwan) form, so the zh-Hant and
zh-Hans pages of one article share ids and a link to #section keeps working
after switching script.
"""
from __future__ import annotations

import re
import unicodedata

from .convert import default_converter

_DROP = re.compile(r"[^\w\s-]", re.UNICODE)
_SEPARATORS = re.compile(r"[\s_-]+", re.UNICODE)


def slugify(value: str, separator: str = "-") -> str:
    """Python-Markdown `toc` slugify function: `slugify: !!python/name:zhpress.text.slug.slugify`."""
    text = unicodedata.normalize("NFC", value)
    converter = default_converter()
    text = converter.to_traditional(text).lower()
    text = _DROP.sub("", text)
    return _SEPARATORS.sub(separator, text).strip(separator)
