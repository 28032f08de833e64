"""Terms the glossary could have: found in Markdown sources, reported as
suggestions with file and line, never as errors.

- a parenthetical definition: a Latin term followed by a Chinese gloss in
  brackets (GMV(平臺總交易量), To C（消費者）), or a Chinese name followed by
  its Latin abbreviation (雲與智慧產業事業群(CSIG));
- an upper-case acronym (two or more capitals: CRM, KPI).

Only terms with no entry (in either file, in any script) are reported, each
once per file, at its first line. Code (fenced blocks, `inline`), link
targets, URLs and HTML tags are not read.
"""
from __future__ import annotations

import re
from typing import Callable, NamedTuple

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_NOT_TEXT = re.compile(r"`+[^`]*`+|\]\([^)]*\)|<[^>\n]*>|https?://\S+|\{[:#.][^}]*\}|\*\[[^\]]*\]:.*$")
_HAN = "\u3400-\u9fff\uf900-\ufaff"
# A bracketed text, then what precedes it: the scan looks for brackets first
# (few in a line), never tries a pattern at every character of Chinese text.
_BRACKETED = re.compile(r"[(（](?P<inside>[^()（）\n]{1,40})[)）]")
# GMV(平臺總交易量), To C（消費者）: a Latin term holding a capital, touching
# the bracket; the gloss has Chinese and no Latin letter (English prose in
# brackets is no definition).
_LATIN_BEFORE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9&+.-]*(?: [A-Za-z0-9&+.-]+){0,3}\Z")
_CHINESE_GLOSS = re.compile(rf"\A[^A-Za-z]*[{_HAN}][^A-Za-z]*\Z")
# 雲與智慧產業事業群(CSIG): a Chinese name, then its Latin abbreviation.
_HAN_BEFORE = re.compile(rf"[{_HAN}]{{2,12}}\s*\Z")
_LATIN_ABBREVIATION = re.compile(r"\A[A-Za-z][A-Za-z0-9&+. -]{0,39}\Z")
_ACRONYM = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*(?![A-Za-z0-9])")
_CAPITALS = re.compile(r"[A-Z][A-Z0-9]*[A-Z]")


class Suggestion(NamedTuple):
    line: int
    term: str
    message: str
    fix: str

    def format(self, path: str) -> str:
        return f"{path}:{self.line}: {self.message}. Fix: {self.fix}"


def suggestions(source: str, known: Callable[[str], bool]) -> list[Suggestion]:
    """Suggestions for one Markdown source; `known(term)` says whether an
    entry has that name."""
    found: list[Suggestion] = []
    reported: set[str] = set()
    fence: str | None = None
    front_matter = source.startswith("---")

    def report(line: int, term: str, message: str, fix: str) -> None:
        key = term.casefold()
        if key in reported or known(term):
            return
        reported.add(key)
        found.append(Suggestion(line, term, message, fix))

    for number, line in enumerate(source.split("\n"), start=1):
        if front_matter:
            if number > 1 and line.rstrip() in ("---", "..."):
                front_matter = False
            if number == 1 or not front_matter or line.lstrip().startswith("#"):
                continue
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        if line.startswith(("    ", "\t")):
            continue
        text = _NOT_TEXT.sub(" ", line) if ("`" in line or "<" in line or "](" in line
                                             or "://" in line or "{" in line or "*[" in line) else line
        if "(" in text or "（" in text:
            for match in _BRACKETED.finditer(text):
                inside, before = match.group("inside").strip(), text[:match.start()]
                if _CHINESE_GLOSS.match(inside):
                    term = _LATIN_BEFORE.search(before[-60:])
                    if term:
                        _latin_glossed(number, term.group(), inside, known, report)
                elif _LATIN_ABBREVIATION.match(inside):
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
