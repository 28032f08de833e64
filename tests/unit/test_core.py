"""zhpress.core, the contract between the plugins: per-page config changes
that are always undone, the variant model, the declared pipeline (as
README's table says, and as every hook of our plugins uses it), the names of
published files and of page context, interface strings and the `zh` filter."""
from __future__ import annotations

import dataclasses
import re
from types import SimpleNamespace

import jinja2
import pytest
from markupsafe import Markup
from mkdocs.plugins import CombinedEvent
from mkdocs.config import load_config
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from conftest import REPO
from zhpress.core import context, pipeline, published
from zhpress.core.page_config import PerPageConfig
from zhpress.core.variants import (
    BY_KEY, BY_PREFIX, HANS, HANT, VARIANTS, Variant, split_variant, variant_of, variant_uri,
)


@pytest.fixture(scope="module")
def config():
    """The real mkdocs.yml, loaded (plugins' options validated, no build)."""
    return load_config(str(REPO / "mkdocs.yml"))


# --- page_config.PerPageConfig ----------------------------------------------------------

def test_set_then_restore_gives_back_every_value():
    config = {"site_name": "長文", "site_description": None, "extra": {"alternate": ["site"]}}
    per_page = PerPageConfig()
    per_page.set(config, "site_name", "长文")
    per_page.set(config, "site_description", "中文长篇")
    per_page.set(config["extra"], "alternate", ["page"])
    assert config == {"site_name": "长文", "site_description": "中文长篇", "extra": {"alternate": ["page"]}}
    per_page.restore()
    assert config == {"site_name": "長文", "site_description": None, "extra": {"alternate": ["site"]}}


def test_a_key_that_was_missing_is_removed_again():
    extra = {"analytics": None}
    per_page = PerPageConfig()
    per_page.set(extra, "alternate", [])
    per_page.set(extra, "generator", False)
    assert extra == {"analytics": None, "alternate": [], "generator": False}
    per_page.restore()
    assert extra == {"analytics": None}


def test_setting_a_key_twice_restores_the_value_before_the_first_set():
    config = {"site_name": "長文"}
    per_page = PerPageConfig()
    per_page.set(config, "site_name", "one")
    per_page.set(config, "site_name", "two")
    per_page.set(config, "new", 1)
    per_page.set(config, "new", 2)
    per_page.restore()
    assert config == {"site_name": "長文"}


def test_equal_mappings_are_kept_apart():
    first, second = {}, {}
    per_page = PerPageConfig()
    per_page.set(first, "key", "a")
    per_page.set(second, "key", "b")  # equal to `first` before: still another mapping
    per_page.restore()
    assert first == {} and second == {}


def test_restore_forgets_what_it_restored():
    config = {"site_name": "長文"}
    per_page = PerPageConfig()
    per_page.set(config, "site_name", "长文")
    per_page.restore()
    config["site_name"] = "changed by the user between builds"
    per_page.restore()  # nothing left to undo (on_post_page, then on_build_error)
    assert config == {"site_name": "changed by the user between builds"}
    per_page.set(config, "site_name", "again")
    per_page.restore()
    assert config["site_name"] == "changed by the user between builds"


def test_on_a_real_mkdocs_config(config):
    before_name, before_description = config.site_name, config.site_description
    had_alternate = "alternate" in config.extra
    per_page = PerPageConfig()
    per_page.set(config, "site_name", "长文")
    per_page.set(config, "site_description", "中文长篇访谈")
    per_page.set(config.extra, "alternate", [{"lang": "zh-Hans"}])
    assert config.site_name == "长文" and config["site_name"] == "长文"
    assert config.extra["alternate"] == [{"lang": "zh-Hans"}]
    per_page.restore()
    assert (config.site_name, config.site_description) == (before_name, before_description)
    assert ("alternate" in config.extra) == had_alternate


# --- variants ---------------------------------------------------------------------

def test_the_two_variants():
    assert VARIANTS == (HANT, HANS)  # the switch's order; the first renders Markdown
    assert (HANT.key, HANT.prefix, HANT.lang, HANT.label) == ("hant", "zh-hant", "zh-Hant", "繁")
    assert (HANS.key, HANS.prefix, HANS.lang, HANS.label) == ("hans", "zh-hans", "zh-Hans", "简")
    assert BY_KEY == {"hant": HANT, "hans": HANS} and BY_PREFIX == {"zh-hant": HANT, "zh-hans": HANS}
    for variant in VARIANTS:
        assert (REPO / "theme" / "partials" / "languages" / f"{variant.theme_language}.html").exists()


@pytest.mark.parametrize("src_uri, expected", [
    ("zh-hans/articles/a.md", (HANS, "articles/a.md")),
    ("zh-hant/index.md", (HANT, "index.md")),
    ("zh-hant/assets/images/a.png", (HANT, "assets/images/a.png")),
    ("articles/a.md", (None, "articles/a.md")),
    ("index.md", (None, "index.md")),
    ("404.html", (None, "404.html")),
    ("zh-hant", (None, "zh-hant")),  # a file named like a variant, not in one
    ("zh-hant/", (None, "zh-hant/")),
    ("zh-hans-x/a.md", (None, "zh-hans-x/a.md")),
    ("zh-Hans/a.md", (None, "zh-Hans/a.md")),  # prefixes are lower case
    ("articles/zh-hans/a.md", (None, "articles/zh-hans/a.md")),
])
def test_split_variant(src_uri, expected):
    assert split_variant(src_uri) == expected


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.key)
def test_variant_uri_and_split_variant_are_inverse(variant):
    for base in ("index.md", "articles/a.md", "tags/騰訊/page/2/index.md"):
        assert variant_uri(variant, base) == f"{variant.prefix}/{base}"
        assert split_variant(variant_uri(variant, base)) == (variant, base)


def test_variant_of_a_page_is_where_its_file_lives(tmp_path, config):
    def page(uri):
        return Page(None, File(uri, str(tmp_path), str(tmp_path / "site"), use_directory_urls=True), config)

    assert variant_of(page("zh-hans/articles/a.md")) is HANS
    assert variant_of(page("zh-hant/index.md")) is HANT
    assert variant_of(page("index.md")) is None
    assert variant_of(SimpleNamespace(file=SimpleNamespace(src_uri="404.html"))) is None


def test_variants_are_values():
    assert isinstance(HANT, Variant) and HANT != HANS and {HANT, HANS, HANT} == {HANT, HANS}
    with pytest.raises(dataclasses.FrozenInstanceError):
        HANT.prefix = "zh-tw"  # frozen: the contract cannot be changed by a plugin


# --- pipeline ------------------------------------------------------------------------

def readme_pipeline() -> list[tuple[str, int, str]]:
    """(step, priority, hooks) rows of README's pipeline table, in order."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| step | priority | hooks | why here |"):]
    rows = re.findall(r"^\| `([A-Z_]+)` \| (-?\d+) \| ([^|]*) \|", table, re.M)
    return [(name, int(value), hooks.strip()) for name, value, hooks in rows]


def declared() -> dict[str, int]:
    return {name: value for name, value in vars(pipeline).items() if name.isupper() and isinstance(value, int)}


def test_readme_table_and_pipeline_module_declare_the_same_steps():
    rows = readme_pipeline()
    assert len(rows) >= 12
    assert {name: value for name, value, _ in rows} == declared()


def test_steps_run_in_the_order_of_the_table_with_no_two_sharing_a_priority():
    values = [value for _, value, _ in readme_pipeline()]
    assert all(earlier > later for earlier, later in zip(values, values[1:]))
    assert [name for name, _, _ in readme_pipeline()] == [
        "STOP_SPLIT", "NOTE_OUTPUT", "CHECK_SOURCES", "READ_METADATA", "SANITIZE_HTML", "CONVERT_SCRIPT", "TYPESET", "READ_TEXT", "MARK_TERMS",
        "PAGE_SETUP", "PAGE_CONTEXT", "MEASURE", "INLINE_STYLES", "MARK_RENDERED_HTML", "RESTORE_CONFIG", "PUBLISH_COPIES",
        "WRITE_VARIANT_FILES", "FINISH_PAGES", "JOIN_VARIANTS", "WRITE_DERIVED", "ESCAPE_SEARCH_INDEX",
        "WRITE_SITE_FILES", "STAGE_OUTPUT", "SPLIT_VARIANTS", "SKIP_TEMPLATES", "RENDER_BARE",
    ]


def plugin_classes() -> dict:
    from zhpress.article.plugin import ArticlePlugin
    from zhpress.output.plugin import OutputPlugin
    from zhpress.typeset.plugin import TypesetPlugin
    from zhpress.styles.plugin import StylesPlugin
    from zhpress.variants.plugin import VariantsPlugin

    return {"article": ArticlePlugin, "typeset": TypesetPlugin, "variants": VariantsPlugin, "output": OutputPlugin,
            "styles": StylesPlugin}


# The hooks README's table names for these four plugins (typeset: all its page hooks).
HOOKS = {
    "READ_METADATA": [("article", "on_config"), ("article", "on_files"), ("article", "on_page_markdown")],
    "CONVERT_SCRIPT": [("variants", "on_page_markdown"), ("variants", "on_page_content")],
    "TYPESET": [("typeset", "on_page_markdown"), ("typeset", "on_page_content")],
    "PAGE_SETUP": [("variants", "on_page_context")],
    "PAGE_CONTEXT": [("article", "on_page_context")],
    "READ_TEXT": [("article", "on_page_content")],
    "INLINE_STYLES": [("styles", "on_post_page")],
    "FINISH_PAGES": [("styles", "on_post_build")],
    "RESTORE_CONFIG": [("variants", "on_post_page")],
    "PUBLISH_COPIES": [("variants", "on_files")],
    "WRITE_VARIANT_FILES": [("article", "on_post_build"), ("variants", "on_post_build")],
    "JOIN_VARIANTS": [("variants", "on_post_build")],
    "WRITE_SITE_FILES": [("variants", "on_post_build")],
    "SPLIT_VARIANTS": [("variants", "on_nav")],
    "SKIP_TEMPLATES": [("variants", "on_post_template")],
    "RENDER_BARE": [("variants", "on_page_markdown")],
    "STOP_SPLIT": [("variants", "on_build_error")],
    "NOTE_OUTPUT": [("output", "on_config")],
    "STAGE_OUTPUT": [("output", "on_pre_build"), ("output", "on_post_build")],
}


@pytest.mark.parametrize("step", HOOKS)
def test_each_hook_runs_at_the_step_the_readme_gives_it(step):
    hooks_cell = {name: hooks for name, _, hooks in readme_pipeline()}[step]
    classes = plugin_classes()
    for plugin, hook in HOOKS[step]:
        assert re.search(rf"\b{plugin}\b", hooks_cell), (step, plugin)
        if f"{plugin}:" in hooks_cell:  # the table names the hooks
            assert f"`{hook}`" in hooks_cell, (step, plugin, hook)
        assert getattr(pipeline, step) in priorities(getattr(classes[plugin], hook)), (plugin, hook)


def test_every_hook_says_its_priority_and_uses_the_named_value():
    """Priority: NAME (why) for hooks at a step, Priority: default (why) otherwise."""
    steps = declared()
    for plugin, cls in plugin_classes().items():
        for name, hook in vars(cls).items():
            if not name.startswith("on_"):
                continue
            for method in (hook.methods if isinstance(hook, CombinedEvent) else (hook,)):
                found = re.match(r"Priority: (\w+) \(.+\)", " ".join((method.__doc__ or "").split()), re.S)
                assert found, f"{plugin}.{name}: docstring does not start with 'Priority: NAME (why)'"
                step = found.group(1)
                if step == "default":
                    assert not hasattr(method, "mkdocs_priority"), f"{plugin}.{name}"
                else:
                    assert method.mkdocs_priority == steps[step], f"{plugin}.{name}"


def priorities(hook) -> set:
    """The priorities of a hook, or of each handler of a combined one."""
    methods = hook.methods if isinstance(hook, CombinedEvent) else (hook,)
    return {getattr(method, "mkdocs_priority", None) for method in methods}


# --- published and context names ------------------------------------------------------------

def test_published_feed_and_sitemap_names():
    assert [(f.file, f.mime, f.label) for f in published.FEEDS] == [
        ("feed.xml", "application/rss+xml", "RSS"),
        ("atom.xml", "application/atom+xml", "Atom"),
        ("feed.json", "application/feed+json", "JSON Feed"),
    ]
    assert (published.SITEMAP, published.SITEMAP_GZ) == ("sitemap.xml", "sitemap.xml.gz")


def test_the_feed_writer_writes_the_published_names():
    from zhpress.article.publish import FEED_FILES

    assert sorted(FEED_FILES.values()) == sorted(f.file for f in published.FEEDS)


def test_context_names_are_distinct_and_used_by_templates():
    names = {key: value for key, value in vars(context).items() if key.isupper()}
    assert len(set(names.values())) == len(names) >= 7
    assert all(value.startswith("zhpress_") for value in names.values())
    templates = "".join(p.read_text(encoding="utf-8") for folder in (REPO / "theme", REPO / "plugins")
                        for p in folder.rglob("*.html"))
    for value in names.values():
        assert re.search(rf"\b{value}\b", templates), value


# --- strings and script ----------------------------------------------------------------------

def test_ui_strings_are_read_from_the_language_partial(config):
    from zhpress.core.strings import ui_strings

    t = ui_strings(config)
    assert t("zhpress.archive") == "文章"
    assert t("zhpress.tag") % "騰訊" == "標籤：騰訊"
    assert t("zhpress.page_of") % (2, 3) == "第 2 頁，共 3 頁"


def test_in_script_and_the_zh_filter(config):
    from zhpress.core.script import in_script, install_template_helpers

    assert in_script("這裡是騰訊", HANS, config) == "这里是腾讯"
    assert in_script("這裡是騰訊", HANT, config) == "這裡是騰訊"
    assert in_script("這裡是騰訊", None, config) == "這裡是騰訊"  # outside the variants
    env = jinja2.Environment(autoescape=True)
    install_template_helpers(env, config)
    template = env.from_string("{{ text | zh }}")
    assert template.render(text="騰訊", zhpress_variant=HANS) == "腾讯"
    assert template.render(text="騰訊") == "騰訊"
    assert template.render(text=Markup("<b>騰訊</b>"), zhpress_variant=HANS) == "<b>腾讯</b>"
    assert template.render(text="<b>騰訊</b>", zhpress_variant=HANS) == "&lt;b&gt;腾讯&lt;/b&gt;"
