"""CJK punctuation: half-width marks in Chinese context, corner quotes.

Pure stdlib. Used by the typeset plugin on every text run of a page (the run
arrives split at HTML tags, with the visible characters just outside it as
`before` / `after`), and by the check plugin to report problems in sources.
`fix_punctuation` and `find_halfwidth` share one scanner (`_scan`), so what is
reported is exactly what is fixed.

Rules, in short (details at each function):

* Faithful by default: a half-width mark the author wrote in Latin context
  stays as written (the Chinese copywriting conventions keep half-width marks
  inside English phrases, names and symbols). A run of `, ; : ? !` stays when
  follows, without a space, a Latin letter, a digit or an ASCII symbol
  (`Yahoo!`, `React,然後`, `1,000`, `v4:`), when it precedes one without
  touching a Chinese character on its left (`::first-line`, ` :hover`), or
  is a colon before one (`使用:hover`), when it stands
  alone between spaces (`利用 ! 這個運算子`), or when Latin text is the nearest
  visible character on both sides (`attacks work? ` inside an English title).
  Otherwise it becomes `，；：？！` when the nearest visible character on either
  side is CJK (`騰訊,公司`, `好嗎?是的`, `說明: 這是`).
* `repair=True`, for a source that says it came through a mechanical
  Simplified-to-Traditional conversion (whose half-width marks are the
  converter's, not the author's): `, ; :` also convert after Latin before
  Chinese (`To B,騰訊`), and `? !` after a Latin phrase set in Chinese text
  (`用戶KPI?我想` → `用戶KPI？我想`), unless Latin follows directly.
* `( )` become `（ ）` only as a matched pair: when the content has CJK, the
  left outside is CJK, or the pair opens the run and CJK follows it.
  `f(x)`, `(2019)` after Latin, unbalanced brackets, `()` and kaomoji stay.
* Spaces or tabs next to a converted mark are dropped: full-width marks carry
  their own spacing.
* Never touched: URLs, e-mail addresses, HTML entities, emoticons such as
  `:)` or `:-D`, `...`, `.` and `·`, text that is already full-width, text
  without CJK. The result is idempotent.
* Context is the nearest visible character, skipping spaces and quotes.
  Brackets pair within one run only: `(<em>企業</em>)` arrives as three runs,
  each bracket unbalanced in its own, and stays half-width.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

__all__ = [
    "CJK_CHARS",
    "CJK_LETTERS",
    "CJK_RE",
    "FULLWIDTH",
    "Issue",
    "apply_issues",
    "find_halfwidth",
    "fix_punctuation",
    "is_cjk",
    "is_cjk_letter",
    "to_corner_quotes",
]

# --- Character classes -------------------------------------------------------

# (first, last) code points, sorted. "CJK" here means anything that sets the
# text as Chinese/East Asian: ideographs, their punctuation and full-width
# forms, bopomofo (and kana, harmless for Chinese and right for Japanese names).
_CJK_RANGES: tuple[tuple[int, int], ...] = (
    (0x2E80, 0x2FDF),  # CJK radicals supplement, Kangxi radicals
    (0x2FF0, 0x2FFF),  # ideographic description characters
    (0x3000, 0x303F),  # CJK symbols and punctuation (、。「」『』〈〉…)
    (0x3040, 0x30FF),  # hiragana, katakana
    (0x3100, 0x312F),  # bopomofo
    (0x3190, 0x31FF),  # kanbun, bopomofo extended, CJK strokes, katakana ext.
    (0x3200, 0x33FF),  # enclosed CJK letters and months, CJK compatibility
    (0x3400, 0x4DBF),  # CJK Unified Ideographs Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0xFE10, 0xFE1F),  # vertical forms
    (0xFE30, 0xFE6F),  # CJK compatibility forms, small form variants
    (0xFF00, 0xFFEF),  # half-width and full-width forms (，；：？！（）)
    (0x20000, 0x2FA1F),  # Extensions B-F, compatibility ideographs supplement
    (0x30000, 0x323AF),  # Extensions G, H
)
# Letters only (no punctuation): ideographs, bopomofo, kana letters.
_LETTER_RANGES: tuple[tuple[int, int], ...] = (
    (0x3005, 0x3007),  # 々 〆 〇
    (0x3041, 0x3096),  # hiragana
    (0x30A1, 0x30FA),  # katakana
    (0x3100, 0x312F),  # bopomofo
    (0x31A0, 0x31BF),  # bopomofo extended
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2FA1F),
    (0x30000, 0x323AF),
)


_CJK_STARTS = [a for a, _ in _CJK_RANGES]
_CJK_ENDS = [b for _, b in _CJK_RANGES]
_LETTER_STARTS = [a for a, _ in _LETTER_RANGES]
_LETTER_ENDS = [b for _, b in _LETTER_RANGES]


def _in_ranges(ch: str, starts: list[int], ends: list[int]) -> bool:
    if not ch:
        return False
    o = ord(ch[0])
    if o < starts[0]:
        return False
    i = bisect_right(starts, o) - 1
    return o <= ends[i]


def is_cjk(ch: str) -> bool:
    """True if `ch` (its first character) is CJK: an ideograph, CJK symbol or
    punctuation, full-width form, bopomofo or kana. False for "" and None."""
    return _in_ranges(ch, _CJK_STARTS, _CJK_ENDS)


def is_cjk_letter(ch: str) -> bool:
    """True if `ch` is a CJK ideograph, bopomofo or kana letter (not punctuation)."""
    return _in_ranges(ch, _LETTER_STARTS, _LETTER_ENDS)


def _class_fragment(ranges: tuple[tuple[int, int], ...]) -> str:
    def esc(o: int) -> str:
        return f"\\u{o:04x}" if o <= 0xFFFF else f"\\U{o:08x}"

    return "".join(f"{esc(a)}-{esc(b)}" for a, b in ranges)


#: Regex character-class fragment: `re.compile(f"[{CJK_CHARS}]")`.
CJK_CHARS = _class_fragment(_CJK_RANGES)
CJK_LETTERS = _class_fragment(_LETTER_RANGES)
CJK_RE = re.compile(f"[{CJK_CHARS}]")
_CJK_LETTER_RE = re.compile(f"[{CJK_LETTERS}]")

# --- Tables ------------------------------------------------------------------

FULLWIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_MESSAGES = {
    half: f"half-width '{half}' in Chinese text; use '{full}'" for half, full in FULLWIDTH.items()
}
_HALF_RE = re.compile(r"[,;:?!()]")
_DROPPABLE_SPACE = " \t"
# Skipped when looking for the "nearest visible character": spaces and quotes
# (`“好”?` is a question about 好; `Hello,“你好”` introduces Chinese).
_TRANSPARENT = frozenset("\"'“”‘’")
# Characters a `?` / `!` may walk back over to find the Chinese text that a
# Latin word or phrase is embedded in (`用戶KPI?`, `用 Node.js?`, `嗎...?`).
_LATIN_PHRASE = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _.+#-/&%'\"“”‘’"
)
_PHRASE_LIMIT = 64
# What a paired bracket counts as next to a mark: neither Latin nor a space.
_NEUTRAL = "\ufffc"
# Marks that form one run for the Latin-context test (`?!`, `...?`, `::`).
_MARK_RUN = frozenset(",;:?!.")
# CJK punctuation that ends a sentence: a Latin phrase after it starts a new one.
_SENTENCE_END = frozenset("。！？．｡…‥")
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

# Spans that are never changed (their characters still count as context).
# The look-behinds keep the scans linear on long Latin runs.
_URL_RE = re.compile(
    r"(?:(?<![A-Za-z0-9+.\-])[A-Za-z][A-Za-z0-9+.\-]*://|(?<![A-Za-z0-9.\-])www\.|mailto:)"
    r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+"
)
_EMAIL_RE = re.compile(r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_ENTITY_RE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_URL_TRAILING = ".,;:!?'\"*"
# `:D`, `;-P`, `=O` ... when followed by end, space or punctuation (not by a
# letter: `例如:D公司` is a colon).
_LETTER_EMOTICON_RE = re.compile(r"[:;=]-?[DPpOo3]")
# Bracket pair contents that are a face, not a parenthesis: `^_^`, `T_T`, `>_<`.
_FACE_RE = re.compile(r"\S*_+\S*")


@dataclass(frozen=True, slots=True)
class Issue:
    """A half-width mark that `fix_punctuation` changes.

    `offset` is the mark's index in the text; applying the fix replaces
    `text[start:end]` (the mark plus the spaces it absorbs) with `replacement`.
    """

    offset: int
    char: str
    replacement: str
    message: str
    start: int
    end: int


# --- Scanner -----------------------------------------------------------------


def _is_kaomoji(content: str) -> bool:
    """Bracket content drawn as a face: short, with a symbol or a Greek or
    Cyrillic letter no Chinese or Latin text has (`°Д°`, `´ω`)."""
    if len(content) > 12:
        return False
    for ch in content:
        if ord(ch) < 0x80 or is_cjk(ch):
            continue
        name = unicodedata.name(ch, "")
        if not name.startswith("LATIN"):
            return True
    return False


def _latin_like(ch: str) -> bool:
    """A Latin letter, digit or ASCII symbol (not a space, not a quote)."""
    return bool(ch) and ch.isascii() and not ch.isspace() and ch not in _TRANSPARENT


def _protected_spans(full: str) -> list[tuple[int, int]]:
    spans = []
    if "://" in full or "www." in full or "mailto:" in full:
        for m in _URL_RE.finditer(full):
            start, end = m.span()
            # Sentence punctuation after a URL is not part of it, nor is an
            # unbalanced closing bracket: `(見https://a.b/c)`.
            while end > start:
                last = full[end - 1]
                if last in _URL_TRAILING:
                    end -= 1
                elif last == ")" and full.count("(", start, end) < full.count(")", start, end):
                    end -= 1
                else:
                    break
            spans.append((start, end))
    if "@" in full:
        spans.extend(m.span() for m in _EMAIL_RE.finditer(full))
    if "&" in full:
        spans.extend(m.span() for m in _ENTITY_RE.finditer(full))
    return spans


def _scan(text: str, before: str, after: str, repair: bool = False) -> list[Issue]:
    # Early exits: nothing to convert, or no CJK anywhere near.
    if not _HALF_RE.search(text):
        return []
    if not (CJK_RE.search(text) or (before and CJK_RE.search(before)) or (after and CJK_RE.search(after))):
        return []
    full = before + text + after if before or after else text
    lo = len(before)
    hi = lo + len(text)
    size = len(full)

    candidates = [m.start() + lo for m in _HALF_RE.finditer(text)]
    spans = _protected_spans(full)
    if spans:
        candidates = [p for p in candidates if not any(a <= p < b for a, b in spans)]

    # Match brackets (a stack: nested pairs work, unbalanced ones stay out).
    pairs: list[tuple[int, int]] = []
    marks: list[int] = []
    unmatched: list[int] = []
    stack: list[int] = []
    for p in candidates:
        c = full[p]
        if c == "(":
            stack.append(p)
        elif c == ")":
            if stack:
                pairs.append((stack.pop(), p))
            else:
                unmatched.append(p)
        else:
            marks.append(p)
    unmatched.extend(stack)

    blocked: set[int] = set()
    # Emoticons: `:)`, `;-(`, `=)` built on an unmatched bracket; `:D`, `:-P`.
    for p in unmatched:
        q = p - 1
        if q >= 0 and full[q] in "-^'":
            q -= 1
        if q >= 0 and full[q] in ":;=":
            blocked.add(q)
    if ":" in text or ";" in text:
        for m in _LETTER_EMOTICON_RE.finditer(full, lo, hi):
            nxt = full[m.end()] if m.end() < size else ""
            if not nxt or not (nxt in _ASCII_ALNUM or is_cjk_letter(nxt)):
                blocked.add(m.start())
    # Pairs that are empty or hold a face (`()`, `(^_^)`, `(T_T)`, `(>_<)`):
    # leave them and everything inside alone.
    kept_pairs = []
    for o, c in pairs:
        content = full[o + 1 : c]
        if _is_kaomoji(content):  # `Σ(っ °Д °;)っ`: a face, kana and all
            blocked.update(range(o, c + 1))
            continue
        if _CJK_LETTER_RE.search(content):
            kept_pairs.append((o, c))
            continue
        has_alnum = any(ch in _ASCII_ALNUM for ch in content)
        if not has_alnum or (len(content) <= 10 and _FACE_RE.fullmatch(content)) or _is_kaomoji(content):
            blocked.update(range(o + 1, c))
            continue
        kept_pairs.append((o, c))
    pairs = [(o, c) for o, c in kept_pairs if o not in blocked]
    if blocked:
        marks = [p for p in marks if p not in blocked]
    if not pairs and not marks:
        return []

    converted: dict[int, str] = {}  # position in `full` -> full-width mark
    paired = {q for pair in pairs for q in pair}

    def char_at(j: int) -> str:
        return converted.get(j) or full[j]

    def left(p: int) -> str:
        j = p - 1
        while j >= 0 and (full[j].isspace() or full[j] in _TRANSPARENT):
            j -= 1
        return char_at(j) if j >= 0 else ""

    def right(p: int) -> str:
        j = p + 1
        while j < size and (full[j].isspace() or full[j] in _TRANSPARENT):
            j += 1
        return char_at(j) if j < size else ""

    def in_chinese_phrase(p: int) -> bool:
        # Walk back over a Latin word or phrase; is it embedded in Chinese?
        j = p - 1
        limit = max(-1, p - 1 - _PHRASE_LIMIT)
        while j > limit and full[j] in _LATIN_PHRASE:
            j -= 1
        if j < 0 or j == limit:
            return False
        ch = char_at(j)
        return is_cjk(ch) and ch not in _SENTENCE_END

    def pair_ok(o: int, c: int) -> bool:
        # The content is Chinese, or it follows Chinese (`騰訊(Tencent)`), or
        # it opens the run and Chinese follows (`(AI)技術`). `f(x)的` and
        # `Tencent(2019)` stay.
        if CJK_RE.search(full, o + 1, c):
            return True
        lc = left(o)
        if is_cjk(lc):
            return True
        return not lc and is_cjk(right(c))

    def touching(j: int, step: int) -> str:
        # The character a run of marks touches on one side: quotes are looked
        # through, a space is returned as " ", the text's edge as "". Spaces
        # a converted mark absorbs are looked through too (what a second
        # call would see: the result is idempotent).
        while 0 <= j < size and full[j] in _TRANSPARENT:
            j += step
        k = j
        while 0 <= k < size and full[k] in _DROPPABLE_SPACE:
            k += step
        if k != j and 0 <= k < size and k in converted:
            j = k
        if not 0 <= j < size:
            return ""
        if j in paired and j not in converted:
            return _NEUTRAL  # a bracket pair is decided on its own
        ch = char_at(j)
        return " " if ch.isspace() else ch

    def latin_context(p: int) -> bool:
        # The author's half-width mark in Latin context stays (faithful mode).
        lo_run = p
        while lo_run > 0 and full[lo_run - 1] in _MARK_RUN and (lo_run - 1) not in converted:
            lo_run -= 1
        hi_run = p
        while hi_run + 1 < size and full[hi_run + 1] in _MARK_RUN and (hi_run + 1) not in converted:
            hi_run += 1
        tl, tr = touching(lo_run - 1, -1), touching(hi_run + 1, 1)
        if _latin_like(tl):
            return True  # `Yahoo!`, `React,然後`, `1,000`
        if _latin_like(tr):
            # `::first-line`, `使用:hover`, `「!=」`; but a comma that touches
            # Chinese on its left and a word on its right is the Chinese
            # sentence's (`的是,1999年`, `騰訊,Google`).
            run = full[lo_run:hi_run + 1]
            sentence_comma = is_cjk(tl) and tr in _ASCII_ALNUM and not run.strip(",;")
            return not sentence_comma
        if tl in " " and tr in " " and (tl or tr):
            return True  # `利用 ! 這個運算子`
        lc, rc = left(p), right(p)
        return _latin_like(lc) and _latin_like(rc)  # `a , b` inside a Latin phrase

    def mark_ok(p: int) -> bool:
        mark = full[p]
        if not repair and latin_context(p):
            return False
        lc = left(p)
        if is_cjk(lc):
            return True
        if mark in ",;:":
            # Latin or digit on the left, Chinese on the right: `To B,騰訊`.
            # Digits/Latin on both sides (`1,000`, `10:30`, `a, b`) stay.
            return is_cjk(right(p))
        # `?` / `!` after Latin: only when it closes a Latin word or phrase
        # that sits in Chinese text (`用戶KPI?我想`), and no Latin follows.
        if not lc or not (lc in _ASCII_ALNUM or lc in ".%"):
            return False
        rc = right(p)
        if rc and rc in _ASCII_ALNUM:
            return False
        return in_chinese_phrase(p)

    # Iterate to a fixed point: a conversion can give a neighbour its Chinese
    # context (`好,(AI)` → `好，（AI）`), so one more pass sees what a second
    # call would see. That is what makes the function idempotent.
    while pairs or marks:
        changed = False
        rest_pairs = []
        for o, c in pairs:
            if pair_ok(o, c):
                converted[o] = "（"
                converted[c] = "）"
                changed = True
            else:
                rest_pairs.append((o, c))
        pairs = rest_pairs
        rest_marks = []
        for p in marks:
            if mark_ok(p):
                converted[p] = FULLWIDTH[full[p]]
                changed = True
            else:
                rest_marks.append(p)
        marks = rest_marks
        if not changed:
            break

    if not converted:
        return []
    issues = []
    prev_end = lo
    for p in sorted(converted):
        start = p
        while start > prev_end and full[start - 1] in _DROPPABLE_SPACE:
            start -= 1
        end = p + 1
        while end < hi and full[end] in _DROPPABLE_SPACE:
            end += 1
        mark = full[p]
        issues.append(Issue(p - lo, mark, converted[p], _MESSAGES[mark], start - lo, end - lo))
        prev_end = end
    return issues


def apply_issues(text: str, issues: list[Issue]) -> str:
    """Replaces `text[issue.start:issue.end]` by `issue.replacement` for each issue."""
    if not issues:
        return text
    out = []
    pos = 0
    for issue in sorted(issues, key=lambda i: i.start):
        out.append(text[pos : issue.start])
        out.append(issue.replacement)
        pos = issue.end
    out.append(text[pos:])
    return "".join(out)


def find_halfwidth(text: str, before: str = "", after: str = "", repair: bool = False) -> list[Issue]:
    """Every half-width mark in `text` that `fix_punctuation` would change.

    `apply_issues(text, find_halfwidth(text))` equals `fix_punctuation(text)`.
    """
    return _scan(text, before, after, repair)


def fix_punctuation(text: str, before: str = "", after: str = "", repair: bool = False) -> str:
    """Turns half-width `, ; : ? ! ( )` in Chinese context into `，；：？！（）`.

    `before` / `after` are the visible characters just outside this text run
    (text split at inline HTML tags keeps its context). Only `text` changes.
    `repair`: the source came through a mechanical conversion, so its
    half-width marks after Latin words are the converter's (module docstring).
    """
    if not text:
        return text
    issues = _scan(text, before, after, repair)
    return apply_issues(text, issues) if issues else text


# --- Corner quotes -----------------------------------------------------------

_QUOTE_RE = re.compile("[“”‘’「」『』]")
_CORNER = {"“": "「", "”": "」", "‘": "『", "’": "』"}
_OPEN_DOUBLE = "“「"
_OPEN_SINGLE = "‘『"


def to_corner_quotes(text: str, before: str = "", after: str = "") -> str:
    """Turns curly quotes in Chinese context into corner brackets (Taiwan and
    Hong Kong convention): “ ” → 「 」 and ‘ ’ → 『 』, so “他說‘好’” →
    「他說『好』」. The mapping is by shape, not by nesting depth: a ‘ ’ the
    author chose stays a single bracket.

    A matched pair converts when its content has CJK or the nearest visible
    character just outside it is CJK (`“9·30”組織` → `「9·30」組織`,
    `他說“OK”` → `他說「OK」`); quotes in English text (`“Hello”, she said`)
    stay. A `’` with no open `‘` is an apostrophe (`don’t`); unbalanced quotes
    and straight quotes `"` `'` stay. Spaces or tabs next to a converted
    bracket are dropped, as for `fix_punctuation`. Idempotent.
    """
    if "“" not in text and "‘" not in text and "”" not in text and "’" not in text:
        return text
    if not (CJK_RE.search(text) or (before and CJK_RE.search(before)) or (after and CJK_RE.search(after))):
        return text
    full = before + text + after if before or after else text
    lo = len(before)
    hi = lo + len(text)
    size = len(full)

    # Match pairs. Corner brackets already in the text take part with the
    # role of their curly twin, so a second call sees the same pairs.
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[int, bool]] = []  # (position, is double)
    for m in _QUOTE_RE.finditer(text):
        p = m.start() + lo
        ch = full[p]
        if ch in _OPEN_DOUBLE:
            stack.append((p, True))
        elif ch in _OPEN_SINGLE:
            stack.append((p, False))
        elif ch in "’』":  # closes an open single, else it is an apostrophe
            if stack and not stack[-1][1]:
                pairs.append((stack.pop()[0], p))
        else:  # ” 」 close the nearest double, dropping stray singles (‘90s)
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][1]:
                    pairs.append((stack[k][0], p))
                    del stack[k:]
                    break
    pairs = [(o, c) for o, c in pairs if full[o] in _CORNER or full[c] in _CORNER]
    if not pairs:
        return text

    converted: dict[int, str] = {}

    def outside_cjk(j: int, step: int) -> bool:
        while 0 <= j < size and full[j].isspace():
            j += step
        return 0 <= j < size and is_cjk(converted.get(j) or full[j])

    # To a fixed point: a converted pair is CJK context for its neighbour.
    while pairs:
        rest = []
        for o, c in pairs:
            if (
                CJK_RE.search(full, o + 1, c)
                or any(o < q < c for q in converted)  # a converted inner pair
                or outside_cjk(o - 1, -1)
                or outside_cjk(c + 1, 1)
            ):
                converted[o] = _CORNER.get(full[o], full[o])
                converted[c] = _CORNER.get(full[c], full[c])
            else:
                rest.append((o, c))
        if len(rest) == len(pairs):
            break
        pairs = rest
    changed = sorted(p for p in converted if full[p] in _CORNER)
    if not changed:
        return text
    out = []
    pos = lo
    for p in changed:
        start = p
        while start > pos and full[start - 1] in _DROPPABLE_SPACE:
            start -= 1
        out.append(full[pos:start])
        out.append(converted[p])
        pos = p + 1
        while pos < hi and full[pos] in _DROPPABLE_SPACE:
            pos += 1
    out.append(full[pos:hi])
    return "".join(out)


# --- Curly quotes (mainland convention) ---------------------------------------

_CURLY = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})


def to_curly_quotes(text: str, before: str = "", after: str = "") -> str:
    """Corner brackets become the mainland's curly quotes: 「 」 → “ ” and
    『 』 → ‘ ’ (GB/T 15834). Corner brackets are only ever quotes, so the
    mapping needs no context; `before` and `after` are accepted for symmetry."""
    return text.translate(_CURLY) if "「" in text or "『" in text or "」" in text or "』" in text else text
