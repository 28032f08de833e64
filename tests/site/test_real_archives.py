"""Real blogs, imported and built: what their authors wrote is published as
written, and every link and image works (tests/fixtures/real: four public
Chinese blogs, Hexo, Hugo and Jekyll, Taiwan and mainland writers).

Every case below is collected from the real posts themselves, not written
for the test: the marks come from the scanner `zhpress check` uses, the
links from the built pages."""
from __future__ import annotations

import html as htmllib
import json
import posixpath
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from zhpress.text.markdown_scan import prose_runs, scan
from zhpress.text.frontmatter import split_front_matter
from zhpress.text.punctuation import CJK_LETTERS, FULLWIDTH, find_halfwidth

VARIANTS = ("zh-hant", "zh-hans")
_LETTER = re.compile(f"[{CJK_LETTERS}]")
_TAG = re.compile(r"<[^>]+>")
_CODE = re.compile(r"<(pre|code|script|style|svg)\b.*?</\1>", re.S)
_PARAGRAPH = re.compile(r'<p id="p-\d+"[^>]*>(.*?)</p>', re.S)  # the body's paragraphs


def articles(project: Path) -> list[Path]:
    return sorted((project / "content" / "articles").rglob("*.md"))


def script_of(source: Path) -> str:
    front, _ = split_front_matter(source.read_text(encoding="utf-8"))
    return "zh-hans" if re.search(r"^script:\s*hans\s*$", front, re.M) else "zh-hant"


def pages(site: Path, variant: str) -> list[Path]:
    return sorted((site / variant / "articles").rglob("index.html"))


def visible_text(page_html: str) -> str:
    """The article's text as a reader sees it: tags dropped (entity links and
    term buttons join their text), code left out, references decoded."""
    body = page_html.split('<article', 1)[-1].split("</article>", 1)[0]
    return htmllib.unescape(_TAG.sub("", _CODE.sub(" ", body)))


@pytest.fixture(scope="module")
def site_text(real_archive) -> dict[str, str]:
    _, site, _ = real_archive
    return {v: "\n".join(visible_text(p.read_text(encoding="utf-8")) for p in pages(site, v)) for v in VARIANTS}


def marks(project: Path):
    """(variant, mark offset, prose text, faithful issues, repair issues) of
    every half-width , ; : ? ! on a prose line with Chinese, per source."""
    for source in articles(project):
        variant = script_of(source)
        front, body = split_front_matter(source.read_text(encoding="utf-8"))
        first_line = front.count("\n") + 1
        lines = body.split("\n")
        for piece, before, after in prose_runs(scan(body, first_line)):
            text = piece.text
            if not _LETTER.search(text) or "<" in lines[piece.line - first_line]:
                continue  # raw HTML on the line (Blogger's): browsers and scanners read it apart
            faithful = {i.offset for i in find_halfwidth(text, before, after)}
            repair = {i.offset for i in find_halfwidth(text, before, after, repair=True)}
            for offset, ch in enumerate(text):
                if ch in ",;:?!":
                    yield variant, offset, text, offset in faithful, offset in repair


def plain(snippet: str) -> bool:
    """A snippet the page shows unchanged but for the mark: letters, digits
    and CJK letters only (no other mark, quote or space typesetting touches)."""
    return all(ch.isascii() and ch.isalnum() or _LETTER.match(ch) for ch in snippet)


def test_latin_context_marks_are_left_as_written(real_archive, site_text):
    project, _, _ = real_archive
    kept = []
    for variant, offset, text, faithful, repair in marks(project):
        if faithful or not repair:
            continue  # only marks the Chinese-context rule alone would have changed
        left, right = text[max(0, offset - 5):offset], text[offset + 1:offset + 3]
        if not left or not plain(left + right):
            continue
        written = left + text[offset] + right
        changed = left + FULLWIDTH[text[offset]] + right
        if written in site_text[variant]:
            kept.append(written)
        assert changed not in site_text[variant], f"{written!r} was changed to {changed!r}"
    assert len(kept) >= 50, kept


def test_chinese_context_marks_are_converted(real_archive, site_text):
    project, _, _ = real_archive
    converted = []
    for variant, offset, text, faithful, _ in marks(project):
        if not faithful or offset < 3:
            continue
        # The spaces around a converted mark go: full-width marks carry their own.
        rest = text[offset + 1:]
        gap = len(rest) - len(rest.lstrip(" "))
        left, right = text[offset - 3:offset], rest[gap:gap + 3]
        if not (all(_LETTER.match(ch) for ch in left + right) and len(right) == 3):
            continue
        full = left + FULLWIDTH[text[offset]] + right
        assert text[offset - 3:offset + 1 + gap + 3] not in site_text[variant]
        if full in site_text[variant]:
            converted.append(full)
    assert len(converted) >= 50, converted


def test_no_soft_line_break_between_cjk_characters(real_archive, site_text):
    project, _, _ = real_archive
    in_sources = sum(len(re.findall(f"[{CJK_LETTERS}]\n[{CJK_LETTERS}]", s.read_text(encoding="utf-8")))
                     for s in articles(project))
    assert in_sources >= 50  # the real posts are wrapped in the editor
    _, site, _ = real_archive
    soft_break = re.compile(f".{{0,6}}[{CJK_LETTERS}][ \t]*\n[ \t]*[{CJK_LETTERS}].{{0,6}}")
    for variant in VARIANTS:
        found = []
        for page in pages(site, variant):
            # Inside each paragraph (a line break between two blocks is no soft break).
            for paragraph in _PARAGRAPH.findall(_CODE.sub("⏹", page.read_text(encoding="utf-8"))):
                paragraph = re.sub(r"<br\s*/?>\s*", "⏎", paragraph)  # a hard break is the author's
                found += soft_break.findall(htmllib.unescape(_TAG.sub("", paragraph)))
        assert found == [], found[:5]


_LINK = re.compile(r'<(?:a|img|source)\b[^>]*?\s(?:href|src)="([^"]*)"', re.I)
_ID = re.compile(r'\sid="([^"]+)"')


def test_every_link_and_image_resolves(real_archive):
    _, site, _ = real_archive
    checked, broken = 0, []
    ids: dict[Path, set[str]] = {}
    for variant in VARIANTS:
        for page in pages(site, variant):
            page_html = page.read_text(encoding="utf-8")
            body = page_html.split('<article', 1)[-1].split("</article>", 1)[0]
            for raw in _LINK.findall(body):
                address = htmllib.unescape(raw)
                parts = urlsplit(address)
                if parts.scheme or parts.netloc or address.startswith(("#", "mailto:")) or not parts.path:
                    continue
                checked += 1
                target = (page.parent / unquote(parts.path)).resolve()
                if target.is_dir():
                    target = target / "index.html"
                if not target.is_file():
                    broken.append(f"{page.relative_to(site)}: {address}")
                    continue
                if parts.fragment and target.suffix == ".html":
                    if target not in ids:
                        ids[target] = set(_ID.findall(target.read_text(encoding="utf-8")))
                    if unquote(parts.fragment) not in ids[target]:
                        broken.append(f"{page.relative_to(site)}: {address} (no such anchor)")
    assert broken == []
    assert checked >= 200


def test_each_static_file_is_written_once(real_archive):
    project, site, _ = real_archive
    statics = [p.relative_to(project / "content") for p in (project / "content").rglob("*")
               if p.is_file() and p.suffix.lower() not in (".md",)]
    assert statics, "the real posts' images were not imported"
    for path in statics:
        assert (site / path).is_file(), path
        for variant in VARIANTS:
            assert not (site / variant / path).exists(), path


def test_check_and_strict_build_agree_on_every_link(real_archive):
    """The strict build of the imported tree passed (the fixture); so must
    `zhpress check`, with no link, anchor or image error."""
    project, _, _ = real_archive
    result = subprocess.run([sys.executable, "-m", "zhpress", "check", "--format", "json"],
                            cwd=project, capture_output=True, text=True)
    problems = json.loads(result.stdout)["problems"]
    errors = [p for p in problems if p["severity"] == "error"]
    assert errors == [] and result.returncode == 0
