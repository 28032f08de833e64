"""Names marked only where they are the word, in real builds of both scripts:
the real sentences of tests/data/glossary_words.yml (near-misses and
mentions, from the real archives, their upstream blogs and the seed)
published with the shipped site_config; each sentence is a section of its
own, so its first mention is the one marked."""
from __future__ import annotations

import pytest
import yaml

from conftest import REPO, build_site
from test_glossary import body_of, parse, small_project
from zhpress.siteconfig import site_config_of
from zhpress.text.convert import ScriptConverter, fold_to_simplified

SITE = site_config_of(REPO)
CONVERTER = ScriptConverter("tw", SITE.phrase_pairs())
WORDS = yaml.safe_load((REPO / "tests" / "data" / "glossary_words.yml").read_text(encoding="utf-8"))
# Articles by how their source is written: front matter, and the script the text is in.
KINDS = {
    "hant": ("", "hant"),
    "hans": ("script: hans\n", "hans"),
    "seed": ("mechanical_conversion: true\n", "hant"),  # mixed: repaired on both scripts' pages
}


def kind_of(item: dict) -> str:
    if item["source"].startswith("seed"):
        return "seed"
    return "hans" if fold_to_simplified(item["text"]) == item["text"] else "hant"


def articles() -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {kind: [] for kind in KINDS}
    for expect in ("not_marked", "marked"):
        for item in WORDS[expect]:
            grouped[kind_of(item)].append({**item, "expect": expect})
    return grouped


def source_of(kind: str, items: list[dict]) -> str:
    front, _ = KINDS[kind]
    sections = [f"## 第 {number} 句\n\n{item['text']}\n" for number, item in enumerate(items, start=1)]
    return f"---\ntitle: 真實句子（{kind}）\n{front}---\n\n" + "\n".join(sections)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    grouped = articles()
    project = small_project(tmp_path_factory.mktemp("words"),
                            {f"words-{kind}": source_of(kind, items) for kind, items in grouped.items()},
                            entities=(REPO / "site_config" / "entities.yml").read_text(encoding="utf-8"),
                            glossary=(REPO / "site_config" / "glossary.yml").read_text(encoding="utf-8"))
    return build_site(project), grouped


def in_variant(name: str, kind: str, variant: str) -> str:
    source = KINDS[kind][1]
    target = "hant" if variant == "zh-hant" else "hans"
    return CONVERTER.convert(name, target, source, repair=kind == "seed")


def sections(site_dir, variant: str, kind: str) -> list:
    page = (site_dir / variant / "articles" / f"words-{kind}" / "index.html").read_text(encoding="utf-8")
    body = body_of(page)
    return [parse(part) for part in body.split("<h2")[1:]]


@pytest.mark.parametrize("variant", ["zh-hant", "zh-hans"])
def test_near_misses_are_never_marked_and_mentions_always_are(site, variant):
    site_dir, grouped = site
    checked = {"not_marked": 0, "marked": 0}
    for kind, items in grouped.items():
        parsed = sections(site_dir, variant, kind)
        assert len(parsed) == len(items)
        for item, section in zip(items, parsed):
            name = in_variant(item["name"], kind, variant)
            text = "".join(run for run, _ in section.runs)
            assert name in text, (variant, name, text)
            marks = [(run, mark) for run, mark in section.runs if mark is not None]
            if item["expect"] == "not_marked":
                assert not [run for run, _ in marks if run in name or name in run], (variant, item["text"], marks)
            else:
                entry = SITE.get(item["entry"])
                target = (("aria-describedby", f"zhpress-tip-{entry.id}") if entry.is_term
                          else ("href", f"entities/{entry.id}/"))
                assert any(run == name and mark.get(target[0], "").endswith(target[1]) for run, mark in marks), (
                    variant, item["text"], marks)
            checked[item["expect"]] += 1
    assert checked == {"not_marked": len(WORDS["not_marked"]), "marked": len(WORDS["marked"])}


@pytest.mark.parametrize("variant", ["zh-hant", "zh-hans"])
def test_entity_pages_quote_no_near_miss(site, variant):
    site_dir, _ = site
    jd = (site_dir / variant / "entities" / "jd" / "index.html").read_text(encoding="utf-8")
    assert in_variant("投資<mark>京東</mark>", "seed", variant) in jd  # the mention is quoted
    assert "words-hant" not in jd and "words-hans" not in jd
    mini = (site_dir / variant / "entities" / "mini-programs" / "index.html").read_text(encoding="utf-8")
    assert "words-seed" in mini and "words-hans" not in mini  # 简单的小程序 is no mention of 小程序
    paipai = (site_dir / variant / "entities" / "paipai" / "index.html").read_text(encoding="utf-8")
    assert "words-hans" not in paipai  # 拍拍上面的灰尘 is no mention of 拍拍
    assert not (site_dir / variant / "entities" / "ma-ke" / "index.html").read_text(encoding="utf-8").count(
        "words-hans")  # 马克思主义
