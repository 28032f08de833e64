"""site_config/entities.yml: names in either script, ids in bylines."""
from __future__ import annotations

import pytest

from conftest import build_site, copy_project
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


def test_names_are_found_in_any_script_and_case(tmp_path):
    path = tmp_path / "entities.yml"
    path.write_text(ENTITIES, encoding="utf-8")
    entities = load_entities(path)
    assert len(entities) == 2
    for key in ("tang-daosheng", "湯道生", "汤道生", "dowson tong", "湯道生 "):
        assert entities.find(key).name == "湯道生"
    assert entities.find("TENCENT").id == "tencent"
    assert entities.find("馬化騰") is None
    assert len(load_entities(tmp_path / "missing.yml")) == 0


@pytest.mark.parametrize("text, message", [
    ("people:\n  - name: 湯道生\n", "needs at least an 'id' and a 'name'"),
    ("persons:\n  - id: a\n    name: b\n", "unknown section 'persons'"),
    ("people:\n  - {id: a, name: 甲}\n  - {id: b, name: 乙, aliases: [甲]}\n", "'甲' names both 'a' and 'b'"),
    ("people:\n  - {id: a, name: 甲, aliases: 乙}\n", "'aliases' must be a list"),
])
def test_bad_entities_file_says_what_to_fix(tmp_path, text, message):
    path = tmp_path / "entities.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(EntitiesError, match=message):
        load_entities(path)


def test_byline_shows_the_entity_name_in_each_script(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "index.md").write_text("---\ntitle: 首頁\n---\n\n# 首頁\n", encoding="utf-8")
    (content / "articles" / "a.md").write_text(
        "---\ntitle: 訪談\nspeaker: tang-daosheng\ninterviewer: [某記者]\n---\n\n正文。\n", encoding="utf-8")
    project = copy_project(tmp_path / "project", content)
    (project / "site_config" / "entities.yml").write_text(ENTITIES, encoding="utf-8")
    site = build_site(project)
    hant = (site / "zh-hant/articles/a/index.html").read_text(encoding="utf-8")
    hans = (site / "zh-hans/articles/a/index.html").read_text(encoding="utf-8")
    assert ">受訪</span>湯道生<" in hant and ">受访</span>汤道生<" in hans
    assert "tang-daosheng" not in hant.split("<body")[1].split("zhpress-article__body")[0]
    assert '"author": [{"@type": "Person", "name": "湯道生"}]' in hant
    assert ">採訪</span>某記者<" in hant
