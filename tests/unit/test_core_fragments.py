"""zhpress.core.fragments: template output made once for every page that
would get the same, and made again wherever it could differ."""
from __future__ import annotations

from types import SimpleNamespace

import jinja2

from zhpress.core import fragments


def environment() -> tuple[jinja2.Environment, list]:
    made: list[str] = []

    @jinja2.pass_context
    def made_for(context):
        # Notes which page was rendering; reads nothing of the page itself.
        made.append(context["page"].url)
        return ""

    env = jinja2.Environment(loader=jinja2.DictLoader({
        "box.html": "box{{ made_for() }}",
        "entry.html": "{{ entry.title }}{{ made_for() }}",
        "page.html": '{{ zhpress_fragment("box.html") }}|'
                     '{{ zhpress_fragment("entry.html", in_any_folder=true, entry=entry) }}',
    }))
    env.globals["made_for"] = made_for
    fragments.install(env)
    return env, made


def render(env, url: str, variant: str = "zh-hant", entry=None) -> str:
    page = SimpleNamespace(url=url)
    entry = entry or SimpleNamespace(title="標題")
    return env.get_template("page.html").render(
        page=page, config=SimpleNamespace(site_name="站"), base_url=".",
        zhpress_variant=SimpleNamespace(key=variant), entry=entry)


def test_made_once_per_folder_and_once_in_any_folder():
    env, made = environment()
    entry = SimpleNamespace(title="標題")
    assert render(env, "zh-hant/archive/page/2/", entry=entry) == "box|標題"
    assert render(env, "zh-hant/archive/page/2/", entry=entry) == "box|標題"
    assert made == ["zh-hant/archive/page/2/"] * 2  # the box and the entry, once each
    render(env, "zh-hant/tags/x/", entry=entry)
    assert made[2:] == ["zh-hant/tags/x/"]  # a new folder: the box again, not the entry


def test_made_again_for_another_variant_or_entry():
    env, made = environment()
    entry = SimpleNamespace(title="標題")
    render(env, "zh-hant/tags/x/", entry=entry)
    render(env, "zh-hans/tags/x/", "zh-hans", entry=entry)
    render(env, "zh-hant/tags/x/", entry=SimpleNamespace(title="另一篇"))
    assert made == ["zh-hant/tags/x/"] * 2 + ["zh-hans/tags/x/"] * 2 + ["zh-hant/tags/x/"]


def test_made_for_one_page_is_kept_only_while_it_renders():
    env, made = environment()
    env.loader.mapping["toc.html"] = "toc{{ made_for() }}{{ page.url[:0] }}"
    env.loader.mapping["twice.html"] = ('{{ zhpress_fragment("toc.html", page=page) }}'
                                        '{{ zhpress_fragment("toc.html", page=page) }}')
    first, second = SimpleNamespace(url="zh-hant/a/"), SimpleNamespace(url="zh-hant/b/")
    for page in (first, second, first):
        assert env.get_template("twice.html").render(
            page=page, zhpress_variant=SimpleNamespace(key="zh-hant")) == "toctoc"
    assert made == ["zh-hant/a/", "zh-hant/b/", "zh-hant/a/"]  # once per page render
    assert len(env.globals["zhpress_fragment"]._page_made) == 1


def test_a_template_that_shows_the_page_is_made_for_each_page():
    # A site's override of a partial that prints the page's title (or
    # includes one that does) is never reused for another page.
    env, made = environment()
    env.loader.mapping["box.html"] = "{{ page.title }}{{ made_for() }}"
    env.loader.mapping["outer.html"] = '{% include "box.html" %}'
    env.loader.mapping["page.html"] = '{{ zhpress_fragment("box.html") }}|{{ zhpress_fragment("outer.html") }}'
    titles = []
    for url, title in (("zh-hant/a/", "甲"), ("zh-hant/b/", "乙")):
        page = SimpleNamespace(url=url, title=title)
        titles.append(env.get_template("page.html").render(
            page=page, config=SimpleNamespace(site_name="站"), base_url=".",
            zhpress_variant=SimpleNamespace(key="zh-hant")))
    assert titles == ["甲|甲", "乙|乙"]
    assert fragments.page_names(env, "outer.html") == {"page"}
    # A name the including template sets itself is not the page's.
    env.loader.mapping["entry_box.html"] = '{% set meta = entry.meta %}{% include "byline.html" %}'
    env.loader.mapping["byline.html"] = "{{ meta.author }}"
    assert fragments.page_names(env, "entry_box.html") == set()
