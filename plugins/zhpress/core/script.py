"""Text in a variant's script, for every plugin and template.

The site's conversion settings are zhpress/variants' options (source script,
Traditional standard, phrase overrides in site_config); they are read here,
by name, so that a plugin converting a site name or an interface string gets
exactly what the pages get, with zhpress/variants on or off.
"""
from __future__ import annotations

from dataclasses import dataclass

import yaml
from jinja2 import pass_context
from markupsafe import Markup
from mkdocs.exceptions import PluginError

from ..siteconfig import SiteConfigError, phrase_pairs, project_dir
from ..text.convert import ScriptConverter, load_overrides
from .variants import BY_KEY, Variant
from . import fragments

VARIANTS_PLUGIN = "zhpress/variants"
_SHORT = 80  # texts up to this length are remembered once converted
_SHORT_KEPT = 100_000
DEFAULT_OVERRIDES = "site_config/variants.yml"


@dataclass(frozen=True)
class ScriptSettings:
    source_script: str = "hant"  # script the sources are written in
    traditional: str = "tw"  # Traditional standard: tw or hk
    overrides: str = DEFAULT_OVERRIDES  # phrase overrides, relative to mkdocs.yml
    mechanical_conversion: bool = False  # Traditional sources need the repair

    @classmethod
    def of(cls, config) -> "ScriptSettings":
        plugin = config.plugins.get(VARIANTS_PLUGIN)
        options = plugin.config if plugin is not None else {}
        return cls(
            source_script=options.get("source_script", cls.source_script),
            traditional=options.get("traditional", cls.traditional),
            overrides=options.get("overrides", cls.overrides),
            mechanical_conversion=options.get("mechanical_conversion", cls.mechanical_conversion),
        )


class SiteScript:
    """The site's converter and the settings it was made with."""

    def __init__(self, config):
        self.settings = ScriptSettings.of(config)
        self.converter = ScriptConverter(self.settings.traditional, self._overrides(config))
        self._short: dict[tuple, str] = {}

    def _overrides(self, config) -> list:
        """variants.yml's phrases, then every name of site_config (entities,
        glossary): a listed name is written as its entry says, in each script."""
        return self._phrases(config) + self._names(config)

    def _phrases(self, config) -> list:
        path = project_dir(config) / self.settings.overrides
        if not path.exists():
            return []
        try:
            return load_overrides(yaml.safe_load(path.read_text(encoding="utf-8")), str(path))
        except (yaml.YAMLError, ValueError) as error:
            raise PluginError(f"zhpress: {error}\nFix the file {path}.") from error

    @staticmethod
    def _names(config) -> list:
        try:
            return phrase_pairs(project_dir(config))
        except SiteConfigError:
            return []  # reported with file and line by the plugins that read site_config

    def convert(self, text: str, variant: Variant | None, source: str | None = None,
                repair: bool = False) -> str:
        """`text`, written in `source` (the site's source script by default),
        in `variant`'s script; `repair`: a Traditional source that came
        through a mechanical conversion is repaired through Simplified."""
        if variant is None or not text:
            return text
        source = source or self.settings.source_script
        if len(text) > _SHORT:
            return self.converter.convert(text, variant.key, source, repair=repair)
        # Interface strings, titles and names come back on every page: each
        # is converted once per build.
        key = (text, variant.key, source, repair)
        converted = self._short.get(key)
        if converted is None:
            if len(self._short) >= _SHORT_KEPT:
                self._short.clear()
            converted = self._short[key] = self.converter.convert(text, variant.key, source, repair=repair)
        return converted


def came_through_conversion(meta: dict, config) -> bool:
    """A source's text came through a mechanical Simplified-to-Traditional
    conversion: its `mechanical_conversion:` front matter, else the site
    option of zhpress/variants. Its script is repaired and its half-width
    marks are the converter's (typeset and check repair them after Latin
    words too)."""
    value = meta.get("mechanical_conversion") if meta else None
    if value is None:
        return ScriptSettings.of(config).mechanical_conversion
    return bool(value)


_sites: dict[int, SiteScript] = {}


def site_script(config) -> SiteScript:
    """The converter of this build's config, made once per config object."""
    key = id(config)
    site = _sites.get(key)
    if site is None or site.config is not config:
        site = SiteScript(config)
        site.config = config
        _sites.clear()  # one build at a time: drop the previous config's
        _sites[key] = site
    return site


def in_script(text: str, variant: Variant | None, config, source: str = "hant") -> str:
    """`text` (written in `source`, Traditional by default: our interface
    strings are) in `variant`'s script; unchanged outside the variants."""
    return site_script(config).convert(text, variant, source)


def in_source_script(text: str, config) -> str:
    """One of our interface strings (Traditional) in the script the sources
    are written in: text that is then converted like a source's own (the
    titles of generated pages, the default navigation)."""
    site = site_script(config)
    return site.convert(text, BY_KEY[site.settings.source_script], "hant")


def install_template_helpers(env, config) -> None:
    """The `zh` filter: interface strings of templates, written in
    Traditional, in the page's script. Any plugin that renders templates
    using it installs it; installing twice is harmless."""
    site = site_script(config)

    @pass_context
    def zh(context, text):
        variant = context.get("zhpress_variant")
        converted = site.convert(str(text), variant, "hant") if variant else str(text)
        return Markup(converted) if isinstance(text, Markup) else converted

    env.filters["zh"] = zh
    fragments.install(env)

    if "zhpress_remembered" not in env.globals:
        remembered: dict[tuple, Markup] = {}

        def remember(fn, *key):
            """fn(key[-1]), called once per `key` in this environment: for
            template output that depends on nothing but the key."""
            value = remembered.get(key)
            if value is None:
                value = remembered[key] = Markup(fn(key[-1]))
            return value

        env.globals["zhpress_remembered"] = remember

        def strings(fn, *key):
            """A function of one key: remember(fn, *key, k) for each key k
            (a page's interface strings without a macro call for each)."""
            return lambda name: remember(fn, *key, name)

        env.globals["zhpress_strings"] = strings
