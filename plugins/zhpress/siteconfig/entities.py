"""site_config/entities.yml: the people, organisations, products, places and
concepts the site writes about, each with its names in both scripts.

    people:
      - id: tang-daosheng
        name: 湯道生
        aliases: [汤道生, Dowson Tong]
        description: 騰訊高級執行副總裁、雲與智慧產業事業群總裁

A name is found in either script: keys are compared in one canonical script.
The file is read with glossary.yml beside it (one namespace of ids and
names); see siteconfig.schema for every rule.
"""
from __future__ import annotations

from pathlib import Path

from . import load_site_config
from .model import Entities, Entity, canonical
from .problems import SiteConfigError

# Raised for any problem of the site_config files (every problem at once).
EntitiesError = SiteConfigError

__all__ = ["Entities", "EntitiesError", "Entity", "canonical", "load_entities"]


def load_entities(path: Path) -> Entities:
    """Entities of the YAML file at `path` (checked with the glossary.yml
    beside it); an empty set when there is no file."""
    path = Path(path)
    return load_site_config(entities=path, glossary=path.parent / "glossary.yml").entities
