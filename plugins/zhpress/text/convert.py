"""Script conversion between Traditional and Simplified Chinese: faithful first.

A source is published in its own script as written; only phrase overrides
touch it. The other script is made with the OpenCC conversion made for the
source's standard, character forms only, never vocabulary (tw2sp, s2twp would
turn 網際網路 into 互联网):

========  ========  ==============================================
source    script    conversion
========  ========  ==============================================
hant      hant      as written (``repair=True``: t2s, then s2tw / s2hk)
hant      hans      tw2s (hk2s for a Hong Kong source)
hans      hans      as written
hans      hant      s2tw (s2hk)
========  ========  ==============================================

The repair through Simplified (``repair=True``) is for a Traditional text that
reached us through a mechanical Simplified-to-Traditional conversion (云 for
雲, 么 for 麼, 并 for 並). On correct Taiwan prose it is harmful (游明鑫 →
遊明鑫, 不是只有 → 不是隻有, 台灣 → 臺灣), so it runs only where a source
says so. `zhpress.text.detect` finds the texts that look mechanically
converted but do not say so.

Phrase overrides win over OpenCC. There are two kinds, applied in this order:

* the site's own (site_config/variants.yml, entity names), both directions:
  either form found in a text is written as the target script's form;
* the curated defaults shipped in ``data/default_phrases.yml``, each for one
  direction: fixes for OpenCC's errors (甚麼 → 什么 when making Simplified;
  是只有 → 是只有, not 是隻有, when making Traditional) and, for Simplified
  sources only, Taiwan usage where s2tw writes another standard's form
  (台灣, 計畫, 公布 rather than 臺灣, 計劃, 公佈).

A site override is matched first, so it wins over a default where both could
apply. Among overrides the longest match at the leftmost position wins. An
override does not fire inside a longer word that contains it across its edge:

* OpenCC's own dictionary is asked: where converting the text around a match
  in one piece differs from converting it cut at the match's edge, OpenCC
  reads a longer word across that edge (结合并且: 合并 is not a word there,
  结合 and 并且 are; 台风: the default 台 → 台 leaves OpenCC's 颱風), and the
  override is skipped;
* an override may list ``not_in`` contexts where it must not fire, for the
  cases OpenCC cannot see (至于美人鱼 for the name 于美人; 論著 in 討論著).

An override meant to correct OpenCC's reading of such a word is written with
its context (是只有, not 只有: OpenCC reads 是只 as 是隻) or, where the
context varies (一起干杯, 小事干着急), with ``guard: false``.

Everything here is pure: no MkDocs, no plugin.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping, Sequence, Union

import opencc

SCRIPTS = ("hant", "hans")

# Traditional standards we support, by the name used in configuration:
# (to Simplified, to Traditional).
STANDARDS = {"tw": ("tw2s", "s2tw"), "hk": ("hk2s", "s2hk")}
# Kept for callers of the previous API: the Simplified-to-Traditional config.
TRADITIONAL_CONFIGS = {name: pair[1] for name, pair in STANDARDS.items()}

MAX_OVERRIDES = 6000
DEFAULT_PHRASES = Path(__file__).parent / "data" / "default_phrases.yml"

# OpenCC leaves private-use characters alone, so one can hold the place of a
# phrase override while the rest of the text is converted. Supplementary
# Private Use Area-A: 65,534 places, and never met in prose. A text that
# holds such characters is converted in pieces around them.
_PLACE_BASE = 0xF0000
_PLACE_LIMIT = 0xFFFFD
_PRIVATE = re.compile("([\U000F0000-\U0010FFFF]+)")
# How far on each side of an override OpenCC is asked about word edges.
_PROBE_WINDOW = 4
_VERDICTS_KEPT = 200_000


@lru_cache(maxsize=None)
def opencc_converter(name: str) -> opencc.OpenCC:
    """The OpenCC converter for config `name` ("t2s", "tw2s", "s2tw", ...), built once."""
    return opencc.OpenCC(name)


def fold_to_traditional(text: str, standard: str = "tw") -> str:
    """A script-independent key for `text`: OpenCC t2s, then s2tw (s2hk).

    Not for display: it is the repair through Simplified, which rewrites some
    correct text (游 → 遊). It is for keys that must be the same whatever the
    script a text is written in, and stable from one release to the next:
    heading ids (zhpress.text.slug) and entity names (siteconfig.entities).
    It uses no phrase override, so editing one never changes a key.
    """
    if not text or text.isascii():
        return text
    return opencc_converter(STANDARDS[standard][1]).convert(opencc_converter("t2s").convert(text))


def fold_to_simplified(text: str) -> str:
    """Search normalisation: OpenCC t2s, the same for text in either script."""
    if not text or text.isascii():
        return text
    return opencc_converter("t2s").convert(text)


@dataclass(frozen=True)
class Phrase:
    """A phrase override: `hant` is written in Traditional output, `hans` in
    Simplified output.

    `to` limits it to one direction ("hant": only where Traditional is made,
    matching `hans` in the source; "hans": only where Simplified is made,
    matching `hant`); None means both, matching either form. `not_in` lists
    longer contexts, in either script, where it must not fire. `standards`
    limits it to some Traditional standards ("tw", "hk"), empty for all.
    `guard` False lets it fire even where OpenCC reads a longer word across
    its edge: for an override that corrects that very reading (一起干杯:
    OpenCC reads 一起干, 一起幹杯). `repair` False keeps a "hant" default out
    of the repair through Simplified: a usage preference (台 over 臺) must
    not rewrite what a Traditional source wrote.
    """

    hant: str
    hans: str
    to: str | None = None
    not_in: tuple[str, ...] = ()
    standards: tuple[str, ...] = ()
    guard: bool = True
    repair: bool = True

    def output(self, script: str) -> str:
        return self.hant if script == "hant" else self.hans


OverrideInput = Union[Phrase, Sequence[str], Mapping[str, object]]


def _phrase(item: OverrideInput) -> Phrase | None:
    if isinstance(item, Phrase):
        return item
    if isinstance(item, Mapping):
        hant, hans = item.get("hant"), item.get("hans")
        not_in = item.get("not_in") or ()
        if isinstance(not_in, str):
            not_in = (not_in,)
        standards = item.get("standards") or ()
        if isinstance(standards, str):
            standards = (standards,)
        phrase = Phrase(
            str(hant or ""), str(hans or ""), item.get("to"), tuple(map(str, not_in)),
            tuple(standards), bool(item.get("guard", True)), bool(item.get("repair", True)),
        )
    else:
        values = tuple(item)
        if len(values) not in (2, 3):
            raise ValueError(f"a phrase override is (hant, hans) or (hant, hans, not_in); got {item!r}")
        not_in = values[2] if len(values) == 3 else ()
        if isinstance(not_in, str):
            not_in = (not_in,)
        phrase = Phrase(str(values[0] or ""), str(values[1] or ""), None, tuple(not_in))
    if not phrase.hant or not phrase.hans:
        return None
    if phrase.to not in (None, "hant", "hans"):
        raise ValueError(f"phrase {phrase.hant}/{phrase.hans}: 'to' must be 'hant' or 'hans'")
    for context in phrase.not_in:
        if phrase.hant not in context and phrase.hans not in context:
            raise ValueError(
                f"phrase {phrase.hant}/{phrase.hans}: not_in context {context!r} does not contain it"
            )
    return phrase


@lru_cache(maxsize=None)
def default_phrases() -> tuple[Phrase, ...]:
    """The curated overrides shipped with zhpress (data/default_phrases.yml)."""
    import yaml

    data = yaml.safe_load(DEFAULT_PHRASES.read_text(encoding="utf-8")) or {}
    phrases = []
    sections = {
        "to_hans": {"to": "hans"},
        "to_hant": {"to": "hant"},
        "to_hant_usage": {"to": "hant", "repair": False, "standards": ["tw"]},
    }
    unknown = set(data) - set(sections)
    if unknown:
        raise ValueError(f"{DEFAULT_PHRASES}: unknown sections {sorted(unknown)}")
    for section, implied in sections.items():
        for entry in data.get(section) or []:
            phrase = _phrase({**entry, **implied})
            if phrase is None:
                raise ValueError(f"{DEFAULT_PHRASES}: {section} entry without hant and hans: {entry!r}")
            phrases.append(phrase)
    return tuple(phrases)


class _Matcher:
    """Finds one layer of overrides (site or default) in text of one script,
    for one target script, and puts placeholders in their place."""

    def __init__(self, forms: dict[str, Phrase], script: str, probe: str | None):
        self.forms = forms  # form as written in the text -> its phrase
        self.script = script
        self.probe = probe  # OpenCC config that reads the text's words, if any
        self._verdicts: dict[tuple[str, int, int], bool] = {}
        self.trie: dict = {}
        for form in forms:
            node = self.trie
            for char in form:
                node = node.setdefault(char, {})
            node[""] = form
        self.starts = re.compile("[" + "".join(re.escape(c) for c in sorted(self.trie)) + "]")

    def _candidates(self, text: str, start: int) -> list[str]:
        """Forms found at `start`, longest first."""
        found, node, index, size = [], self.trie, start, len(text)
        while index < size:
            node = node.get(text[index])
            if node is None:
                break
            if "" in node:
                found.append(node[""])
            index += 1
        return found[::-1]

    def _excluded(self, text: str, start: int, form: str, phrase: Phrase) -> bool:
        return inside_context(text, start, start + len(form), phrase.not_in)

    def _crosses_word(self, text: str, start: int, end: int) -> bool:
        """Whether OpenCC reads a word across the edge of text[start:end]."""
        if self.probe is None:
            return False
        lo, hi = max(0, start - _PROBE_WINDOW), min(len(text), end + _PROBE_WINDOW)
        # The verdict depends on the window alone, and a name comes back in
        # the same few contexts (騰訊的, ，騰訊): each window is probed once.
        key = (text[lo:hi], start - lo, end - lo)
        verdict = self._verdicts.get(key)
        if verdict is None:
            if len(self._verdicts) >= _VERDICTS_KEPT:
                self._verdicts.clear()
            verdict = self._verdicts[key] = self._probe_edges(*key)
        return verdict

    def _probe_edges(self, window: str, start: int, end: int) -> bool:
        convert = opencc_converter(self.probe).convert
        text, lo, hi = window, 0, len(window)
        whole = None
        for edge in (start, end):
            if edge in (lo, hi):
                continue
            if whole is None:
                whole = convert(window)
            if convert(text[lo:edge]) + convert(text[edge:hi]) != whole:
                return True
        return False

    def protect(self, text: str, places: list[str]) -> str:
        out, pos = [], 0
        search = self.starts.search
        match = search(text, pos)
        while match is not None:
            start = match.start()
            taken = None
            for form in self._candidates(text, start):
                phrase = self.forms[form]
                end = start + len(form)
                if phrase.not_in and self._excluded(text, start, form, phrase):
                    continue
                if phrase.guard and self._crosses_word(text, start, end):
                    continue
                taken = (end, phrase.output(self.script))
                break
            if taken is None:
                match = search(text, start + 1)
                continue
            end, replacement = taken
            out.append(text[pos:start])
            if len(places) > _PLACE_LIMIT - _PLACE_BASE:
                raise ValueError("too many phrase overrides in one text")
            out.append(chr(_PLACE_BASE + len(places)))
            places.append(replacement)
            pos = end
            match = search(text, pos)
        if not out:
            return text
        out.append(text[pos:])
        return "".join(out)


class ScriptConverter:
    """Converts text written in `source` script to `script` ('hant' / 'hans').

    `traditional` is the Traditional standard, "tw" (Taiwan) or "hk" (Hong
    Kong). `overrides` are the site's phrase overrides: (hant, hans) pairs,
    (hant, hans, not_in) triples, `Phrase`s or {hant, hans, not_in} mappings;
    they win over OpenCC and over the defaults, in both directions.
    `use_defaults` adds the curated overrides of data/default_phrases.yml.
    """

    def __init__(
        self,
        traditional: str = "tw",
        overrides: Iterable[OverrideInput] = (),
        use_defaults: bool = True,
    ):
        if traditional not in STANDARDS:
            raise ValueError(
                f"unknown Traditional standard {traditional!r}; use one of {sorted(STANDARDS)}"
            )
        self.traditional = traditional
        self.to_hans_config, self.to_hant_config = STANDARDS[traditional]
        overrides = [p for p in (_phrase(item) for item in overrides) if p is not None]
        if len(overrides) > MAX_OVERRIDES:
            raise ValueError(f"too many phrase overrides (at most {MAX_OVERRIDES})")
        self.overrides = [p for p in overrides if not p.standards or traditional in p.standards]
        self.defaults = [
            p for p in (default_phrases() if use_defaults else ())
            if not p.standards or traditional in p.standards
        ]
        self._matchers: dict[tuple, list[_Matcher]] = {}

    # -- public API ---------------------------------------------------------

    def convert(self, text: str, script: str, source: str = "hant", repair: bool = False) -> str:
        """`text`, written in `source` script, in `script`.

        A text stays as written in its own script (overrides aside). With
        `repair`, a Traditional source is taken to have come through a
        mechanical Simplified-to-Traditional conversion: its Traditional
        output is repaired through Simplified (t2s, then s2tw / s2hk). Its
        Simplified output is tw2s (hk2s) either way: the mechanical converter
        wrote the standard's forms (帶著), which tw2s reads right (带着) where
        t2s leaves 著.
        """
        if script not in SCRIPTS or source not in SCRIPTS:
            raise ValueError(f"unknown script {script!r} or {source!r}; use 'hant' or 'hans'")
        if not text or text.isascii():
            return text
        if _PRIVATE.search(text):
            return "".join(
                part if index % 2 else self.convert(part, script, source, repair)
                for index, part in enumerate(_PRIVATE.split(text))
            )
        places: list[str] = []
        if source == "hant" and script == "hant" and repair:
            out = self._protect(text, "hant", "hant", places, probe="t2s")
            out = opencc_converter("t2s").convert(out)
            out = self._protect(out, "hans", "hant", places, probe=self.to_hant_config, repair=True)
            out = opencc_converter(self.to_hant_config).convert(out)
        elif source == script:
            probe = self.to_hans_config if source == "hant" else self.to_hant_config
            out = self._protect(text, source, script, places, probe=probe)
        elif script == "hans":
            out = self._protect(text, "hant", "hans", places, probe=self.to_hans_config)
            out = opencc_converter(self.to_hans_config).convert(out)
        else:
            out = self._protect(text, "hans", "hant", places, probe=self.to_hant_config)
            out = opencc_converter(self.to_hant_config).convert(out)
        if places:
            out = out.translate({_PLACE_BASE + i: value for i, value in enumerate(places)})
        return out

    def to_traditional(self, text: str) -> str:
        """Deprecated name of `fold_to_traditional` (a key, not for display)."""
        return fold_to_traditional(text, self.traditional)

    # -- overrides ------------------------------------------------------------

    def _protect(
        self, text: str, written: str, script: str, places: list[str], probe: str, repair: bool = False
    ) -> str:
        for matcher in self._layer(written, script, probe, repair):
            text = matcher.protect(text, places)
        return text

    def _layer(self, written: str, script: str, probe: str, repair: bool) -> list[_Matcher]:
        """Matchers for text written in `written` script made into `script`:
        the site's overrides, then the defaults (in the repair, only those
        that fix OpenCC's errors)."""
        key = (written, script, probe, repair)
        if key not in self._matchers:
            matchers = []
            for phrases in (self.overrides, self.defaults):
                forms: dict[str, Phrase] = {}
                for phrase in phrases:
                    if repair and not phrase.repair:
                        continue
                    if phrase.to is None:
                        found = (phrase.hant, phrase.hans)
                    elif phrase.to == script and written != script:
                        found = (phrase.output(written),)
                    else:
                        continue
                    for form in found:
                        forms.setdefault(form, phrase)  # the first entry for a form wins
                if forms:
                    matchers.append(_Matcher(forms, script, probe))
            self._matchers[key] = matchers
        return self._matchers[key]


def load_overrides(data: object, source: str = "variants.yml") -> list:
    """Reads phrase overrides from the parsed site_config/variants.yml.

    Expected shape: {"phrases": [{"hant": "...", "hans": "...",
    "not_in": ["...", ...]}, ...]}; `not_in` is optional. Returns (hant, hans)
    pairs, or (hant, hans, not_in) triples for entries with `not_in`.
    """
    if data is None:
        return []
    if not isinstance(data, Mapping):
        raise ValueError(f"{source}: expected a mapping with a 'phrases' list")
    phrases = data.get("phrases") or []
    if not isinstance(phrases, list):
        raise ValueError(f"{source}: 'phrases' must be a list of {{hant: ..., hans: ...}} entries")
    pairs: list = []
    for number, entry in enumerate(phrases, start=1):
        if not isinstance(entry, Mapping) or not entry.get("hant") or not entry.get("hans"):
            raise ValueError(
                f"{source}: phrase #{number} must have both 'hant' and 'hans' (got {entry!r})"
            )
        hant, hans = str(entry["hant"]), str(entry["hans"])
        not_in = entry.get("not_in")
        if not_in is None:
            pairs.append((hant, hans))
            continue
        if isinstance(not_in, str):
            not_in = [not_in]
        if not isinstance(not_in, list) or not all(isinstance(c, str) and c for c in not_in):
            raise ValueError(f"{source}: phrase #{number}: 'not_in' must be a list of phrases")
        for context in not_in:
            if hant not in context and hans not in context:
                raise ValueError(
                    f"{source}: phrase #{number}: not_in entry {context!r} does not contain "
                    f"{hant!r} or {hans!r}"
                )
        pairs.append((hant, hans, tuple(not_in)))
    return pairs


@lru_cache(maxsize=None)
def default_converter() -> ScriptConverter:
    """A Taiwan-standard converter with the default overrides only."""
    return ScriptConverter()


def inside_context(text: str, start: int, end: int, contexts) -> bool:
    """Whether text[start:end] is part of one of `contexts` written around it
    (a name's `not_in`: 京東 inside 南京東路)."""
    form = text[start:end]
    for context in contexts:
        at = context.find(form)
        while at != -1:
            if start - at >= 0 and text.startswith(context, start - at):
                return True
            at = context.find(form, at + 1)
    return False
