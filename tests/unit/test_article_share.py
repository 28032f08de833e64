"""Unit tests of zhpress.article.share: Open Graph <meta> tags and JSON-LD."""
from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser

import pytest

from zhpress.article.records import PartialDate
from zhpress.article.share import json_ld_article, og_locale, open_graph_tags

URL = "https://example.org/zh-hant/articles/tang/"
TRICKY = 'A <b>標題</b> & "引號" \'單\' </script><!--'


class Tags(HTMLParser):
    """Every element with its attributes, as a browser's tokenizer sees them."""

    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.data: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.data.append(data)


def parse(markup: str) -> Tags:
    parser = Tags()
    parser.feed(markup)
    parser.close()
    return parser


def meta_values(markup: str) -> list[tuple[str, str]]:
    elements = parse(markup).elements
    assert all(tag == "meta" for tag, _ in elements)
    return [(attrs.get("property") or attrs.get("name"), attrs["content"]) for _, attrs in elements]


def og(**overrides) -> str:
    values = dict(title="湯道生：產業互聯網的第一年", url=URL, site_name="本刊", language="zh-Hant",
                  description="騰訊雲與智慧產業事業群成立一年", published=PartialDate(2019),
                  tags=["產業互聯網", "騰訊"])
    values.update(overrides)
    return open_graph_tags(**values)


def ld(**overrides) -> dict:
    values = dict(title="湯道生：產業互聯網的第一年", url=URL, site_name="本刊", language="zh-Hant",
                  subtitle="騰訊雲與智慧產業事業群成立一年", description="導言", authors=["湯道生"],
                  published=PartialDate(2019), tags=["產業互聯網", "騰訊"])
    values.update(overrides)
    block = json_ld_article(**values)
    match = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', block, re.S)
    assert match, block
    return json.loads(match.group(1))


# --- Open Graph ------------------------------------------------------------------

def test_open_graph_tags():
    assert meta_values(og()) == [
        ("og:type", "article"),
        ("og:title", "湯道生：產業互聯網的第一年"),
        ("og:description", "騰訊雲與智慧產業事業群成立一年"),
        ("og:url", URL),
        ("og:site_name", "本刊"),
        ("og:locale", "zh_TW"),
        ("article:published_time", "2019"),
        ("article:tag", "產業互聯網"),
        ("article:tag", "騰訊"),
        ("twitter:card", "summary"),
    ]
    assert '<meta name="twitter:card" content="summary">' in og()
    assert '<meta property="og:type" content="article">' in og()


@pytest.mark.parametrize("language, locale", [("zh-Hant", "zh_TW"), ("zh-Hans", "zh_CN"), ("en-GB", "en_GB")])
def test_locales(language, locale):
    assert og_locale(language) == locale
    assert ("og:locale", locale) in meta_values(og(language=language))


def test_alternate_locale_image_and_modified_time():
    values = dict(meta_values(og(language="zh-Hans", alternate_languages=["zh-Hant"],
                                 image_url="https://example.org/cover.jpg", modified="2020-01")))
    assert values["og:locale"] == "zh_CN" and values["og:locale:alternate"] == "zh_TW"
    assert values["og:image"] == "https://example.org/cover.jpg"
    assert values["article:modified_time"] == "2020-01"


@pytest.mark.parametrize("published, shown", [
    (PartialDate(2019), "2019"), (PartialDate(2019, 10), "2019-10"), (PartialDate(2019, 10, 8), "2019-10-08"),
    (2019, "2019"), ("2019-10", "2019-10"), (dt.date(2019, 10, 8), "2019-10-08"),
])
def test_published_time_keeps_the_known_precision(published, shown):
    assert dict(meta_values(og(published=published)))["article:published_time"] == shown
    assert ld(published=published)["datePublished"] == shown


def test_empty_values_are_left_out():
    names = [name for name, _ in meta_values(og(description="", published=None, tags=[]))]
    assert "og:description" not in names and "article:published_time" not in names
    assert "article:tag" not in names and "og:image" not in names


def test_attribute_values_are_escaped():
    markup = og(title=TRICKY, description=TRICKY, tags=[TRICKY])
    assert "<b>" not in markup and "</script>" not in markup
    assert markup.count("<meta") == len(parse(markup).elements)
    values = meta_values(markup)
    assert ("og:title", TRICKY) in values and ("og:description", TRICKY) in values
    assert ("article:tag", TRICKY) in values


# --- JSON-LD ---------------------------------------------------------------------

def test_json_ld_article():
    data = ld(modified=PartialDate(2020, 1, 15), site_url="https://example.org/zh-hant/",
              image_url="https://example.org/cover.jpg")
    assert data == {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": "湯道生：產業互聯網的第一年",
        "alternativeHeadline": "騰訊雲與智慧產業事業群成立一年",
        "description": "導言",
        "author": [{"@type": "Person", "name": "湯道生"}],
        "datePublished": "2019",
        "dateModified": "2020-01-15",
        "inLanguage": "zh-Hant",
        "publisher": {"@type": "Organization", "name": "本刊", "url": "https://example.org/zh-hant/"},
        "mainEntityOfPage": {"@type": "WebPage", "@id": URL},
        "url": URL,
        "keywords": ["產業互聯網", "騰訊"],
        "image": "https://example.org/cover.jpg",
    }


def test_json_ld_leaves_out_what_is_not_known():
    data = ld(subtitle="", description="", authors=[], published=None, tags=[])
    for key in ("alternativeHeadline", "description", "author", "datePublished", "dateModified", "keywords"):
        assert key not in data
    assert data["headline"] and data["publisher"] == {"@type": "Organization", "name": "本刊"}


def test_json_ld_several_authors_in_order():
    assert [a["name"] for a in ld(authors=["湯道生", "謝麗容"])["author"]] == ["湯道生", "謝麗容"]


def test_json_ld_is_sorted_and_keeps_chinese_readable():
    block = json_ld_article(title="標題", url=URL, site_name="本刊", language="zh-Hans")
    body = block[len('<script type="application/ld+json">'):-len("</script>")]
    assert body == json.dumps(json.loads(body), ensure_ascii=False, sort_keys=True)
    assert "標題" in block and "\\u" not in block


def test_a_title_cannot_break_out_of_the_script():
    block = json_ld_article(title=TRICKY, url=URL, site_name=TRICKY, language="zh-Hant",
                            subtitle="</SCRIPT>", tags=["</style>"])
    assert block.count("</") == 1 and block.endswith("</script>")
    assert "<!--" not in block
    # A browser's tokenizer sees one script element whose text is the whole JSON.
    parsed = parse(block)
    assert [tag for tag, _ in parsed.elements] == ["script"]
    data = json.loads("".join(parsed.data))
    assert data["headline"] == TRICKY and data["publisher"]["name"] == TRICKY
    assert data["alternativeHeadline"] == "</SCRIPT>" and data["keywords"] == ["</style>"]
