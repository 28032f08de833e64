"""Unit tests of zhpress.article.schema: front matter problems, all at once,
each on the line a writer has to fix."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from zhpress.article.schema import KNOWN_KEYS, Problem, validate_front_matter

REPO = Path(__file__).resolve().parents[2]
PATH = "content/articles/x.md"

# Four broken front matters: (name, source, line, words of the message, words of the fix).
BROKEN = [
    (
        "missing title",
        "---\nsubtitle: 騰訊雲與智慧產業事業群成立一年\nspeaker: 湯道生\ndate: 2019\n---\n\n正文\n",
        1, "title is missing", "title:",
    ),
    (
        "month 13",
        "---\ntitle: 湯道生\nspeaker: 湯道生\ninterviewer: 謝麗容\ndate: 2019-13-01\n---\n",
        5, "date '2019-13-01' is not a valid date: month 13 is not between 1 and 12",
        "YYYY, YYYY-MM or YYYY-MM-DD",
    ),
    (
        "unknown key",
        "---\ntitle: 湯道生\nauther: 湯道生\ndate: 2019\n---\n",
        3, "unknown key 'auther'", "did you mean 'author'",
    ),
    (
        "tags not a list",
        "---\ntitle: 湯道生\ndate: 2019\nsummary: 導言\ntags: 產業互聯網\n---\n",
        5, "tags must be a list", "tags: [產業互聯網]",
    ),
]


def problems_of(text: str, **kwargs) -> list[Problem]:
    return validate_front_matter(PATH, text, **kwargs)[1]


@pytest.mark.parametrize("name, text, line, message, fix", BROKEN, ids=[b[0] for b in BROKEN])
def test_each_broken_front_matter_has_its_own_problem_on_its_line(name, text, line, message, fix):
    problems = problems_of(text)
    assert len(problems) == 1, [str(p) for p in problems]
    problem = problems[0]
    assert (problem.path, problem.line) == (PATH, line)
    assert message in problem.message
    assert fix in problem.fix


def test_the_four_broken_fixtures_give_four_different_messages():
    messages = {problems_of(text)[0].message for _, text, *_ in BROKEN}
    assert len(messages) == 4


def test_problem_reads_as_file_line_message_fix():
    problem = problems_of(BROKEN[1][1])[0]
    assert str(problem) == (
        "content/articles/x.md:5:7: date '2019-13-01' is not a valid date: month 13 is not between "
        "1 and 12. Fix: write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2019-10-08."
    )
    assert str(Problem("a.md", 2, "something is wrong")) == "a.md:2: something is wrong."


def test_all_problems_at_once_sorted_by_line():
    text = "---\nauther: 湯道生\ndate: 2019-13-01\ntags: 騰訊\nsubtitle: 副題\n---\n"
    problems = problems_of(text)
    assert [(p.line, p.message.split(" ")[0]) for p in problems] == [
        (1, "title"), (2, "unknown"), (3, "date"), (4, "tags"),
    ]


def test_the_real_article_is_valid_and_read_like_yaml_would():
    for source in sorted((REPO / "content" / "articles").glob("*.md")):
        text = source.read_text(encoding="utf-8")
        meta, problems = validate_front_matter(str(source), text)
        assert problems == [], [str(p) for p in problems]
        front = text.split("---\n")[1]
        assert meta == yaml.safe_load(front)


def test_a_complete_front_matter_has_no_problem():
    text = """---
title: 湯道生：產業互聯網的第一年
subtitle: 騰訊雲與智慧產業事業群成立一年
summary: 一句話的導言。
speaker: 湯道生
author: [甲, 乙]
interviewer:
  - 謝麗容
editor: 馬克
publication: 本刊
date: 2019-10-08
updated: 2020-01
tags: [產業互聯網, 騰訊, 訪談]
cover: images/cover.jpg
template: zhpress/article.html
hide: [navigation, toc]
search:
  exclude: true
status: new
---
body
"""
    meta, problems = validate_front_matter(PATH, text)
    assert problems == []
    assert meta["date"] == dt.date(2019, 10, 8) and meta["updated"] == "2020-01"
    assert meta["search"] == {"exclude": True} and meta["author"] == ["甲", "乙"]


@pytest.mark.parametrize("value", ["2019", "2019-10", "2019-10-08", '"2019-10-08"', "2019-1-5", "'2019-02'"])
def test_dates_known_to_year_month_or_day_are_valid(value):
    assert problems_of(f"---\ntitle: t\ndate: {value}\nupdated: {value}\n---\n") == []


@pytest.mark.parametrize("value, reason", [
    ("2019-02-30", "day is out of range"),
    ("2019-00", "month 0 is not between 1 and 12"),
    ("2019-10-00", "day 0 is not between 1 and 31"),
    ("2019-00-05", "month must be in 1..12"),
    ("19", ""),
    ("next year", ""),
    ("2019/10/08", ""),
    ("true", ""),
])
def test_invalid_dates_are_reported_on_their_line(value, reason):
    problems = problems_of(f"---\ntitle: t\n\ndate: {value}\n---\n")
    assert [(p.line, p.fix) for p in problems] == [(4, "write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2019-10-08")]
    assert problems[0].message.startswith(f"date '{value}' is not a valid date")
    assert reason in problems[0].message


def test_a_date_that_is_a_list_is_an_error():
    problems = problems_of("---\ntitle: t\nupdated: [2019, 2020]\n---\n")
    assert [(p.line, p.message) for p in problems] == [(3, "updated must be a single date, not a list")]


def test_updated_before_date_is_an_error_but_coarser_precision_is_not():
    assert [p.line for p in problems_of("---\ntitle: t\ndate: 2019-10\nupdated: 2019-09-30\n---\n")] == [4]
    assert problems_of("---\ntitle: t\ndate: 2019-10-08\nupdated: 2019\n---\n") == []
    assert problems_of("---\ntitle: t\ndate: 2019-10-08\nupdated: 2019-10-08\n---\n") == []


def test_tags_fix_shows_the_list_form_of_what_was_written():
    problem = problems_of("---\ntitle: t\ntags: 產業互聯網, 騰訊、訪談\n---\n")[0]
    assert problem.message == "tags must be a list"
    assert problem.fix == "write tags: [產業互聯網, 騰訊, 訪談]"


def test_tags_items_must_be_text():
    problems = problems_of("---\ntitle: t\ntags:\n  - 騰訊\n  - 2019\n  - [a]\n---\n")
    assert [(p.line, p.message) for p in problems] == [
        (5, "tag #2 must be text, not a number"), (6, "tag #3 must be text, not a list"),
    ]
    assert problems[0].fix == 'quote it: "2019"'
    assert problems_of("---\ntitle: t\ntags: {a: 1}\n---\n")[0].message == "tags must be a list, not a mapping"


@pytest.mark.parametrize("key", ["speaker", "author", "interviewer", "editor"])
def test_people_are_a_name_or_a_list_of_names(key):
    assert problems_of(f"---\ntitle: t\n{key}: 湯道生\n---\n") == []
    assert problems_of(f"---\ntitle: t\n{key}: [湯道生, 謝麗容]\n---\n") == []
    problems = problems_of(f"---\ntitle: t\n{key}:\n  - 湯道生\n  - 42\n---\n")
    assert [(p.line, p.message) for p in problems] == [(5, f"{key} #2 must be a name, not a number")]
    problems = problems_of(f"---\ntitle: t\n{key}: {{name: 湯道生}}\n---\n")
    assert [(p.line, p.message) for p in problems] == [(3, f"{key} must be a name or a list of names, not a mapping")]
    assert problems_of(f"---\ntitle: t\n{key}: []\n---\n")[0].message == f"{key} is an empty list"


def test_entities_are_accepted_and_unknown_names_are_not_this_modules_concern():
    text = "---\ntitle: t\nspeaker: 無名氏\n---\n"
    assert validate_front_matter(PATH, text) == ({"title": "t", "speaker": "無名氏"}, [])


@pytest.mark.parametrize("key", ["subtitle", "summary", "publication", "cover", "title"])
def test_text_keys_must_be_text(key):
    head = "" if key == "title" else "title: t\n"
    problems = problems_of(f"---\n{head}{key}: 2019\n---\n")
    assert [p.message for p in problems] == [f"{key} must be text, not a number (2019)"]
    assert problems[0].fix == f'quote it: {key}: "2019"'
    problems = problems_of(f"---\n{head}{key}: [a, b]\n---\n")
    assert [p.message for p in problems] == [f"{key} must be a single piece of text, not a list"]


def test_empty_values():
    problems = problems_of('---\ntitle: ""\nsubtitle:\nsummary: ""\n---\n')
    assert [(p.line, p.message) for p in problems] == [
        (2, "title is empty"), (3, "subtitle has no value"), (4, "summary has no value"),
    ]
    assert problems_of("---\ntitle:\n---\n")[0].message == "title has no value"


@pytest.mark.parametrize("key, guess", [
    ("auther", "author"), ("Title", "title"), ("tag", "tags"), ("subtitel", "subtitle"),
    ("標籤", "tags"), ("description", "summary"), ("speakers", "speaker"), ("updte", "updated"),
])
def test_unknown_keys_get_a_suggestion(key, guess):
    problem = problems_of(f"---\ntitle: t\n{key}: x\n---\n")[0]
    assert problem.message == f"unknown key '{key}'"
    assert problem.fix.startswith(f"did you mean '{guess}'")


def test_unknown_key_without_a_close_match_lists_the_known_keys():
    problem = problems_of("---\ntitle: t\nxyzzy: 1\n---\n")[0]
    assert problem.fix == "remove it, or use one of: " + ", ".join(KNOWN_KEYS)


def test_duplicate_keys():
    problems = problems_of("---\ntitle: t\ndate: 2019\ntags: [a]\ndate: 2020\n---\n")
    assert [(p.line, p.message) for p in problems] == [(5, "key 'date' appears twice (first on line 3)")]


def test_yaml_syntax_error_is_one_problem_on_its_line():
    problems = problems_of("---\ntitle: t\ndate: 2019\nsummary: 他說: 好\ntags: [a\n---\n")
    assert len(problems) == 1
    assert problems[0].line == 4
    assert problems[0].message.startswith("front matter is not valid YAML: ")
    assert "quotes" in problems[0].fix
    # An unclosed bracket is reported where it was opened, not where YAML gives up.
    problems = problems_of("---\ntitle: t\ntags: [a, b\nsummary: x\n---\n")
    assert [(p.line, p.column, p.message) for p in problems] == [
        (3, 7, "front matter is not valid YAML: the '[' opened here is never closed")]


def test_a_full_width_colon_after_a_key_is_reported_on_its_own_line():
    problems = problems_of("---\ntitle：湯道生\ndate: 2019\n---\n")
    assert [(p.line, p.column) for p in problems] == [(2, 6)]
    assert "full-width colon" in problems[0].message and "title: " in problems[0].fix
    problems = problems_of("---\ntitle: t\nsummary:沒有空格\n---\n")
    assert [(p.line, p.column) for p in problems] == [(3, 8)]


def test_front_matter_shape_problems():
    assert [(p.line, p.message.split(":")[0]) for p in problems_of("# 標題\n\n正文\n")] == [(1, "no front matter")]
    assert [p.message for p in problems_of("---\ntitle: t\n\nbody")] == [
        "the front matter opened here is never closed"]
    assert [p.line for p in problems_of("---\n- title\n---\n")] == [2]
    assert [(p.line, p.message) for p in problems_of("---\n\n---\n")] == [(1, "title is missing")]


def test_line_numbers_survive_bom_crlf_comments_and_block_scalars():
    text = "\ufeff---\r\n# a comment\r\ntitle: t\r\nsummary: |\r\n  one\r\n  two\r\nauther: x\r\n---\r\n"
    assert [(p.line, p.message) for p in problems_of(text)] == [(7, "unknown key 'auther'")]


def test_values_passed_to_material_are_checked_before_material_reads_them():
    good = "---\ntitle: t\ntemplate: main.html\nhide: [navigation, toc]\nsearch: {boost: 2}\nstatus: new\n---\n"
    assert problems_of(good) == []
    text = "---\ntitle: t\ntemplate: 1\nhide: navigation\nsearch: {boost: yes}\nstatus: [x]\nscript: zh\n---\n"
    assert [(p.line, p.message.split(" ")[0]) for p in problems_of(text)] == [
        (3, "template"), (4, "hide"), (5, "search"), (6, "status"), (7, "script")]


def test_pages_that_are_not_articles_use_the_page_keys():
    assert problems_of("# 首頁\n", kind="page") == []
    assert problems_of("---\ntitle: 首頁\nhide: [toc]\n---\n", kind="page") == []
    problems = problems_of("---\ntitle: 首頁\nspeaker: 某人\n---\n", kind="page")
    assert [(p.line, p.message) for p in problems] == [(3, "unknown key 'speaker'")]


def test_known_keys_have_one_line_descriptions():
    assert list(KNOWN_KEYS)[:2] == ["title", "subtitle"]
    for key in ("title", "subtitle", "summary", "speaker", "author", "interviewer", "editor",
                "publication", "date", "updated", "tags", "cover", "template", "hide", "search", "status"):
        assert KNOWN_KEYS[key] and "\n" not in KNOWN_KEYS[key]
