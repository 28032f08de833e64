"""zhpress.siteconfig: site_config/entities.yml and glossary.yml, read and
checked together; names in either script; phrase pairs and aliases for the
converter and search."""
from __future__ import annotations

import os
import time

import pytest

from conftest import REPO
from zhpress.siteconfig import (SiteConfigError, all_aliases, load_site_config, phrase_pairs,
                                site_config_of)
from zhpress.siteconfig.entities import EntitiesError, load_entities

ENTITIES = """people:
  - id: tang-daosheng
    name: 湯道生
    aliases: [汤道生, Dowson Tong]
organisations:
  - id: tencent
    name: 騰訊
    aliases: [腾讯, Tencent]
"""

GLOSSARY = """terms:
  - id: gmv
    term: GMV
    expansion: Gross Merchandise Volume
    aliases: [商品交易總額, 商品交易总额]
    definition: 平臺總交易量。
    related: [tencent]
"""


def project(tmp_path, entities: str | None = ENTITIES, glossary: str | None = GLOSSARY):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    folder = tmp_path / "site_config"
    folder.mkdir(exist_ok=True)
    for name, text in (("entities", entities), ("glossary", glossary)):
        path = folder / f"{name}.yml"
        if text is None:
            path.unlink(missing_ok=True)
        else:
            path.write_text(text, encoding="utf-8")
    return tmp_path


def problems_of(tmp_path, entities=ENTITIES, glossary=GLOSSARY) -> list[str]:
    root = project(tmp_path, entities, glossary)
    with pytest.raises(SiteConfigError) as raised:
        site_config_of(root)
    return [str(p) for p in raised.value.problems]


# --- moved from tests/test_entities.py -------------------------------------


def test_names_are_found_in_any_script_and_case(tmp_path):
    root = project(tmp_path, glossary=None)
    entities = load_entities(root / "site_config" / "entities.yml")
    assert len(entities) == 2
    for key in ("tang-daosheng", "湯道生", "汤道生", "dowson tong", "湯道生 ", "Dowson  Tong"):
        assert entities.find(key).name == "湯道生"
    assert entities.find("TENCENT").id == "tencent"
    assert entities.find("馬化騰") is None
    assert len(load_entities(tmp_path / "missing.yml")) == 0


@pytest.mark.parametrize("text, message", [
    ("people:\n  - name: 湯道生\n", "entities.yml:2: the entry has no 'id'"),
    ("persons:\n  - id: a\n    name: b\n", "entities.yml:1: unknown section 'persons'"),
    ("people:\n  - {id: a, name: 甲}\n  - {id: b, name: 乙, aliases: [甲]}\n", "'甲' names both 'a'"),
    ("people:\n  - {id: a, name: 甲, aliases: 乙}\n", "'aliases' of entry 'a' must be a list"),
])
def test_bad_entities_file_says_what_to_fix(tmp_path, text, message):
    root = project(tmp_path, text, None)
    with pytest.raises(EntitiesError, match=message) as raised:
        load_entities(root / "site_config" / "entities.yml")
    assert "Fix: " in str(raised.value)


# --- the schema: every problem with its file and line ----------------------


def test_the_real_site_config_is_valid_and_holds_every_name_the_seed_needs():
    site = site_config_of(REPO)
    entities = ["湯道生", "謝麗容", "馬克", "騰訊", "京東", "拍拍", "廣東省政府", "數字廣東", "粵省事", "微信",
                "企業微信", "微信支付", "微信紅包", "小程序", "微信開放平台", "英雄聯盟", "CSIG"]
    terms = ["BG", "To B", "To C", "To G", "C To B", "GMV", "CRM", "KPI", "IT",
             "產業互聯網", "智慧零售", "數字政務", "科技向善", "9·30"]
    for name in entities:
        assert site.entities.find(name) is not None, name
        assert site.entities.find(name).description, name
    for name in terms:
        assert site.glossary.find(name) is not None, name
        assert site.glossary.find(name).definition, name
    # Both scripts find the same entry.
    assert site.find("企业微信").id == site.find("企業微信").id == "wecom"
    assert site.find("微信开放平台").id == "wechat-open-platform"


def test_every_problem_is_reported_at_once_with_file_and_line(tmp_path):
    glossary = """terms:
  - id: gmv
    term: GMV
    definiton: 平臺總交易量。
  - id: kpi
    term: KPI
    definition: ""
  - id: gmv
    term: 商品交易總額
    definition: 同 GMV。
  - id: it
    term: 騰訊
    definition: 與實體同名。
"""
    found = problems_of(tmp_path, glossary=glossary)
    assert found == sorted(found, key=lambda p: int(p.split(":")[1]))  # in file order
    assert any(p.startswith("site_config/glossary.yml:4: unknown key 'definiton'")
               and "did you mean 'definition'?" in p for p in found)
    assert any(p.startswith("site_config/glossary.yml:2: entry 'gmv' has an empty definition") for p in found)
    assert any(p.startswith("site_config/glossary.yml:7: entry 'kpi' has an empty definition") for p in found)
    assert any(p.startswith("site_config/glossary.yml:8: id 'gmv' is used twice (first at site_config/glossary.yml:2)")
               for p in found)
    assert any(p.startswith("site_config/glossary.yml:12: '騰訊' names both 'tencent' (site_config/entities.yml:6)")
               for p in found)
    assert all(". Fix: " in p for p in found)


def test_an_alias_is_claimed_once_across_scripts_and_files(tmp_path):
    glossary = "terms:\n  - id: soft\n    term: 軟件\n    aliases: [汤道生]\n    definition: 同名。\n"
    found = problems_of(tmp_path, glossary=glossary)
    assert found == [
        "site_config/glossary.yml:4: '汤道生' names both 'tang-daosheng' (site_config/entities.yml:2) and 'soft' "
        "('湯道生' reads the same in one script). Fix: give each name to one entry only: remove it here or there"
    ]
    # A Traditional form claimed by its Simplified spelling elsewhere.
    found = problems_of(tmp_path, glossary="terms:\n  - id: t\n    term: 腾讯\n    definition: 一家公司。\n")
    assert found[0].startswith("site_config/glossary.yml:3: '腾讯' names both 'tencent'")


def test_duplicate_keys_bad_ids_markup_in_names_and_unknown_related(tmp_path):
    entities = """people:
  - id: Tang
    name: 湯道生
    name: 汤道生
  - id: tag
    name: <b>X</b>
  - id: x
    name: 某
    related: [nobody]
"""
    found = problems_of(tmp_path, entities=entities, glossary=None)
    assert any(p.startswith("site_config/entities.yml:2: id 'Tang' is not a slug") for p in found)
    assert any(p.startswith("site_config/entities.yml:4: 'name' is given twice (first on line 3)") for p in found)
    assert any(p.startswith("site_config/entities.yml:6: the name of entry 'tag' holds '<' or '>'") for p in found)
    assert any(p.startswith("site_config/entities.yml:9: 'nobody' in 'related' of entry 'x' is no entry's id")
               for p in found)


def test_invalid_yaml_names_its_line(tmp_path):
    found = problems_of(tmp_path, glossary="terms:\n  - id: gmv\n    term: GMV\n   definition: x\n")
    assert found[0].startswith("site_config/glossary.yml:4: not valid YAML")


def test_scalars_stay_as_written(tmp_path):
    glossary = "terms:\n  - id: no\n    term: NO\n    aliases: [yes, 1.0]\n    definition: 一個縮寫。\n"
    site = site_config_of(project(tmp_path, glossary=glossary))
    assert site.glossary.get("no").forms == ("NO", "yes", "1.0")


def test_empty_or_missing_files_are_empty(tmp_path):
    site = site_config_of(project(tmp_path, "", None))
    assert len(site.entities) == 0 and len(site.glossary) == 0
    assert phrase_pairs(tmp_path) == [] and all_aliases(tmp_path) == []


def test_a_changed_file_is_read_again(tmp_path):
    root = project(tmp_path)
    first = site_config_of(root)
    assert site_config_of(root) is first  # read once while unchanged
    path = root / "site_config" / "glossary.yml"
    path.write_text(GLOSSARY.replace("平臺總交易量。", "平臺上成交的總金額。"), encoding="utf-8")
    later = time.time() + 5
    os.utime(path, (later, later))
    assert site_config_of(root).glossary.get("gmv").definition == "平臺上成交的總金額。"


# --- names for the converter and the search segmenter ----------------------


def test_phrase_pairs_keep_every_listed_name_in_both_scripts(tmp_path):
    entities = """people:
  - id: you-mingxin
    name: 游明鑫
  - id: tang-daosheng
    name: 湯道生
    aliases: [汤道生, Dowson Tong]
products:
  - id: open-platform
    name: 微信開放平臺
    aliases: [微信开放平台, 微信開放平台]
  - id: cloud
    name: 騰訊雲
    aliases: [腾讯云]
"""
    pairs = phrase_pairs(project(tmp_path, entities, GLOSSARY.replace("    related: [tencent]\n", "")))
    assert ("游明鑫", "游明鑫") in pairs  # not 遊明鑫: the name as written
    assert ("湯道生", "汤道生") in pairs
    assert pairs.index(("微信開放平臺", "微信开放平台")) < pairs.index(("微信開放平台", "微信开放平台"))
    assert ("騰訊雲", "腾讯云") in pairs
    assert ("商品交易總額", "商品交易总额") in pairs
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in hant + hans) for hant, hans in pairs)  # no Latin-only pair
    aliases = all_aliases(tmp_path)
    for form in ("湯道生", "汤道生", "Dowson Tong", "GMV", "商品交易總額", "商品交易总额", "微信开放平台"):
        assert form in aliases
    assert aliases == sorted(set(aliases))


def test_a_simplified_alias_of_its_own_gets_a_traditional_form(tmp_path):
    entities = "products:\n  - id: app\n    name: App 名稱\n    aliases: [软件商店]\n"
    assert ("軟件商店", "软件商店") in phrase_pairs(project(tmp_path, entities, None))


def test_load_site_config_takes_any_two_paths(tmp_path):
    root = project(tmp_path)
    site = load_site_config(root / "site_config" / "entities.yml", None)
    assert len(site.entities) == 2 and len(site.glossary) == 0
    # A glossary referring to an entity needs the entities beside it.
    with pytest.raises(SiteConfigError, match="'tencent' in 'related' of entry 'gmv' is no entry's id"):
        load_site_config(None, root / "site_config" / "glossary.yml")


# --- not_in: where a name is another word ------------------------------------


def test_not_in_lists_longer_words_holding_a_name_in_either_script(tmp_path):
    entities = """products:
  - id: paipai
    name: 拍拍
    aliases: [拍拍網, Paipai]
    not_in: [拍拍上面, 拍拍身上]
people:
  - id: yu-mei-ren
    name: 于美人
    not_in: [至於美人魚]
"""
    root = project(tmp_path, entities, None)
    site = site_config_of(root)
    assert site.entities.get("paipai").not_in == ("拍拍上面", "拍拍身上")
    pairs = phrase_pairs(root)
    # The converter's override does not fire there either, in either script.
    assert ("拍拍", "拍拍", ("拍拍上面", "拍拍身上")) in pairs and ("拍拍網", "拍拍网") in pairs
    assert ("于美人", "于美人", ("至于美人鱼",)) in pairs  # the Simplified text holds the name
    from zhpress.text.convert import ScriptConverter

    converter = ScriptConverter("tw", pairs)
    assert converter.convert("至于美人鱼", "hant", "hans") == "至於美人魚"
    assert converter.convert("由于美人主持", "hant", "hans") == "由于美人主持"


def test_a_not_in_context_must_hold_a_name_and_be_longer(tmp_path):
    entities = """products:
  - id: jd
    name: 京東
    aliases: [JD.com]
    not_in: [南京東路, 南京路, 京东, JD.co]
  - id: x
    name: 某
    not_in: 南京東路
"""
    found = problems_of(tmp_path, entities=entities, glossary=None)
    assert found == [
        "site_config/entities.yml:5: '南京路' in 'not_in' of entry 'jd' holds none of its names. Fix: write the "
        "longer word the name is found in, e.g. 南京東路 for 京東 (names of entry 'jd': 京東, JD.com)",
        "site_config/entities.yml:5: '京东' in 'not_in' of entry 'jd' is one of its names. Fix: write the longer "
        "word around the name where it must not be found, or remove the name",
        "site_config/entities.yml:5: 'JD.co' in 'not_in' of entry 'jd' holds none of its names. Fix: write the "
        "longer word the name is found in, e.g. 南京東路 for 京東 (names of entry 'jd': 京東, JD.com)",
        "site_config/entities.yml:8: 'not_in' of entry 'x' must be a list. Fix: write it in brackets, "
        "e.g. not_in: [南京東路, 北京東路]",
    ]
