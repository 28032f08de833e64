"""Faithful conversion through a real build: the seed, marked as
mechanically converted, gets exactly its 54 repairs in place; unmarked, it is
published as written and the build suggests the mark with file and line;
correct Taiwan prose and Simplified sources come out as written."""
from __future__ import annotations

import contextlib
import logging
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from zhpress.text.punctuation import fix_punctuation, to_corner_quotes
from conftest import REPO, build_site, copy_project, seed_lines

ARTICLE = "articles/tang-daosheng-csig-first-year"
SOURCE = f"content/{ARTICLE}.md"
SEED_REPAIRS = {
    ("么", "麼"): 12, ("后", "後"): 10, ("于", "於"): 7, ("并", "並"): 6, ("云", "雲"): 3,
    ("愿", "願"): 2, ("系", "係"): 2, ("范", "範"): 2, ("干", "幹"): 2, ("制", "製"): 2, ("復", "複"): 2,
    ("志", "誌"): 1, ("布", "佈"): 1, ("游", "遊"): 1, ("采", "採"): 1,
}
# Typography, not script: zhpress/typeset's full-width marks and corner quotes.
HALF_TO_FULL = str.maketrans(",;:?()“”", "，；：？（）「」")


class _Paragraphs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inside, self.in_p, self.paragraphs = 0, False, []

    def handle_starttag(self, tag, attrs):
        if tag == "div" and ("class", "zhpress-article__body") in attrs:
            self.inside = 1
        elif self.inside and tag == "div":
            self.inside += 1
        elif self.inside and tag == "p":
            self.paragraphs.append("")
            self.in_p = True

    def handle_endtag(self, tag):
        if self.inside and tag == "div":
            self.inside -= 1
        elif tag == "p":
            self.in_p = False

    def handle_data(self, data):
        if self.inside and self.in_p:
            self.paragraphs[-1] += data


def body_text(site: Path, variant: str) -> list[str]:
    parser = _Paragraphs()
    parser.feed((site / variant / ARTICLE / "index.html").read_text(encoding="utf-8"))
    return [p.strip() for p in parser.paragraphs if p.strip()]


@contextlib.contextmanager
def info_logs():
    """The records MkDocs logs at INFO and above, as on the command line."""
    records = []
    handler = logging.Handler(logging.INFO)
    handler.emit = records.append
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield records
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def seed_body() -> list[str]:
    """The seed's paragraphs with half-width punctuation made full-width, as
    zhpress/typeset publishes them (punctuation is typography, not script)."""
    return [line.translate(HALF_TO_FULL) for line in seed_lines()[1:-1] if line.strip()]


def test_marked_seed_gets_exactly_the_54_repairs_in_place(real_site):
    published, seed = body_text(real_site, "zh-hant"), seed_body()
    assert len(published) == len(seed)
    changes = Counter()
    for written, shown in zip(seed, published):
        assert len(written) == len(shown)  # in place: same length, same positions
        changes.update((a, b) for a, b in zip(written, shown) if a != b)
    # The 54th repair, 采訪 → 採訪, is in the seed's credit line, which the
    # article keeps as front matter: the byline shows it as 採訪.
    assert dict(changes) == {k: v for k, v in SEED_REPAIRS.items() if k != ("采", "採")}
    assert sum(changes.values()) == 53
    byline = (real_site / "zh-hant" / ARTICLE / "index.html").read_text(encoding="utf-8")
    assert re.search(r'zhpress-byline__label">採訪</span>謝麗容', byline)


@pytest.fixture(scope="module")
def unmarked(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("unmarked") / "project")
    source = project / SOURCE
    text = source.read_text(encoding="utf-8")
    source.write_text(re.sub(r"(?m)^mechanical_conversion: true\n", "", text), encoding="utf-8")
    with info_logs() as records:
        site = build_site(project)  # strict: a suggestion must not fail the build
    return site, [r.getMessage() for r in records], source.read_text(encoding="utf-8")


def test_unmarked_seed_is_published_as_written(unmarked):
    # Unmarked, its half-width marks are the author's: those touching a
    # Latin word stay as written (`KPI?我想`, `CRM,再到`), the rest are
    # typeset as in any source.
    site, _, _ = unmarked
    expected = [to_corner_quotes(fix_punctuation(line)) for line in seed_lines()[1:-1] if line.strip()]
    assert "用戶KPI?我想" in "".join(expected)
    assert body_text(site, "zh-hant") == expected


def test_unmarked_seed_is_reported_with_file_and_line(unmarked):
    _, messages, source = unmarked
    suggestions = [m for m in messages if m.startswith(SOURCE + ":") and "mechanical_conversion: true" in m]
    assert len(suggestions) == 1, messages
    line, column = map(int, re.match(rf"{re.escape(SOURCE)}:(\d+):(\d+): suggestion", suggestions[0]).groups())
    first_telltale = source.split("\n")[line - 1][column - 1]
    assert first_telltale in "么后并云愿干系制志里面"
    assert "Fix:" in suggestions[0]


def test_correct_taiwan_prose_is_not_reported_and_comes_out_as_written(tmp_path):
    sentences = (REPO / "tests/data/zh_hant_sentences.txt").read_text(encoding="utf-8").split("\n")
    sentences = [s for s in sentences if s.strip()]
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "index.md").write_text("---\ntitle: 首頁\n---\n", encoding="utf-8")
    body = "\n\n".join(sentences)
    (content / "articles" / "prose.md").write_text(f"---\ntitle: 台灣散文\n---\n\n{body}\n", encoding="utf-8")
    project = copy_project(tmp_path / "project", content)
    with info_logs() as records:
        site = build_site(project)
    assert not [r for r in records if "mechanical_conversion" in r.getMessage()]
    html = (site / "zh-hant/articles/prose/index.html").read_text(encoding="utf-8")
    for name in ("游明鑫", "余宛如", "朱紅溱", "黃采燕", "蕭郁溏", "林慶恒", "台灣", "不是只有", "簽證", "回歸"):
        assert name in html, name
    hans = (site / "zh-hans/articles/prose/index.html").read_text(encoding="utf-8")
    assert "游明鑫" in hans and "接着" in hans and "什么" in hans


def test_entity_names_keep_their_spelling_in_both_sites(tmp_path):
    """OpenCC's s2tw writes 餘宛如 and 遊明鑫; entities.yml says 余宛如 and 游明鑫."""
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "index.md").write_text("---\ntitle: 首頁\n---\n", encoding="utf-8")
    (content / "articles" / "names.md").write_text(
        "---\ntitle: 两位受访者\nscript: hans\n---\n\n余宛如和游明鑫都来了。\n", encoding="utf-8")
    project = copy_project(tmp_path / "project", content)
    entities = project / "site_config" / "entities.yml"
    text = entities.read_text(encoding="utf-8")
    assert "\npeople:\n" in text
    entities.write_text(text.replace("\npeople:\n", (
        "\npeople:\n"
        "  - id: yu-wanru\n    name: 余宛如\n    aliases: [余宛如]\n    description: 受訪者\n"
        "  - id: you-mingxin\n    name: 游明鑫\n    aliases: [游明鑫]\n    description: 受訪者\n"
    ), 1), encoding="utf-8")
    site = build_site(project)
    strip = lambda html: re.sub(r"<[^>]+>", "", html)  # noqa: E731 (glossary links join their text)
    hant = strip((site / "zh-hant/articles/names/index.html").read_text(encoding="utf-8"))
    hans = strip((site / "zh-hans/articles/names/index.html").read_text(encoding="utf-8"))
    assert "余宛如和游明鑫都來了" in hant and "餘宛如" not in hant and "遊明鑫" not in hant
    assert "余宛如和游明鑫都来了" in hans
