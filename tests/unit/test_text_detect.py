"""The mechanical-conversion detector: it flags the seed, flags none of the
documents of correct Taiwan prose, and says where it looked."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import seed_lines
from zhpress.text.convert import ScriptConverter, opencc_converter
from zhpress.text.detect import MARKERS, MIN_COUNT, MIN_KINDS, MIN_RATE, looks_mechanically_converted

DATA = Path(__file__).resolve().parents[1] / "data"
DOCUMENT = 10  # sentences per document


def corpus() -> list[str]:
    return (DATA / "zh_hant_sentences.txt").read_text(encoding="utf-8").splitlines()


def documents(lines: list[str]) -> list[str]:
    return ["\n".join(lines[i : i + DOCUMENT]) for i in range(0, len(lines), DOCUMENT)]


def seed() -> str:
    return "\n".join(seed_lines())


def mechanical(simplified: str) -> str:
    """A one-to-one Simplified-to-Traditional converter like the seed's: each
    character by OpenCC's first choice, but a Simplified character that is
    also a Traditional one is left as it is."""
    leave = set("么后于并云愿系范干制复志布游采里面松斗谷发准冲历钟只台余朱郁恒几板丑吁")
    s2t = opencc_converter("s2t")
    return "".join(c if c in leave else s2t.convert(c) for c in simplified)


def test_the_seed_is_flagged():
    verdict = looks_mechanically_converted(seed())
    assert verdict.flagged and bool(verdict)
    # 15 CJK characters in quotes (“9·30”, “數字廣東”...) are not counted.
    assert (verdict.count, verdict.kinds, verdict.cjk) == (40, 9, 2798)
    assert verdict.rate == pytest.approx(143.0, abs=0.1) and verdict.score == verdict.rate
    assert {span.found for span in verdict.spans} == set("么后并云愿系干制志")


def test_spans_say_where():
    verdict = looks_mechanically_converted(seed(), first_line=5)  # e.g. after front matter
    first = verdict.spans[0]
    lines = seed().split("\n")
    # Line 2 of the seed is its 6th line in a file whose body starts at line 5.
    assert (first.line, first.column) == (6, 34)
    assert lines[first.line - 5][first.column - 1] == first.found == "云"
    assert seed()[first.start : first.end] == "云" and first.repaired == "雲"
    assert first.context == "新成立的云與智慧產"
    assert "\n" not in "".join(span.context for span in verdict.spans)
    summary = verdict.summary(3)
    assert summary.startswith("40 characters look like leftovers of a mechanical")
    assert "6:34: 新成立的云與智慧產 (云 → 雲)" in summary and "and 37 more" in summary


def test_the_repaired_seed_is_not_flagged():
    repaired = ScriptConverter().convert(seed(), "hant", repair=True)
    verdict = looks_mechanically_converted(repaired)
    assert not verdict.flagged and verdict.count == 0


def test_no_document_of_correct_taiwan_prose_is_flagged():
    docs = documents(corpus())
    assert len(docs) >= 30
    verdicts = [looks_mechanically_converted(doc) for doc in docs]
    assert [doc for doc, v in zip(docs, verdicts) if v.flagged] == []
    # Not even close: no telltale repair at all.
    assert sum(v.count for v in verdicts) == 0
    assert looks_mechanically_converted("\n".join(corpus())).count == 0


def test_names_and_taiwan_usage_are_not_telltales():
    """The repair rewrites them in correct prose, so they are not counted."""
    text = "游明鑫、余宛如、朱紅溱、黃采燕、蕭郁溏、林慶恒、范雲、于美人在台灣說：不是只有雇主了解計畫。"
    verdict = looks_mechanically_converted(text)
    assert verdict.count == 0 and not verdict.flagged
    assert ScriptConverter().convert(text, "hant", repair=True) != text  # the repair would change them


def test_mechanically_converted_prose_is_flagged():
    """Our corpus through a one-to-one converter: flagged as a whole, and in
    most of its 10-sentence documents (the others hold fewer than three
    telltales: too little evidence to say)."""
    simplified = (DATA / "zh_hant_sentences.hans.txt").read_text(encoding="utf-8").splitlines()
    whole = looks_mechanically_converted(mechanical("\n".join(simplified)))
    assert whole.flagged and whole.count >= 100
    verdicts = [looks_mechanically_converted(mechanical(doc)) for doc in documents(simplified)]
    flagged = sum(v.flagged for v in verdicts)
    assert flagged >= 24 and len(verdicts) == 32
    assert all(v.count < MIN_COUNT or v.kinds < MIN_KINDS for v in verdicts if not v.flagged)


@pytest.mark.parametrize(
    "text, found",
    [
        ("我不知道那么多", "么"), ("會議之后再說", "后"), ("并且不再是", "并"), ("新成立的云與智慧", "云"),
        ("使命和愿景", "愿"), ("他是實干家", "干"), ("關系很好", "系"), ("制造業", "制"),
        ("標志", "志"), ("在房間里面", "里"), ("吃面包", "面"), ("剪頭發", "發"), ("几乎沒有", "几"),
        ("放松心情", "松"), ("斗爭", "斗"), ("准備好了", "准"), ("冲突", "冲"), ("老板說", "板"),
        ("丑陋", "丑"), ("呼吁大家", "吁"),
    ],
)
def test_each_telltale(text, found):
    verdict = looks_mechanically_converted(text)
    assert [span.found for span in verdict.spans] == [found]
    assert found in MARKERS


def test_thresholds():
    # Three telltales of two kinds in a short text: flagged.
    assert looks_mechanically_converted("怎么辦?之后再說,那么好。").flagged
    # One kind only, however often: not enough.
    assert not looks_mechanically_converted("怎么辦?那么好,這么多。").flagged
    # Two telltales: not enough.
    assert not looks_mechanically_converted("怎么辦?之后再說。").flagged
    # Three telltales lost in a long text: below the rate.
    long = "怎么辦?之后再說,那么好。" + "這是一個正確的句子。" * 3000
    verdict = looks_mechanically_converted(long)
    assert verdict.count == 3 and verdict.rate < MIN_RATE and not verdict.flagged


def test_empty_and_latin_text():
    for text in ("", "plain text", "```\ncode\n```"):
        verdict = looks_mechanically_converted(text)
        assert not verdict.flagged and verdict.count == 0 and verdict.cjk == 0 and verdict.spans == ()


def test_hong_kong_standard():
    verdict = looks_mechanically_converted("我們在房間里面,之后那么多。", standard="hk")
    assert verdict.flagged
    assert [(s.found, s.repaired) for s in verdict.spans] == [("里", "裏"), ("后", "後"), ("么", "麼")]


def test_quoted_simplified_titles_code_and_addresses_are_not_the_authors_prose():
    # A correct Traditional post quoting mainland titles (a real case: the
    # build suggested the repair for a post whose only Simplified text was a
    # quoted title).
    text = ("這篇文章引用了《让云计算更简单：后端工程师的修养》一書，我覺得很好。\n"
            "再看「干货：并发编程里面的锁」與“云原生之后”。\n"
            "> 引用：这么多的云，后面再说\n"
            "```\n# 云 后 并 里 面 干\n```\n"
            "程式 `云后并` 與 [連結](https://example.com/云/后/并) 都不算。\n")
    verdict = looks_mechanically_converted(text)
    assert verdict.count == 0 and not verdict.flagged
    # The same words as the author's own prose are counted.
    assert looks_mechanically_converted(text, quoted=True).flagged
