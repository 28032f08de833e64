"""The tree being checked: where things are, read once from the MkDocs config.

Other plugins' options are read by name from the config (as core.script
reads zhpress/variants'), never by importing them; their defaults stand when
a plugin is not listed.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import yaml

from ..core.options import plugin_enabled, plugin_option
from ..siteconfig import ENTITIES_FILE, GLOSSARY_FILE
from ..text.slug import slugify as default_slugify

ARTICLE, GLOSSARY, VARIANTS = "zhpress/article", "zhpress/glossary", "zhpress/variants"
DEFAULT_VARIANTS_FILE = "site_config/variants.yml"


@dataclass
class Project:
    root: Path  # folder of mkdocs.yml
    config_file: Path
    docs_dir: Path
    custom_dir: Path | None
    template_dirs: list[Path]
    articles_dir: str = "articles"
    generated_dirs: tuple[str, ...] = ()  # folders of docs whose pages plugins write
    entities_file: Path | None = None
    glossary_file: Path | None = None
    variants_file: Path | None = None
    slugify: Callable[[str], str] = default_slugify
    markdown_extensions: tuple[str, ...] = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
    use_directory_urls: bool = True
    extra_files: list[tuple[str, str]] = field(default_factory=list)  # (option, path) of extra_css/js
    explicit_options: dict[tuple[str, str], str] = field(default_factory=dict)  # set in mkdocs.yml

    @classmethod
    def of(cls, config) -> "Project":
        config_file = Path(config.config_file_path or "mkdocs.yml").resolve()
        root = config_file.parent
        custom_dir = config.theme.custom_dir
        article_dirs = [plugin_option(config, ARTICLE, key, default).strip("/")
                        for key, default in (("archive_dir", "archive"), ("tags_dir", "tags"))]
        generated = list(article_dirs) if plugin_enabled(config, ARTICLE) else []
        if plugin_enabled(config, GLOSSARY):
            generated += [plugin_option(config, GLOSSARY, key, default).strip("/")
                          for key, default in (("glossary_dir", "glossary"), ("entities_dir", "entities"))]
        toc = (config.mdx_configs or {}).get("toc", {})
        entities = plugin_option(config, GLOSSARY, "entities", None) or plugin_option(
            config, ARTICLE, "entities", ENTITIES_FILE)
        glossary = plugin_option(config, GLOSSARY, "glossary", GLOSSARY_FILE)
        variants = plugin_option(config, VARIANTS, "overrides", DEFAULT_VARIANTS_FILE)
        extra = [("extra_css", str(p)) for p in config.extra_css] + [
            ("extra_javascript", str(p)) for p in config.extra_javascript]
        return cls(
            root=root,
            config_file=config_file,
            docs_dir=Path(config.docs_dir).resolve(),
            custom_dir=Path(custom_dir).resolve() if custom_dir else None,
            template_dirs=_template_dirs(config),
            articles_dir=plugin_option(config, ARTICLE, "articles_dir", "articles").strip("/"),
            generated_dirs=tuple(d for d in generated if d),
            entities_file=root / entities,
            glossary_file=root / glossary,
            variants_file=root / variants,
            slugify=toc.get("slugify") or default_slugify,
            use_directory_urls=config.use_directory_urls,
            extra_files=extra,
            explicit_options=explicit_options(config_file),
        )

    def shown(self, path: str | os.PathLike) -> str:
        """`path` as a contributor opens it from the project folder."""
        absolute = Path(os.path.abspath(path))
        try:
            return absolute.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


def _template_dirs(config) -> list[Path]:
    """The theme's folders, and the templates/ folder every plugin ships beside
    its module (added to the theme in on_config, which a check run may precede)."""
    dirs = [Path(d) for d in config.theme.dirs]
    for _, plugin in (config.plugins.items() if config.plugins else []):
        module = sys.modules.get(type(plugin).__module__)
        if module is not None and getattr(module, "__file__", None):
            folder = Path(module.__file__).parent / "templates"
            if folder.is_dir() and folder not in dirs:
                dirs.append(folder)
    return dirs


def explicit_options(config_file: Path) -> dict[tuple[str, str], str]:
    """(plugin or top-level key, option) -> "line:column" where mkdocs.yml sets it."""
    found: dict[tuple[str, str], str] = {}
    try:
        root = yaml.compose(config_file.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return found
    if not isinstance(root, yaml.MappingNode):
        return found
    for key, value in root.value:
        where = f"{key.start_mark.line + 1}:{key.start_mark.column + 1}"
        found[("", str(key.value))] = where
        if key.value in ("extra_css", "extra_javascript") and isinstance(value, yaml.SequenceNode):
            for item in value.value:
                if isinstance(item, yaml.ScalarNode):
                    found[(str(key.value), str(item.value))] = f"{item.start_mark.line + 1}:{item.start_mark.column + 1}"
        if key.value != "plugins" or not isinstance(value, yaml.SequenceNode):
            continue
        for item in value.value:
            if isinstance(item, yaml.ScalarNode):
                found[(str(item.value), "")] = f"{item.start_mark.line + 1}:{item.start_mark.column + 1}"
            elif isinstance(item, yaml.MappingNode) and item.value:
                name_node, options = item.value[0]
                found[(str(name_node.value), "")] = f"{name_node.start_mark.line + 1}:{name_node.start_mark.column + 1}"
                if isinstance(options, yaml.MappingNode):
                    for option, _ in options.value:
                        found[(str(name_node.value), str(option.value))] = (
                            f"{option.start_mark.line + 1}:{option.start_mark.column + 1}")
    return found
