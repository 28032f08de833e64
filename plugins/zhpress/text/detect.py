"""Does a Traditional text look like it came through a mechanical
Simplified-to-Traditional conversion?

The signal: the repair through Simplified (OpenCC t2s, then s2tw) is run on
the text, and only the changes it makes to a few telltale characters are
counted. A mechanical converter that maps one Simplified character to one
Traditional character leaves behind, as written, the Simplified characters
that are also Traditional characters with another meaning: 么 (麼), 后 (後),
并 (並, 併), 云 (雲), 干 (幹, 乾), 里 (裡), 面 (麵), ...; and for 发 it picks
發 where hair (髮) was meant. A writer of Traditional writes 怎麼, 之後,
並且, 雲端, 頭髮, and where they do write 后, 云 or 干 (皇后, 云云, 干涉) the
repair keeps it. So a repair of one of these characters is evidence of a
mechanical conversion; correct Taiwan prose practically never has one.

Deliberately not counted, because the repair changes them in correct
Taiwan prose: the surname characters 游 余 朱 采 郁 恒 范 于 (游明鑫 →
遊明鑫), and Taiwan usage 台 只 布 雇 污 了 回 念 復 (台灣 → 臺灣, 不是只有 →
不是隻有, 回復 → 回覆).

A text is flagged when it has at least `MIN_COUNT` such repairs, of at least
`MIN_KINDS` different characters, at a rate of at least `MIN_RATE` per
10,000 CJK characters. Measured (tests/unit/test_text_detect.py):

* the seed article: 40 telltale repairs of 9 characters in 2,798 CJK
  characters outside quotations, 143 per 10,000: flagged;
* correct Taiwan prose, tests/data/zh_hant_sentences.txt (315 sentences in
  32 documents of 10, names and Taiwan usage included): 0 documents flagged,
  0 telltale repairs at all;
* the same prose through a one-to-one Simplified-to-Traditional converter:
  25 of the 32 documents flagged (the other 7 hold one or two telltales:
  too little to say), and the whole at 232 per 10,000.

Pure: no MkDocs, no plugin. The caller turns spans into file:line reports.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .convert import STANDARDS, opencc_converter

# Telltale character -> the repairs of it that count.
MARKERS: dict[str, str] = {
    "么": "麼",
    "后": "後",
    "并": "並併",
    "云": "雲",
    "愿": "願",
    "干": "幹乾",
    "系": "係繫",
    "制": "製",
    "志": "誌",
    "里": "裡裏",
    "面": "麵",
    "發": "髮",
    "几": "幾",
    "松": "鬆",
    "斗": "鬥",
    "准": "準",
    "冲": "衝沖",
    "板": "闆",
    "丑": "醜",
    "吁": "籲",
}
MIN_COUNT = 3
MIN_KINDS = 2
MIN_RATE = 10.0  # per 10,000 CJK characters

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_CONTEXT = 4
# Characters of context converted on each side of a telltale: longer than
# the OpenCC phrases that decide how a character is repaired.
_WINDOW = 10
_MARKED = re.compile("[" + "".join(MARKERS) + "]")


@dataclass(frozen=True)
class Span:
    """One telltale character the repair changes."""

    start: int  # offset in the text
    end: int
    line: int  # 1-based, shifted by `first_line`
    column: int  # 1-based
    found: str  # as written, e.g. 么
    repaired: str  # what the repair writes, e.g. 麼
    context: str  # the text around it, on one line, e.g. 那么多不同

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.context} ({self.found} → {self.repaired})"


@dataclass(frozen=True)
class Verdict:
    flagged: bool
    rate: float  # telltale repairs per 10,000 CJK characters
    count: int  # telltale repairs
    kinds: int  # different telltale characters repaired
    cjk: int  # CJK characters in the text
    spans: tuple[Span, ...]  # every telltale repair, in text order

    @property
    def score(self) -> float:
        return self.rate

    def __bool__(self) -> bool:
        return self.flagged

    def summary(self, limit: int = 3) -> str:
        """One line for a build report, with the first `limit` spans."""
        shown = "; ".join(str(span) for span in self.spans[:limit])
        more = f"; and {self.count - limit} more" if self.count > limit else ""
        return (
            f"{self.count} characters look like leftovers of a mechanical Simplified-to-Traditional "
            f"conversion ({self.rate:.0f} per 10,000 CJK characters, {self.kinds} kinds): {shown}{more}"
        )


# What the author did not write in their own script: code (fenced, inline),
# addresses, and what they quote (a Simplified book or article title in
# 《》, a quotation in 「」 “” 『』, a Markdown quote block). Masked with spaces,
# so offsets, lines and columns stay those of the source.
_NOT_OWN_PROSE = re.compile(
    r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)"  # fenced code
    r"|`+[^`\n]*`+"  # inline code
    r"|\]\([^)\n]*\)|https?://\S+"  # link destinations, addresses
    r"|《[^》\n]{0,80}》|「[^」\n]{0,80}」|“[^”\n]{0,80}”|『[^』\n]{0,80}』"  # quoted titles and words
    r"|^[ \t]{0,3}>[^\n]*",  # quote blocks
    re.S | re.M,
)


def own_prose(text: str) -> str:
    """`text` with what the author quotes or writes as code masked by
    spaces (newlines kept)."""
    return _NOT_OWN_PROSE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def looks_mechanically_converted(text: str, standard: str = "tw", first_line: int = 1,
                                 quoted: bool = False) -> Verdict:
    """Whether Traditional `text` looks mechanically converted from Simplified.

    `standard` is the Traditional standard of the repair ("tw" or "hk");
    `first_line` is the line number of the text's first line in its file.
    Code, addresses and quotations (a Simplified title in 《》...) are not
    the author's prose and are not counted, unless `quoted`.
    """
    if not quoted:
        text = own_prose(text)
    cjk = len(_CJK.findall(text))
    spans: list[Span] = []
    if not _MARKED.search(text):  # no telltale character: nothing to repair
        return Verdict(False, 0.0, 0, 0, cjk, ())
    repaired = _repaired_around_markers(text, standard)
    if len(repaired) == len(text):
        pairs = ((m.start(), m.group(), repaired[m.start()]) for m in _MARKED.finditer(text))
    else:  # OpenCC's character configs keep length; never met, but be safe
        pairs = _aligned_changes(text, repaired)
    line_starts = None
    for index, found, fixed in pairs:
        if fixed not in MARKERS.get(found, ""):
            continue
        if line_starts is None:
            line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        line = _bisect(line_starts, index)
        line_start = line_starts[line]
        line_end = text.find("\n", index)
        line_end = len(text) if line_end == -1 else line_end
        lo, hi = max(line_start, index - _CONTEXT), min(line_end, index + 1 + _CONTEXT)
        spans.append(
            Span(index, index + 1, first_line + line, index - line_start + 1, found, fixed, text[lo:hi])
        )
    count = len(spans)
    kinds = len({span.found for span in spans})
    rate = count * 10000 / cjk if cjk else 0.0
    flagged = count >= MIN_COUNT and kinds >= MIN_KINDS and rate >= MIN_RATE
    return Verdict(flagged, rate, count, kinds, cjk, tuple(spans))


def _repair(text: str, standard: str) -> str:
    simplified = opencc_converter("t2s").convert(text)
    return opencc_converter(STANDARDS[standard][1]).convert(simplified)


def _repaired_around_markers(text: str, standard: str) -> str:
    """The repair of `text` where it matters: only the stretches around the
    telltale characters are converted (a quarter of a typical text), in one
    call, joined by newlines, which no OpenCC phrase crosses. The rest of
    the result is the text as written."""
    stretches: list[list[int]] = []
    for match in _MARKED.finditer(text):
        lo, hi = max(0, match.start() - _WINDOW), min(len(text), match.end() + _WINDOW)
        if stretches and lo <= stretches[-1][1]:
            stretches[-1][1] = hi
        else:
            stretches.append([lo, hi])
    if not stretches:
        return text
    joined = "\n".join(text[lo:hi] for lo, hi in stretches)
    converted = _repair(joined, standard)
    if len(converted) != len(joined):  # a phrase changed length: convert it all
        return _repair(text, standard)
    out, position, at = [], 0, 0
    for lo, hi in stretches:
        out.append(text[position:lo])
        out.append(converted[at:at + hi - lo])
        at += hi - lo + 1
        position = hi
    out.append(text[position:])
    return "".join(out)


def _bisect(starts: list[int], index: int) -> int:
    lo, hi = 0, len(starts)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if starts[mid] <= index:
            lo = mid
        else:
            hi = mid
    return lo


def _aligned_changes(text: str, repaired: str):
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, text, repaired, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1:
            for k in range(i2 - i1):
                yield i1 + k, text[i1 + k], repaired[j1 + k]
