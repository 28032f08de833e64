"""Script conversion, faithful first: a source is published in its own script
as written; the repair through Simplified runs only on request; the other
script is made with the conversion made for the source's standard; phrase
overrides (the site's, then the curated defaults) win in both directions."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import opencc
import pytest

from conftest import seed_lines
from zhpress.text.convert import (
    Phrase,
    ScriptConverter,
    default_converter,
    default_phrases,
    fold_to_simplified,
    fold_to_traditional,
    load_overrides,
    opencc_converter,
)
from zhpress.text.slug import slugify

SEED_REPAIRS = {
    ("么", "麼"): 12, ("后", "後"): 10, ("于", "於"): 7, ("并", "並"): 6, ("云", "雲"): 3,
    ("愿", "願"): 2, ("系", "係"): 2, ("范", "範"): 2, ("干", "幹"): 2, ("制", "製"): 2, ("復", "複"): 2,
    ("志", "誌"): 1, ("布", "佈"): 1, ("游", "遊"): 1, ("采", "採"): 1,
}
DATA = Path(__file__).resolve().parents[1] / "data"
HANT = DATA / "zh_hant_sentences.txt"
HANS = DATA / "zh_hant_sentences.hans.txt"

# People named in the corpus, as site_config/entities.yml would list them.
NAMES = [
    ("游明鑫", "游明鑫"), ("余宛如", "余宛如"), ("朱紅溱", "朱红溱"), ("黃采燕", "黄采燕"),
    ("蕭郁溏", "萧郁溏"), ("林慶恒", "林庆恒"), ("范雲", "范云"), ("于美人", "于美人"),
]
# Words the corpus must hold: the ones the repair and OpenCC get wrong.
REQUIRED = [name for name, _ in NAMES] + [
    "台灣", "台電", "台積電", "計畫", "公布", "發布", "了解", "只有", "不是只有", "簽證", "回歸",
    "雇主", "按讚", "複雜", "系統", "合併", "裡面", "乾杯", "乾著急", "公有雲", "寫明了", "原型鍊",
    "污染", "接著", "跟著", "著名", "著作", "甚麼", "網際網路",
]


@pytest.fixture(scope="module")
def converter():
    return ScriptConverter()


def corpus() -> list[str]:
    return HANT.read_text(encoding="utf-8").splitlines()


def seed() -> str:
    return "\n".join(seed_lines())


# -- the seed: repaired only when it says it came through a mechanical conversion


def test_seed_repair_is_exactly_the_54_characters(converter):
    text = seed()
    repaired = converter.convert(text, "hant", repair=True)
    assert len(repaired) == len(text)  # in place: same length, same positions
    changes = Counter((a, b) for a, b in zip(text, repaired) if a != b)
    assert dict(changes) == SEED_REPAIRS
    assert sum(changes.values()) == 54


def test_seed_repair_with_site_overrides_is_still_the_54(converter):
    """The real site's override (湯道生) and the defaults leave the repair alone."""
    text = seed()
    site = ScriptConverter(overrides=load_overrides({"phrases": [{"hant": "湯道生", "hans": "汤道生"}]}))
    assert site.convert(text, "hant", repair=True) == converter.convert(text, "hant", repair=True)


def test_seed_without_the_mark_is_published_as_written(converter):
    assert converter.convert(seed(), "hant") == seed()


def test_second_repair_changes_nothing(converter):
    repaired = converter.convert(seed(), "hant", repair=True)
    assert converter.convert(repaired, "hant", repair=True) == repaired


def test_simplified_seed(converter):
    simplified = converter.convert(seed(), "hans", repair=True)
    assert "腾讯" in simplified and "云与智慧产业事业群" in simplified and "这么" in simplified
    assert "騰訊" not in simplified and "這麼" not in simplified
    assert converter.convert(simplified, "hans", source="hans") == simplified


def test_simplified_seed_uses_tw2s_not_t2s(converter):
    """The mechanical converter wrote Taiwan forms (帶著, 意味著): tw2s reads
    them as the particle 着, t2s leaves 著. Nothing else differs."""
    text = seed()
    ours = converter.convert(text, "hans", repair=True)
    assert ours == converter.convert(text, "hans")  # the repair changes nothing on this side
    t2s = opencc.OpenCC("t2s").convert(text)
    differences = Counter((a, b) for a, b in zip(t2s, ours) if a != b)
    assert dict(differences) == {("著", "着"): 4}
    assert "带着数字化技术" in ours and "意味着掌控" in ours


def test_repair_keeps_what_the_source_wrote_right(converter):
    """Usage defaults (台 over 臺) never run in the repair: the seed's 臺 stays."""
    assert converter.convert("臺灣的平臺", "hant", repair=True) == "臺灣的平臺"
    assert converter.convert("台灣的平台", "hant", repair=True) == "臺灣的平臺"  # OpenCC's standard


# -- correct Taiwan prose: published as written, Simplified checked by hand


def test_corpus_is_big_enough_and_holds_the_hard_words():
    lines = corpus()
    assert len(lines) >= 300
    assert all(line.strip() for line in lines)
    text = "\n".join(lines)
    assert [word for word in REQUIRED if word not in text] == []


def test_correct_traditional_is_published_byte_identical(converter):
    lines = corpus()
    assert [line for line in lines if converter.convert(line, "hant") != line] == []
    text = HANT.read_text(encoding="utf-8")
    assert converter.convert(text, "hant").encode("utf-8") == text.encode("utf-8")


def test_correct_traditional_in_simplified_matches_the_checked_file(converter):
    expected = HANS.read_text(encoding="utf-8").splitlines()
    lines = corpus()
    assert len(expected) == len(lines)
    wrong = [
        (number, line, converter.convert(line, "hans"), want)
        for number, (line, want) in enumerate(zip(lines, expected), start=1)
        if converter.convert(line, "hans") != want
    ]
    assert wrong == []


@pytest.mark.parametrize(
    "hant, hans",
    [
        ("網際網路", "网际网路"),  # no vocabulary rewriting (tw2sp would write 互联网)
        ("接著", "接着"), ("跟著", "跟着"), ("穿著", "穿着"), ("著名", "著名"), ("著作", "著作"),
        ("甚麼", "什么"), ("原型鍊", "原型链"), ("乾著急", "干着急"), ("乾杯", "干杯"),
        ("游明鑫", "游明鑫"), ("不是只有", "不是只有"), ("計畫", "计划"), ("台積電", "台积电"),
        ("軟體", "软体"), ("資料庫", "资料库"),
    ],
)
def test_simplified_words(converter, hant, hans):
    assert converter.convert(hant, "hans") == hans


def test_the_repair_would_damage_correct_prose(converter):
    """Why it runs only on request: on our corpus it changes dozens of lines."""
    lines = corpus()
    damaged = [line for line in lines if converter.convert(line, "hant", repair=True) != line]
    assert len(damaged) >= 30
    assert converter.convert("游明鑫在台灣", "hant", repair=True) == "遊明鑫在臺灣"


# -- a Simplified source


def test_simplified_source_is_taken_as_written(converter):
    text = "云与智慧产业事业群，这么多行业"
    assert converter.convert(text, "hans", source="hans") == text
    assert converter.convert(text, "hant", source="hans") == "雲與智慧產業事業群，這麼多行業"


def test_simplified_source_as_written_even_where_defaults_apply(converter):
    text = "为甚么台湾的公有云不是只有一家？"
    assert converter.convert(text, "hans", source="hans") == text


@pytest.mark.parametrize(
    "hans, hant",
    [
        ("腾讯在产业互联网的布局，并不是只有云计算。", "騰訊在產業互聯網的布局，並不是只有雲計算。"),
        ("合约里写明了交货的期限。", "合約裡寫明了交貨的期限。"),
        ("台积电和台电都公布了明年的投资计划。", "台積電和台電都公布了明年的投資計畫。"),
        ("台风过后，他在柜台旁的台灯下写报告。", "颱風過後，他在櫃檯旁的檯燈下寫報告。"),
        ("大家一起干杯，别再为小事干着急了。", "大家一起乾杯，別再為小事乾著急了。"),
        ("这篇贴文获得了三万个按赞。", "這篇貼文獲得了三萬個按讚。"),
        ("他终于决定回归家庭。", "他終於決定回歸家庭。"),
        ("线性回归模型的表现并不理想。", "線性迴歸模型的表現並不理想。"),
        ("服务部署在公有云和私有云上。", "服務部署在公有雲和私有雲上。"),
        ("雇主必须改善空气污染的问题，我们都了解。", "雇主必須改善空氣污染的問題，我們都了解。"),
        ("他的头发剪短了，然后出发去面包店。", "他的頭髮剪短了，然後出發去麵包店。"),
        ("网际网路和互联网都照写。", "網際網路和互聯網都照寫。"),
    ],
)
def test_simplified_source_gives_correct_taiwan_traditional(converter, hans, hant):
    assert converter.convert(hans, "hant", source="hans") == hant


# Both forms are correct Traditional; from Simplified there is no telling
# which one the writer would have chosen.
EQUALLY_CORRECT = {
    ("臺", "台"), ("鍊", "鏈"), ("甚", "什"), ("盡", "儘"), ("妳", "你"), ("牠", "它"),
    ("念", "唸"), ("祕", "秘"), ("拚", "拼"), ("遶", "繞"),
}


def test_checked_simplified_back_to_traditional_is_the_corpus():
    """The hand-checked Simplified file, as a Simplified source with the
    corpus' people as entity overrides, gives back the Taiwan original but
    for characters that are equally correct."""
    converter = ScriptConverter(overrides=NAMES)
    differences = Counter()
    for line, simplified in zip(corpus(), HANS.read_text(encoding="utf-8").splitlines()):
        back = converter.convert(simplified, "hant", source="hans")
        assert len(back) == len(line), (line, back)
        differences.update((a, b) for a, b in zip(line, back) if a != b)
    assert set(differences) <= EQUALLY_CORRECT, differences
    assert sum(differences.values()) <= 20


# -- names: phrase overrides in both directions


@pytest.mark.parametrize("hant, hans", NAMES)
def test_names_keep_their_spelling_in_both_scripts(hant, hans):
    converter = ScriptConverter(overrides=[(hant, hans)])
    sentence_hant, sentence_hans = f"記者訪問了{hant}。", f"记者访问了{hans}。"
    assert converter.convert(sentence_hant, "hant") == sentence_hant
    assert converter.convert(sentence_hant, "hans") == sentence_hans
    assert converter.convert(sentence_hans, "hans", source="hans") == sentence_hans
    assert converter.convert(sentence_hans, "hant", source="hans") == sentence_hant
    assert converter.convert(sentence_hant, "hant", repair=True) == sentence_hant


def test_names_need_the_override():
    """OpenCC alone rewrites each of these names somewhere."""
    plain = ScriptConverter(use_defaults=False)
    changed = [
        hant for hant, hans in NAMES
        if plain.convert(hans, "hant", source="hans") != hant
        or plain.convert(hant, "hant", repair=True) != hant
    ]
    assert changed == [hant for hant, _ in NAMES]


def test_override_wins_in_both_directions():
    plain = ScriptConverter()
    # OpenCC knows no such name: it converts it character by character.
    assert plain.convert("周杰伦的演唱会", "hant", source="hans") == "周杰倫的演唱會"
    converter = ScriptConverter(overrides=[("周傑倫", "周杰伦")])
    assert converter.convert("周杰伦的演唱会", "hant", source="hans") == "周傑倫的演唱會"
    assert converter.convert("周傑倫的演唱會", "hant") == "周傑倫的演唱會"
    assert converter.convert("周傑倫的演唱會", "hans") == "周杰伦的演唱会"
    # A mechanically converted spelling is caught after t2s in the repair.
    assert converter.convert("周杰倫的演唱會", "hant", repair=True) == "周傑倫的演唱會"
    # Text around an override is converted as usual, and nothing leaks.
    assert converter.convert("騰訊與周杰倫", "hans") == "腾讯与周杰伦"


def test_site_overrides_win_over_defaults():
    site = ScriptConverter(overrides=[("甚麼", "甚么"), ("臺灣", "台湾")])
    assert site.convert("為甚麼", "hans") == "为甚么"
    assert site.convert("台湾的台北", "hant", source="hans") == "臺灣的台北"
    assert ScriptConverter().convert("台湾的台北", "hant", source="hans") == "台灣的台北"


def test_defaults_can_be_turned_off():
    plain = ScriptConverter(use_defaults=False)
    assert plain.convert("為甚麼", "hans") == "为甚么"
    assert plain.convert("不是只有", "hant", source="hans") == "不是隻有"


# -- a short override does not fire inside a longer word


def test_short_override_does_not_fire_across_a_word_edge():
    """合并 is no word in 结合并且 (结合 + 并且): OpenCC reads it so, and the
    override stays out."""
    converter = ScriptConverter(overrides=[("合併", "合并")])
    assert converter.convert("结合并且", "hant", source="hans") == "結合並且"
    assert converter.convert("理论结合并且实践", "hant", source="hans") == "理論結合並且實踐"
    assert converter.convert("两家公司合并，并且裁员", "hant", source="hans") == "兩家公司合併，並且裁員"
    assert converter.convert("合并成一份", "hant", source="hans") == "合併成一份"


def test_not_in_contexts_keep_an_override_out():
    """Where OpenCC has no word across the edge (至于 + 美人鱼 reads the same
    cut or whole), the site lists the context."""
    text = "至于美人鱼的故事，于美人说她小时候就读过。"
    bare = ScriptConverter(overrides=[("于美人", "于美人")])
    assert bare.convert(text, "hant", source="hans") == "至于美人魚的故事，于美人說她小時候就讀過。"
    pairs = load_overrides({"phrases": [{"hant": "于美人", "hans": "于美人", "not_in": ["至于美人"]}]})
    guarded = ScriptConverter(overrides=pairs)
    assert guarded.convert(text, "hant", source="hans") == "至於美人魚的故事，于美人說她小時候就讀過。"


def test_single_character_usage_default_yields_to_opencc_words(converter):
    """台 → 台 (Taiwan usage) never breaks OpenCC's words 颱風, 檯燈, 櫃檯."""
    cases = {
        "台湾": "台灣", "台北": "台北", "平台": "平台", "舞台": "舞台", "电视台": "電視台",
        "台风": "颱風", "台灯": "檯燈", "柜台": "櫃檯", "写字台": "寫字檯", "吧台": "吧檯",
    }
    assert {s: converter.convert(s, "hant", source="hans") for s in cases} == cases


# -- the curated defaults: every entry tested, every entry needed

# (direction the default works in, its source-side form, standard, input, expected)
DEFAULT_CASES = [
    ("hans", "甚麼", "tw", "你在說甚麼？為甚麼不說？", "你在说什么？为什么不说？"),
    ("hans", "原型鍊", "tw", "屬性會沿著原型鍊往上找", "属性会沿着原型链往上找"),
    ("hans", "食物鍊", "tw", "位於食物鍊的頂端", "位于食物链的顶端"),
    ("hans", "原著", "tw", "改編自同名原著", "改编自同名原著"),
    ("hans", "專著", "tw", "他出版了三本專著", "他出版了三本专著"),
    ("hans", "遺著", "tw", "整理父親的遺著", "整理父亲的遗著"),
    ("hans", "拙著", "tw", "拙著承蒙指正", "拙著承蒙指正"),
    ("hans", "卓著", "tw", "這項計畫成效卓著", "这项计划成效卓著"),
    ("hans", "撰著", "tw", "由他撰著的教科書", "由他撰著的教科书"),
    ("hans", "土著", "tw", "島上的土著居民", "岛上的土著居民"),
    ("hans", "論著", "tw", "這篇論著引用甚廣", "这篇论著引用甚广"),
    ("hans", "牠", "tw", "牠睡著了", "它睡着了"),
    ("hans", "妳", "tw", "妳們好嗎", "你们好吗"),
    ("hant", "是只有", "tw", "成功不是只有一种样子", "成功不是只有一種樣子"),
    ("hant", "写明了", "tw", "合约里写明了期限", "合約裡寫明了期限"),
    ("hant", "查明了", "tw", "警方查明了原因", "警方查明了原因"),
    ("hant", "标明了", "tw", "地图上标明了出口", "地圖上標明了出口"),
    ("hant", "指明了", "tw", "报告指明了方向", "報告指明了方向"),
    ("hant", "讲明了", "tw", "他讲明了条件", "他講明了條件"),
    ("hant", "阐明了", "tw", "论文阐明了机制", "論文闡明了機制"),
    ("hant", "声明了", "tw", "公司声明了立场", "公司聲明了立場"),
    ("hant", "回归", "tw", "他决定回归家庭", "他決定回歸家庭"),
    ("hant", "按赞", "tw", "欢迎按赞", "歡迎按讚"),
    ("hant", "点赞", "tw", "网友纷纷点赞", "網友紛紛點讚"),
    ("hant", "公有云", "tw", "部署在公有云上", "部署在公有雲上"),
    ("hant", "私有云", "tw", "私有云的成本", "私有雲的成本"),
    ("hant", "干杯", "tw", "大家一起干杯", "大家一起乾杯"),
    ("hant", "干着急", "tw", "为了小事干着急", "為了小事乾著急"),
    ("hant", "干着急", "hk", "为了小事干着急", "為了小事乾着急"),
    ("hant", "晾不干", "tw", "衣服晾不干", "衣服晾不乾"),
    ("hant", "台风", "tw", "陆上台风警报", "陸上颱風警報"),
    ("hant", "台", "tw", "台湾的台积电和台电", "台灣的台積電和台電"),
    ("hant", "计划", "tw", "研究计划", "研究計畫"),
    ("hant", "公布", "tw", "政府公布了名单", "政府公布了名單"),
    ("hant", "发布", "tw", "正式发布新版", "正式發布新版"),
    ("hant", "宣布", "tw", "他宣布辞职", "他宣布辭職"),
    ("hant", "分布", "tw", "人口分布不均", "人口分布不均"),
    ("hant", "布局", "tw", "全球布局", "全球布局"),
    ("hant", "雇主", "tw", "雇主必须投保", "雇主必須投保"),
    ("hant", "污", "tw", "空气污染和污水", "空氣污染和污水"),
    ("hant", "了解", "tw", "我了解你的意思", "我了解你的意思"),
]


def _source_form(phrase: Phrase) -> str:
    return phrase.hant if phrase.to == "hans" else phrase.hans


def test_every_default_has_a_case():
    covered = {(direction, form, standard) for direction, form, standard, _, _ in DEFAULT_CASES}
    missing = [
        phrase for phrase in default_phrases()
        if not any(
            (phrase.to, _source_form(phrase), standard) in covered
            for standard in (phrase.standards or ("tw", "hk"))
        )
    ]
    assert missing == []
    assert len(default_phrases()) == 41


@pytest.mark.parametrize("direction, form, standard, text, expected", DEFAULT_CASES)
def test_default_phrase(direction, form, standard, text, expected):
    source = "hant" if direction == "hans" else "hans"
    assert form in text
    ours = ScriptConverter(standard).convert(text, direction, source=source)
    assert ours == expected
    # ... and OpenCC alone gets it wrong: the entry is needed.
    assert ScriptConverter(standard, use_defaults=False).convert(text, direction, source=source) != expected


@pytest.mark.parametrize(
    "direction, text, expected",
    [
        ("hans", "大家正在討論著這件事", "大家正在讨论着这件事"),  # 論著: not_in 討論著
        ("hans", "他們爭論著誰對誰錯", "他们争论着谁对谁错"),
        ("hant", "线性回归模型", "線性迴歸模型"),  # 回归: not_in 线性回归
        ("hant", "逻辑回归", "邏輯迴歸"),
        ("hant", "他只有一只手", "他只有一隻手"),  # 是只有 only after 是
        ("hant", "干净的杯子", "乾淨的杯子"),
    ],
)
def test_defaults_stay_out_of_longer_words(converter, direction, text, expected):
    source = "hant" if direction == "hans" else "hans"
    assert converter.convert(text, direction, source=source) == expected


def test_usage_defaults_are_taiwan_only():
    hk = ScriptConverter("hk")
    assert hk.convert("研究计划", "hant", source="hans") == "研究計劃"
    assert hk.convert("不是只有", "hant", source="hans") == "不是只有"  # an error fix: every standard


def test_default_file_is_well_formed():
    phrases = default_phrases()
    assert all(p.to in ("hant", "hans") for p in phrases)
    keys = [(p.to, _source_form(p), p.standards) for p in phrases]
    assert len(keys) == len(set(keys))  # no entry twice
    # Usage preferences: Taiwan only, never in the repair.
    usage = [p for p in phrases if not p.repair]
    assert {p.hans for p in usage} == {"台", "计划", "公布", "发布", "宣布", "分布", "布局", "雇主", "污", "了解"}
    assert all(p.to == "hant" and p.standards == ("tw",) for p in usage)


# -- the Hong Kong standard


def test_hong_kong_standard():
    hk, tw = ScriptConverter("hk"), ScriptConverter("tw")
    # The two standards differ in character forms, e.g. 裏/裡 and 着/著.
    assert hk.convert("这里的着装", "hant", source="hans") == "這裏的着裝"
    assert tw.convert("这里的着装", "hant", source="hans") == "這裡的著裝"
    # A Hong Kong source is made Simplified with hk2s.
    assert hk.convert("這裏的着裝", "hans") == "这里的着装"
    assert hk.convert("這裏的着裝", "hant") == "這裏的着裝"
    with pytest.raises(ValueError, match="unknown Traditional standard"):
        ScriptConverter("cn")


# -- keys, search, plumbing


@pytest.mark.parametrize("heading", ["雲與智慧產業事業群", "云与智慧产业事业群", "云與智慧產業事業群"])
def test_heading_slug_is_the_same_in_every_script(heading):
    assert slugify(heading, "-") == "雲與智慧產業事業群"


def test_slug_keeps_latin_readable():
    assert slugify("用好 C 端的優勢", "-") == "用好-c-端的優勢"
    assert slugify("做什麼，不做什麼？", "-") == "做什麼不做什麼"


def test_keys_are_the_pure_opencc_fold():
    """Heading ids and entity keys stay what they were: t2s then s2tw, no override."""
    for text in ("游明鑫", "游明鑫的系統", "台灣", "为甚么", "不是只有", "云与智慧"):
        old = opencc.OpenCC("s2tw").convert(opencc.OpenCC("t2s").convert(text))
        assert fold_to_traditional(text) == old
        assert default_converter().to_traditional(text) == old
        assert ScriptConverter(overrides=NAMES).to_traditional(text) == old
    assert fold_to_traditional("这里", "hk") == "這裏"
    assert fold_to_traditional("") == "" and fold_to_traditional("abc") == "abc"


def test_search_fold_is_the_same_for_both_scripts():
    assert fold_to_simplified("雲與智慧產業事業群") == fold_to_simplified("云与智慧产业事业群") == "云与智慧产业事业群"
    assert opencc_converter("t2s") is opencc_converter("t2s")
    assert isinstance(opencc_converter("t2s"), opencc.OpenCC)


def test_unknown_script_is_an_error(converter):
    with pytest.raises(ValueError, match="use 'hant' or 'hans'"):
        converter.convert("雲", "zh")
    with pytest.raises(ValueError, match="use 'hant' or 'hans'"):
        converter.convert("雲", "hans", source="cn")


def test_text_without_chinese_is_returned_as_is(converter):
    for text in ("", "plain ASCII", "café, naïve"):
        for script in ("hant", "hans"):
            assert converter.convert(text, script) == text


def test_private_use_characters_survive(converter):
    text = "雲端\U000F0001與\U000F0000後台"
    assert converter.convert(text, "hans") == "云端\U000F0001与\U000F0000后台"
    assert converter.convert(text, "hant") == text
    site = ScriptConverter(overrides=[("周傑倫", "周杰伦")])
    assert site.convert("周杰伦\U000F0000周杰伦", "hant", source="hans") == "周傑倫\U000F0000周傑倫"


def test_many_overrides_in_one_text():
    converter = ScriptConverter(overrides=NAMES)
    text = "、".join(hant for hant, _ in NAMES) * 50
    assert converter.convert(text, "hant") == text
    assert converter.convert(text, "hans") == "、".join(hans for _, hans in NAMES) * 50


def test_too_many_overrides():
    with pytest.raises(ValueError, match="too many phrase overrides"):
        ScriptConverter(overrides=[(f"詞{i}", f"词{i}") for i in range(6001)])


def test_load_overrides_reports_bad_entries():
    assert load_overrides({"phrases": [{"hant": "周傑倫", "hans": "周杰伦"}]}) == [("周傑倫", "周杰伦")]
    assert load_overrides(None) == []
    assert load_overrides({"phrases": [{"hant": "合併", "hans": "合并", "not_in": "结合并且"}]}) == [
        ("合併", "合并", ("结合并且",))
    ]
    with pytest.raises(ValueError, match="phrase #1 must have both"):
        load_overrides({"phrases": [{"hant": "周傑倫"}]}, "site_config/variants.yml")
    with pytest.raises(ValueError, match="'phrases' must be a list"):
        load_overrides({"phrases": "周傑倫"})
    with pytest.raises(ValueError, match="expected a mapping"):
        load_overrides(["周傑倫"])
    with pytest.raises(ValueError, match="does not contain"):
        load_overrides({"phrases": [{"hant": "合併", "hans": "合并", "not_in": ["并且"]}]})
    with pytest.raises(ValueError, match="'not_in' must be a list"):
        load_overrides({"phrases": [{"hant": "合併", "hans": "合并", "not_in": [3]}]})


def test_overrides_accept_every_shape():
    shapes = [("周傑倫", "周杰伦"), ["周傑倫", "周杰伦"], {"hant": "周傑倫", "hans": "周杰伦"}, Phrase("周傑倫", "周杰伦")]
    for shape in shapes:
        assert ScriptConverter(overrides=[shape]).convert("周杰伦", "hant", source="hans") == "周傑倫"
    assert ScriptConverter(overrides=[("", "x"), ("周傑倫", "")]).overrides == []
