"""Site data that contributors edit in site_config/: loaded and checked here,
once, for every plugin that needs it.

- `load_site_config(entities=..., glossary=...)`: entities.yml and
  glossary.yml read and checked together (siteconfig.schema); a
  `SiteConfigError` lists every problem with its file and line.
- `phrase_pairs(project_dir)`: every name and alias as a (Traditional,
  Simplified) pair, for the converter's phrase overrides (with the entry's
  `not_in` contexts holding it as a third item, when it has any).
- `all_aliases(project_dir)`: every surface form in both scripts, for the
  search segmentation dictionary.
- `load_entities(path)` (siteconfig.entities): the entities, for bylines.

Files are read again only when they change (size or modification time), so
every plugin can ask for them.
"""
from __future__ import annotations

import os
from pathlib import Path

ENTITIES_FILE = "site_config/entities.yml"
GLOSSARY_FILE = "site_config/glossary.yml"


def project_dir(config) -> Path:
    """The folder of mkdocs.yml: site_config/ paths and shown file paths start here."""
    return Path(config.config_file_path or ".").parent


from .model import Entities, Entry, Glossary, SiteConfig, canonical  # noqa: E402
from .problems import Problem, SiteConfigError  # noqa: E402
from .schema import read_site_config  # noqa: E402

__all__ = [
    "ENTITIES_FILE", "GLOSSARY_FILE", "Entities", "Entry", "Glossary", "Problem", "SiteConfig",
    "SiteConfigError", "all_aliases", "canonical", "load_site_config", "phrase_pairs", "project_dir",
]

_cache: dict[tuple, SiteConfig] = {}


def _stamp(path: Path | None):
    if path is None:
        return None
    try:
        stat = os.stat(path)
    except OSError:
        return (str(path), None)
    return (str(Path(path).resolve()), stat.st_mtime_ns, stat.st_size)


def load_site_config(entities: Path | None = None, glossary: Path | None = None) -> SiteConfig:
    """entities.yml and glossary.yml (either may be None or missing), checked
    together. Raises SiteConfigError with every problem."""
    key = (_stamp(entities), _stamp(glossary))
    site = _cache.get(key)
    if site is None:
        site = read_site_config(entities, glossary)
        if len(_cache) > 8:
            _cache.clear()
        _cache[key] = site
    return site


def site_config_of(project: Path) -> SiteConfig:
    """The default files of a project: site_config/entities.yml and glossary.yml."""
    project = Path(project)
    return load_site_config(project / ENTITIES_FILE, project / GLOSSARY_FILE)


def phrase_pairs(project: Path) -> list[tuple]:
    """Every name and alias of entities and glossary terms holding Chinese
    characters, as (Traditional, Simplified), in file order, names first: as
    phrase overrides they keep the converter from changing a listed name.
    A pair some `not_in` contexts hold has them as a third item: the
    override does not fire there."""
    return site_config_of(project).phrase_pairs()


def all_aliases(project: Path) -> list[str]:
    """Every surface form of every entry, in both scripts (Latin forms as
    written), sorted: the words a search segmenter must keep whole."""
    return site_config_of(project).all_aliases()
