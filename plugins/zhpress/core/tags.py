"""Where a tag's pages live: one folder name per tag, the same in both scripts.

zhpress/article publishes tags/<slug>/ and zhpress/check reports tags that
would share one: both use `tag_slug`.

A slug is the heading slug of the tag (Traditional, lower case, so 云计算
and 雲計算 are one tag), except that symbols which tell tags apart are
spelled out: C++ and C# do not share c/, they get c-plus-plus/ and c-sharp/.
A tag of punctuation only still gets a folder (？？ -> u-ff1f-u-ff1f).
"""
from __future__ import annotations

import re
import unicodedata

from ..text.slug import slugify

# Symbols that make a different tag (C, C++, C#; R&D; F*): spelled out.
_NAMED = {"+": "plus", "#": "sharp", "&": "and", "@": "at", "*": "star", "%": "percent", "$": "dollar",
          "=": "equals", "<": "lt", ">": "gt", "/": "slash", "|": "bar", "~": "tilde", "^": "caret"}
_WORD = re.compile(r"[\w\s-]", re.UNICODE)


def tag_slug(tag: object) -> str:
    """Folder name of a tag's pages: never empty, never shared by tags that
    differ by more than script, case or punctuation between words."""
    text = unicodedata.normalize("NFC", str(tag)).strip()
    spelled = "".join(f" {_NAMED[ch]} " if ch in _NAMED else ch for ch in text)
    slug = slugify(spelled)
    if slug:
        return slug
    # Punctuation only: every character by its code point.
    return "-".join(f"u-{ord(ch):04x}" for ch in text if not ch.isspace()) or "u-0020"
