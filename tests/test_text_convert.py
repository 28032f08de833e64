"""Script conversion: the seed's repair, idempotence, round trips, overrides."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import seed_lines
from zhpress.text.convert import ScriptConverter, load_overrides
from zhpress.text.slug import slugify

SEED_REPAIRS = {
    ("么", "麼"): 12, ("后", "後"): 10, ("于", "於"): 7, ("并", "並"): 6, ("云", "雲"): 3,
    ("愿", "願"): 2, ("系", "係"): 2, ("范", "範"): 2, ("干", "幹"): 2, ("制", "製"): 2, ("復", "複"): 2,
    ("志", "誌"): 1, ("布", "佈"): 1, ("游", "遊"): 1, ("采", "採"): 1,
}
DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def converter():
    return ScriptConverter()


def test_seed_repair_is_exactly_the_54_characters(converter):
    seed = "\n".join(seed_lines())
    repaired = converter.to_traditional(seed)
    assert len(repaired) == len(seed)  # in place: same length, same positions
    changes = Counter((a, b) for a, b in zip(seed, repaired) if a != b)
    assert dict(changes) == SEED_REPAIRS
    assert sum(changes.values()) == 54


def test_second_pass_changes_nothing(converter):
    repaired = converter.to_traditional("\n".join(seed_lines()))
    assert converter.to_traditional(repaired) == repaired


def test_simplified_seed(converter):
    simplified = converter.to_simplified("\n".join(seed_lines()))
    assert "腾讯" in simplified and "云与智慧产业事业群" in simplified and "这么" in simplified
    assert "騰訊" not in simplified and "這麼" not in simplified
    assert converter.to_simplified(simplified) == simplified


def round_trip_corpus() -> list[str]:
    """Correct Traditional sentences: the repaired seed, split into sentences,
    and the hand-written corpus in tests/data."""
    converter = ScriptConverter()
    repaired = converter.to_traditional("\n".join(seed_lines()[1:-1]))
    sentences = [s for s in re.split(r"(?<=[。？！?!])|\n", repaired) if len(s.strip()) > 1]
    written = (DATA / "zh_hant_sentences.txt").read_text(encoding="utf-8").splitlines()
    return sentences + [line for line in written if line.strip()]


def test_round_trip_of_correct_traditional_is_identity(converter):
    corpus = round_trip_corpus()
    assert len(corpus) >= 200
    changed = [(s, converter.to_traditional(s)) for s in corpus if converter.to_traditional(s) != s]
    assert changed == []


def test_override_wins_in_both_directions():
    plain = ScriptConverter()
    # OpenCC knows no such name: it splits it character by character.
    assert plain.to_traditional("周杰伦的演唱会") == "周杰倫的演唱會"
    converter = ScriptConverter(overrides=[("周傑倫", "周杰伦")])
    assert converter.to_traditional("周杰伦的演唱会") == "周傑倫的演唱會"
    assert converter.to_traditional("周傑倫的演唱會") == "周傑倫的演唱會"
    assert converter.to_simplified("周傑倫的演唱會") == "周杰伦的演唱会"
    # Text around an override is converted as usual, and nothing leaks.
    assert converter.to_simplified("騰訊與周杰倫") == "腾讯与周杰伦"


def test_simplified_source_is_taken_as_written(converter):
    text = "云与智慧产业事业群，这么多行业"
    assert converter.convert(text, "hans", source="hans") == text
    assert converter.convert(text, "hant", source="hans") == "雲與智慧產業事業群，這麼多行業"


def test_load_overrides_reports_bad_entries():
    assert load_overrides({"phrases": [{"hant": "周傑倫", "hans": "周杰伦"}]}) == [("周傑倫", "周杰伦")]
    with pytest.raises(ValueError, match="phrase #1 must have both"):
        load_overrides({"phrases": [{"hant": "周傑倫"}]}, "site_config/variants.yml")
    with pytest.raises(ValueError, match="'phrases' must be a list"):
        load_overrides({"phrases": "周傑倫"})


@pytest.mark.parametrize("heading", ["雲與智慧產業事業群", "云与智慧产业事业群", "云與智慧產業事業群"])
def test_heading_slug_is_the_same_in_every_script(heading):
    assert slugify(heading, "-") == "雲與智慧產業事業群"


def test_slug_keeps_latin_readable():
    assert slugify("用好 C 端的優勢", "-") == "用好-c-端的優勢"
    assert slugify("做什麼，不做什麼？", "-") == "做什麼不做什麼"


def test_hong_kong_standard():
    hk, tw = ScriptConverter("hk"), ScriptConverter("tw")
    # The two standards differ in character forms, e.g. 裏/裡 and 着/著.
    assert hk.to_traditional("这里的着装") == "這裏的着裝"
    assert tw.to_traditional("这里的着装") == "這裡的著裝"
    with pytest.raises(ValueError, match="unknown Traditional standard"):
        ScriptConverter("cn")
