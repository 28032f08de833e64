"""Terms the glossary could have: found in Markdown sources, reported as
suggestions with file and line, never as errors.

- a parenthetical definition: a Latin term followed by a short Chinese gloss
  in brackets (GMV(平臺總交易量), To C（消費者）, Closure（閉包）), or a Chinese
  name followed by its abbreviation (雲與智慧產業事業群(CSIG), 服務品質 (QoS));
- an upper-case acronym (two or more capitals: CRM, KPI).

Only terms with no entry (in either file, in any script) are reported, each
once per file, at its first line. Only prose is read (suggest.prose): never
code (fenced, indented, `inline` even across lines, <pre> and <code>), link
targets, URLs or HTML tags.

Brackets hold many things that are not definitions; a gloss is one only
when it reads as a name for the term: a few Chinese words, no sentence
(punctuation, a pronoun, a negation, "for example"), no number, and not the
part of a series (CSS injection（上）, React（一）).
"""
from __future__ import annotations

import re
from typing import Callable, NamedTuple

from .prose import prose_lines

_HAN = "\u3400-\u9fff\uf900-\ufaff"
# A bracketed text, then what precedes it: the scan looks for brackets first
# (few in a line), never tries a pattern at every character of Chinese text.
_BRACKETED = re.compile(r"[(（](?P<inside>[^()（）\n]{1,40})[)）]")
# GMV(平臺總交易量), To C（消費者）: a Latin term holding a capital, touching
# the bracket.
_LATIN_BEFORE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9&+.-]*(?: [A-Za-z0-9&+.-]+){0,3}\Z")
# 雲與智慧產業事業群(CSIG): a Chinese name, then its abbreviation.
_HAN_BEFORE = re.compile(rf"[{_HAN}]{{2,12}}\s*\Z")
_ACRONYM = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*(?![A-Za-z0-9])")
_CAPITALS = re.compile(r"[A-Z][A-Z0-9]*[A-Z]")

# A gloss is a few Chinese words (or and 、 between them), nothing else.
_GLOSS = re.compile(rf"\A[{_HAN}、·／/ ]{{2,12}}\Z")
_HAN_CHARACTER = re.compile(f"[{_HAN}]")
# What a sentence or an aside has and a name does not: pronouns, negations,
# "for example", "so", "but", "including", "version", "like".
_NOT_A_NAME = re.compile(
    "[我你您他她它咱這这那沒没很請请吧嗎吗呢]|大家|真的|就是|例如|比如|譬如|舉例|举例|假設|假设|假如"
    "|像是|任何|所以|因為|因为|因此|但是|不過|不过|而且|抱歉|應該|应该|也許|也许|包含|以上|以下|詳見|详见|了$")
# The part of a series: (上) (下) (一) (續) (上篇) (第二部分) (完).
_SERIES = re.compile(
    r"\A(?:第?[一二三四五六七八九十百零〇兩\d]+(?:部分|[篇章集部回講讲節节])?|[上中下前後后終终][篇集部冊册卷]?"
    r"|續|续|續篇|续篇|續集|续集|完|完結|完结|完結篇|完结篇|番外|番外篇|全文|全)\Z")
# An abbreviation: letters, digits and & + . / -, at least two capitals and
# no three lower-case letters in a row (QoS, B2B, IoT; not WeChat, Ctrl+Q).
_ABBREVIATION = re.compile(r"\A(?=(?:[^A-Z]*[A-Z]){2})(?!.*[a-z]{3})[A-Z][A-Za-z0-9&+./-]{1,11}\Z")


class Suggestion(NamedTuple):
    line: int
    term: str
    message: str
    fix: str

    def format(self, path: str) -> str:
        return f"{path}:{self.line}: {self.message}. Fix: {self.fix}"


def is_definition(gloss: str) -> bool:
    """Whether a bracketed Chinese text after a term reads as its name
    (閉包, 平臺總交易量), not as an aside (可代換成任何演算法), a part of a
    series (上, 一), a version (5.2 版本) or a condition (含)."""
    gloss = gloss.strip()
    return (_GLOSS.match(gloss) is not None and len(_HAN_CHARACTER.findall(gloss)) >= 2
            and _SERIES.match(gloss) is None and _NOT_A_NAME.search(gloss) is None)


def suggestions(source: str, known: Callable[[str], bool]) -> list[Suggestion]:
    """Suggestions for one Markdown source; `known(term)` says whether an
    entry has that name."""
    found: list[Suggestion] = []
    reported: set[str] = set()

    def report(line: int, term: str, message: str, fix: str) -> None:
        key = term.casefold()
        if key in reported or known(term):
            return
        reported.add(key)
        found.append(Suggestion(line, term, message, fix))

    for number, text in prose_lines(source):
        if "(" in text or "（" in text:
            for match in _BRACKETED.finditer(text):
                inside, before = match.group("inside").strip(), text[:match.start()]
                if is_definition(inside):
                    term = _LATIN_BEFORE.search(before[-60:])
                    if term:
                        _latin_glossed(number, term.group(), inside, known, report)
                elif _ABBREVIATION.match(inside):
                    gloss = _HAN_BEFORE.search(before[-16:])
                    if gloss:
                        report(number, inside, f"'{inside}' is given as the abbreviation of "
                                               f"'…{gloss.group().strip()}' but has no entry",
                               f"add '{inside}' as an alias of that name's entry in site_config/entities.yml "
                               "or glossary.yml")
        if _CAPITALS.search(text):
            for match in _ACRONYM.finditer(text):
                term = match.group()
                report(number, term, f"'{term}' looks like an acronym with no glossary entry",
                       f"add it to site_config/glossary.yml (term: {term}, with its expansion and definition) "
                       "if readers may not know it")
    return found


def _latin_glossed(number: int, found: str, gloss: str, known, report) -> None:
    # "and To C(消費者)": the term is the words from a capital on; any of
    # its endings may be the known one.
    words = found.split()
    endings = [" ".join(words[i:]) for i in range(len(words))]
    if any(known(ending) for ending in endings):
        return
    term = next((e for e in endings if e[:1].isupper()), "")
    if term:
        report(number, term, f"'{term}' is defined in the text as '{gloss}' but has no glossary entry",
               f"add it to site_config/glossary.yml (term: {term}, definition: {gloss}…) "
               "so readers get the definition wherever it is used")
