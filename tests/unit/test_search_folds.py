"""zhpress.search.folds: a word the site converts as a phrase is found in
either script's form, and in part."""
from __future__ import annotations

from search_index_reader import Index
from zhpress.search.copies import PageText
from zhpress.search.extract import Section
from zhpress.search.folds import Folds
from zhpress.search.index import IndexBuilder
from zhpress.text.convert import ScriptConverter, opencc_converter

SITE = ScriptConverter("tw", [("雪梨", "悉尼"), ("湯道生", "汤道生")])
FOLDS = Folds((p.hant, p.hans) for p in SITE.overrides + SITE.defaults)


def test_overrides_that_fold_otherwise_than_by_characters():
    assert FOLDS.table["原型炼"] == "原型链"  # 原型鍊, shipped with zhpress
    assert FOLDS.table["甚么"] == "什么" and FOLDS.table["雪梨"] == "悉尼"  # the site's own
    assert "汤道生" not in FOLDS.table  # folds alike by characters: nothing to do
    assert Folds([("臉書", "Facebook")]).table == {}  # of another length: the copies' text covers it


def test_a_query_takes_the_simplified_form_of_the_whole_word_only():
    assert FOLDS.fold("原型炼") == FOLDS.fold("原型链") == "原型链"
    assert FOLDS.fold("js的原型炼与类") == "js的原型链与类"
    assert FOLDS.fold("型炼") == "型炼"  # part of the word: as typed


def test_a_text_holds_both_forms_at_the_same_places():
    assert FOLDS.alternatives("的原型炼与甚么") == {3: "链", 5: "什"}
    assert FOLDS.alternatives("原型链") == {}
    assert Folds(Folds([("原型鍊", "原型链")]).pairs()).table == {"原型炼": "原型链"}  # the manifest's pairs


def test_every_form_finds_every_page_that_shows_one(tmp_path):
    pages = {"a/": "JavaScript 的原型鍊", "b/": "原型鏈的盡頭", "c/": "鐵鍊與原型", "d/": "甚麼是原型"}
    builder = IndexBuilder(opencc_converter("tw2s").convert, 0, opencc_converter("s2tw").convert, FOLDS)
    for url, text in pages.items():
        builder.add_page(url, PageText(text, [Section("", "", [text])]), only=0)
    builder.write(tmp_path, {}, ["zh-hant", "zh-hans"])
    index = Index(tmp_path)
    assert index.manifest["folds"] == FOLDS.pairs()
    found = {query: {url for url, _ in index.find(query)} for query in ("原型鍊", "原型鏈", "原型链", "型鍊", "鍊", "什麼")}
    assert found == {"原型鍊": {"a/", "b/"}, "原型鏈": {"a/", "b/"}, "原型链": {"a/", "b/"},
                     "型鍊": {"a/"}, "鍊": {"a/", "c/"}, "什麼": {"d/"}}
