"""zhpress.search.dictionary: the fallback's words, from jieba's list and from
every name, alias and term of site_config/, read tolerantly."""
from __future__ import annotations

from zhpress.search.dictionary import SITE_WEIGHT, build_dictionary, jieba_words, site_config_words

ENTITIES = """
people:
  - id: tang-daosheng
    name: 湯道生
    aliases: [汤道生, Dowson Tong]
    description: 不是名字的長句子不算
organisations:
  - {id: tencent, name: 騰訊, aliases: [腾讯, Tencent]}
"""
GLOSSARY = """
terms:
  - term: 產業互聯網
    aliases: [产业互联网, Industrial Internet]
    definition: 一段定義
  - hant: 雲計算
    hans: 云计算
"""


def test_names_aliases_and_terms_of_any_file_and_shape(tmp_path):
    (tmp_path / "entities.yml").write_text(ENTITIES, encoding="utf-8")
    (tmp_path / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "broken.yml").write_text("a: [unclosed\n", encoding="utf-8")
    found = site_config_words(tmp_path)
    assert set(found) == {"湯道生", "汤道生", "Dowson Tong", "騰訊", "腾讯", "Tencent",
                          "產業互聯網", "产业互联网", "Industrial Internet", "雲計算", "云计算"}
    words = build_dictionary(tmp_path, use_jieba=False)
    # Dowson Tong, Industrial Internet: several words, which never meet in one term of a query
    assert words == {w: SITE_WEIGHT for w in ("汤道生", "腾讯", "tencent", "产业互联网", "云计算")}


def test_a_missing_folder_gives_no_words(tmp_path):
    assert site_config_words(tmp_path / "nowhere") == []


def test_jiebas_words_are_normalised_and_weighted():
    words = jieba_words()
    assert words["产业"] > words.get("产业互联网", 0)
    assert all(len(w) >= 2 and w == w.lower() for w in list(words)[:1000])
    assert max(words.values()) < SITE_WEIGHT
