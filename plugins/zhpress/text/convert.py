"""Script conversion between Traditional and Simplified Chinese with OpenCC.

Traditional output is always made by going through Simplified first (t2s, then
s2tw or s2hk): text that reached us through a bad mechanical conversion (云 for
雲, 么 for 麼, 并 for 並) is repaired that way, and correct Traditional text
comes back unchanged. Phrase-level conversion (s2twp) is deliberately not used:
it rewrites a speaker's own vocabulary (互聯網 -> 網際網路).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Mapping

import opencc

# Traditional standards we support, by the name used in configuration.
TRADITIONAL_CONFIGS = {"tw": "s2tw", "hk": "s2hk"}

# OpenCC leaves Private Use Area characters alone, so they can hold the place
# of a phrase override while the rest of the text is converted.
_PUA_BASE = 0xE000


@lru_cache(maxsize=None)
def _opencc(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


class ScriptConverter:
    """Converts text to 'hant' (Traditional) or 'hans' (Simplified).

    `overrides` is a list of (traditional, simplified) phrase pairs that win
    over OpenCC in both directions: any of the two forms found in the input is
    written as the target script's form.
    """

    def __init__(self, traditional: str = "tw", overrides: Iterable[tuple[str, str]] = ()):
        if traditional not in TRADITIONAL_CONFIGS:
            raise ValueError(
                f"unknown Traditional standard {traditional!r}; use one of {sorted(TRADITIONAL_CONFIGS)}"
            )
        self.traditional = traditional
        self._t2s = _opencc("t2s")
        self._s2t = _opencc(TRADITIONAL_CONFIGS[traditional])
        self.overrides = [(t, s) for t, s in overrides if t and s]
        if len(self.overrides) > 6000:
            raise ValueError("too many phrase overrides (at most 6000)")
        # Each source form maps to the index of its override pair.
        self._forms: dict[str, int] = {}
        for index, (hant, hans) in enumerate(self.overrides):
            self._forms.setdefault(hant, index)
            self._forms.setdefault(hans, index)
        # Placeholder -> the target script's form, for str.translate.
        self._restore_tables = {
            script: {_PUA_BASE + i: pair[column] for i, pair in enumerate(self.overrides)}
            for column, script in enumerate(("hant", "hans"))
        }
        self._pattern = (
            re.compile("|".join(re.escape(f) for f in sorted(self._forms, key=len, reverse=True)))
            if self._forms
            else None
        )

    def to_simplified(self, text: str) -> str:
        return self._convert(text, "hans")

    def to_traditional(self, text: str) -> str:
        return self._convert(text, "hant")

    def convert(self, text: str, script: str, source: str = "hant") -> str:
        """`text` written in `source` script, in `script`.

        Traditional sources always pass through Simplified, which repairs
        mechanically converted text; a Simplified source is taken as written
        (only overrides apply when it stays Simplified)."""
        if script not in ("hant", "hans") or source not in ("hant", "hans"):
            raise ValueError(f"unknown script {script!r} or {source!r}; use 'hant' or 'hans'")
        return self._convert(text, script, source)

    def _convert(self, text: str, script: str, source: str = "hant") -> str:
        if not text or text.isascii():
            return text
        # Overrides are found as written and again after t2s, which also
        # catches mechanically converted spellings (周杰倫 for 周杰伦 → 周傑倫).
        out = self._protect(text)
        if source == "hant":
            out = self._protect(self._t2s.convert(out))
        if script == "hant":
            out = self._s2t.convert(out)
        return self._restore(out, script) if self._pattern is not None else out

    def _protect(self, text: str) -> str:
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda m: chr(_PUA_BASE + self._forms[m.group(0)]), text)

    def _restore(self, text: str, script: str) -> str:
        return text.translate(self._restore_tables[script])

def load_overrides(data: object, source: str = "variants.yml") -> list[tuple[str, str]]:
    """Reads phrase overrides from the parsed site_config/variants.yml.

    Expected shape: {"phrases": [{"hant": "...", "hans": "..."}, ...]}.
    """
    if data is None:
        return []
    if not isinstance(data, Mapping):
        raise ValueError(f"{source}: expected a mapping with a 'phrases' list")
    phrases = data.get("phrases") or []
    if not isinstance(phrases, list):
        raise ValueError(f"{source}: 'phrases' must be a list of {{hant: ..., hans: ...}} entries")
    pairs = []
    for number, entry in enumerate(phrases, start=1):
        if not isinstance(entry, Mapping) or not entry.get("hant") or not entry.get("hans"):
            raise ValueError(
                f"{source}: phrase #{number} must have both 'hant' and 'hans' (got {entry!r})"
            )
        pairs.append((str(entry["hant"]), str(entry["hans"])))
    return pairs


@lru_cache(maxsize=None)
def default_converter() -> ScriptConverter:
    return ScriptConverter()
