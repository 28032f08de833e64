"""The build configurations bench/search.py builds, beside the repo's own.

- ours without search: the repo's mkdocs.yml through `INHERIT`, with its
  plugin list minus every search plugin (MkDocs replaces lists when it
  merges an inherited configuration). Tags such as !ENV or
  !!python/name:... in plugin options are written back as they were.
- stock Material: bench/build.py's configuration (language zh, search with
  lang zh and jieba, no nav: every page carries the whole navigation), with
  or without its search plugin; above --stock-full-nav-max articles the nav
  holds only the home page, because the full navigation makes the build
  quadratic (about 6 minutes at 4,000 articles, 40 at 10,000).
"""

from __future__ import annotations

from pathlib import Path

import yaml

SEARCH_PLUGINS = {"search", "material/search", "zhpress/search"}


class Tagged:
    def __init__(self, tag: str, value, kind: str):
        self.tag, self.value, self.kind = tag, value, kind


class _Loader(yaml.SafeLoader):
    pass


def _tagged(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return Tagged(node.tag, loader.construct_scalar(node), "scalar")
    if isinstance(node, yaml.SequenceNode):
        return Tagged(node.tag, loader.construct_sequence(node, deep=True), "sequence")
    return Tagged(node.tag, loader.construct_mapping(node, deep=True), "mapping")


_Loader.add_multi_constructor("!", _tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)


class _Dumper(yaml.SafeDumper):
    pass


def _represent(dumper, data: Tagged):
    if data.kind == "scalar":
        return dumper.represent_scalar(data.tag, data.value)
    if data.kind == "sequence":
        return dumper.represent_sequence(data.tag, data.value)
    return dumper.represent_mapping(data.tag, data.value)


_Dumper.add_representer(Tagged, _represent)


def plugin_name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def search_plugins(config_path: Path) -> list[str]:
    with open(config_path, encoding="utf-8") as f:
        plugins = (yaml.load(f, Loader=_Loader) or {}).get("plugins") or []
    return [plugin_name(p) for p in plugins if plugin_name(p) in SEARCH_PLUGINS]


def write_ours_nosearch(project: Path, name: str = "mkdocs-nosearch.yml") -> Path:
    with open(project / "mkdocs.yml", encoding="utf-8") as f:
        config = yaml.load(f, Loader=_Loader) or {}
    plugins = [p for p in config.get("plugins") or [] if plugin_name(p) not in SEARCH_PLUGINS]
    text = yaml.dump({"INHERIT": "mkdocs.yml", "plugins": plugins}, Dumper=_Dumper,
                     allow_unicode=True, sort_keys=False)
    path = project / name
    path.write_text(text, encoding="utf-8")
    return path


def write_stock(project: Path, extensions: list, search: bool, full_nav: bool, name: str) -> Path:
    config = {
        "site_name": "zhpress bench (stock Material)",
        "docs_dir": "content",
        "theme": {"name": "material", "language": "zh"},
        "plugins": [{"search": {"lang": "zh"}}] if search else [],
        "markdown_extensions": extensions,
    }
    if not full_nav:
        config["nav"] = [{"首頁": "index.md"}]
    path = project / name
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
