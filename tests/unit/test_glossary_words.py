"""Names matched as words, not substrings (zhpress.glossary.matcher with
zhpress.text.words): the real near-misses and mentions of
tests/data/glossary_words.yml in both scripts, word edges from jieba with
every name added, `not_in` contexts, forms only another conversion makes."""
from __future__ import annotations

import pytest
import yaml

from conftest import REPO
from zhpress.glossary.matcher import NameMatcher
from zhpress.siteconfig import site_config_of
from zhpress.siteconfig.model import Entry
from zhpress.text.convert import ScriptConverter, fold_to_simplified
from zhpress.text.words import Segmenter

SITE = site_config_of(REPO)
MATCHER = NameMatcher(SITE.entries)
# Pages are converted with the names as phrase overrides.
CONVERTER = ScriptConverter("tw", SITE.phrase_pairs())
WORDS = yaml.safe_load((REPO / "tests" / "data" / "glossary_words.yml").read_text(encoding="utf-8"))


def in_both_scripts(item: dict) -> list[tuple[str, str, bool]]:
    """(text, its name, mixed) as the pages of each script read them: the
    source's own script as written, the other converted."""
    text, name = item["text"], item["name"]
    mixed = item["source"].startswith("seed")  # came through a mechanical conversion
    source = "hans" if fold_to_simplified(text) == text and not mixed else "hant"
    versions = [(text, name, mixed)]
    for target in ("hant", "hans"):
        if target != source or mixed:
            versions.append((CONVERTER.convert(text, target, source, repair=mixed),
                             CONVERTER.convert(name, target, source, repair=mixed), False))
    return versions


def occurrences(text: str, name: str) -> list[int]:
    found, at = [], text.find(name)
    while at >= 0:
        found.append(at)
        at = text.find(name, at + 1)
    return found


def test_the_set_holds_at_least_30_real_near_misses_and_20_mentions():
    contexts = sum(len(occurrences(item["text"], item["name"])) for item in WORDS["not_marked"])
    assert contexts >= 30 and len(WORDS["marked"]) >= 20
    for item in WORDS["marked"]:
        assert SITE.get(item["entry"]) is not None, item


@pytest.mark.parametrize("item", WORDS["not_marked"], ids=lambda i: f"{i['name']}:{i['text'][:12]}")
def test_a_name_inside_another_word_is_never_marked(item):
    for text, name, mixed in in_both_scripts(item):
        found = MATCHER.find(text, mixed=mixed)
        places = occurrences(text, name)
        assert places, (name, text)
        for at in places:
            overlapping = [(text[m.start:m.end], m.entry.id) for m in found if m.start < at + len(name) and at < m.end]
            assert overlapping == [], (text, overlapping)


@pytest.mark.parametrize("item", WORDS["marked"], ids=lambda i: f"{i['name']}:{i['text'][:12]}")
def test_every_real_mention_is_marked(item):
    for text, name, mixed in in_both_scripts(item):
        found = [(text[m.start:m.end], m.entry.id) for m in MATCHER.find(text, mixed=mixed)]
        assert (name, item["entry"]) in found, (text, found)


# --- the rules, one by one ---------------------------------------------------


@pytest.mark.parametrize("text, found", [
    ("近捷運南京東路站", []),  # 南京東路 is one word
    ("我在北京東路上", []),  # 北京 / 東路
    ("京東方的面板", []),  # BOE, not JD
    ("投資京東和其他電商平臺", [("京東", "jd")]),
    ("在京東上買", [("京東", "jd")]),
    ("許多中間派馬克思主義者", []),
    ("買了馬克杯", []),
    ("打開微信號", [("微信", "wechat")]),  # a name outweighs a word crossing its edge (微/信號)
    ("小程序開發", [("小程序", "mini-programs")]),
    ("當個小程序員", []),  # 小 / 程序員
    ("大家拍拍手", []),
    ("用好 C 端的優勢", [("C 端", "c-end")]),  # read as C端: 端的 is no word here
])
def test_chinese_edges_are_word_boundaries(text, found):
    for script_text in (text, CONVERTER.convert(text, "hans", "hant")):
        result = [(script_text[m.start:m.end], m.entry.id) for m in MATCHER.find(script_text)]
        assert result == [(CONVERTER.convert(n, "hans", "hant") if script_text != text else n, e)
                          for n, e in found], script_text


def entry(id: str, name: str, *aliases: str, not_in: tuple[str, ...] = ()) -> Entry:
    return Entry(id=id, name=name, kind="product", aliases=aliases, not_in=not_in)


def test_when_the_longest_name_is_refused_a_shorter_one_is_tried():
    # (A segmenter without 微信支付: with it, jieba cuts 微信支付/寶 and 微信 is no word there either.)
    matcher = NameMatcher([entry("wechat", "微信"), entry("wechat-pay", "微信支付", not_in=("微信支付寶",))],
                          segmenter=Segmenter(["微信"]))
    text = "用微信支付寶付款，再用微信支付。"
    assert [(text[m.start:m.end], m.entry.id) for m in matcher.find(text)] == [
        ("微信", "wechat"), ("微信支付", "wechat-pay")]


def test_not_in_contexts_hold_in_either_script():
    matcher = NameMatcher([entry("mini-programs", "小程序", not_in=("簡單的小程序",))])
    for text in ("一些簡單的小程序", "一些简单的小程序"):
        assert matcher.find(text) == []
    assert [m.entry.id for m in matcher.find("微信開放平臺的小程序")] == ["mini-programs"]


def test_a_word_that_only_looks_like_a_name_after_conversion_is_not_the_name():
    # 于美人 (a person) is written 于美人 in both scripts; 至於美人魚 folds to
    # 至于美人鱼, which holds it, but no page shows 于美人 there.
    matcher = NameMatcher([entry("yu-mei-ren", "于美人")])
    assert matcher.find("至於美人魚的故事") == []
    assert [m.entry.id for m in matcher.find("節目由于美人主持")] == ["yu-mei-ren"]
    # Forms come from the entry's phrase pairs: as written and as converted for each script.
    assert set(matcher.forms) == {"于美人"}
    assert {"小程序", "微信小程式", "微信小程序"} <= set(MATCHER.forms) and "小程式" not in MATCHER.forms


def test_the_segmenter_keeps_offsets_in_either_script_and_cuts_each_run_once():
    segmenter = Segmenter(["京東", "微信"])
    assert segmenter.cut("我在南京東路用微信。OK") == ["我", "在", "南京東路", "用", "微信", "。", "OK"]
    assert not segmenter.is_word("近南京東路站", 2, 4)
    assert segmenter.is_word("投資京東和", 2, 4)
    # Edges beside punctuation, Latin or the end of the text are always edges.
    assert segmenter.is_word("京東", 0, 2) and segmenter.is_word("「京東」", 1, 3)
    runs = len(segmenter._cuts)
    segmenter.is_word("投資京東和", 2, 4)
    assert len(segmenter._cuts) == runs


def test_cuts_are_jiebas_own_on_real_text():
    """zhpress.text.jieba_cut reads jieba's dictionary in pieces; its cuts are
    those of jieba's Tokenizer with the same words added (compared here on
    real sentences; on the four real archives, 155,190 runs, none differ)."""
    import logging

    import jieba

    from zhpress.text.words import _RUN, NAME_FREQUENCY, _cutter

    words = MATCHER.words.words
    ours = _cutter(words)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    theirs = jieba.Tokenizer()
    theirs.initialize()
    for word in sorted(words):
        theirs.add_word(word, max(theirs.suggest_freq(word, False), theirs.FREQ.get(word) or 0, NAME_FREQUENCY))
    assert ours.total == theirs.total
    texts = [(REPO / "tests" / "data" / name).read_text(encoding="utf-8")
             for name in ("zh_hant_sentences.txt", "zh_hant_sentences.hans.txt")]
    texts += [(REPO / "content" / "articles" / "tang-daosheng-csig-first-year.md").read_text(encoding="utf-8")]
    texts += [item["text"] for kind in ("not_marked", "marked") for item in WORDS[kind]]
    runs = [run for text in texts for run in _RUN.findall(fold_to_simplified(text))]
    assert len(runs) > 1500
    assert [ours.cut(run) for run in runs] == [list(theirs.cut(run, HMM=False)) for run in runs]
