"""site_config/entities.yml: the people, organisations, products and places
the site writes about, each with its names in both scripts.

    people:
      - id: tang-daosheng
        name: 湯道生
        aliases: [汤道生, Dowson Tong]
        description: 騰訊雲與智慧產業事業群總裁

A name is found in either script: keys are compared in one canonical script.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..text.convert import default_converter

KINDS = ("people", "organisations", "products", "places")


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    description: str = ""


@dataclass
class Entities:
    by_key: dict[str, Entity] = field(default_factory=dict)

    def find(self, name_or_id: str) -> Entity | None:
        return self.by_key.get(canonical(name_or_id))

    def __len__(self) -> int:
        return len({e.id for e in self.by_key.values()})


def canonical(text: str) -> str:
    """One key for a name in any script and case."""
    return default_converter().to_traditional(str(text).strip()).casefold()


class EntitiesError(ValueError):
    pass


def load_entities(path: Path) -> Entities:
    """Entities of the YAML file at `path`; an empty set when there is no file."""
    if not path.exists():
        return Entities()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise EntitiesError(f"{path}: not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise EntitiesError(f"{path}: expected a mapping with the keys {', '.join(KINDS)}")
    entities = Entities()
    for kind, entries in data.items():
        if kind not in KINDS:
            raise EntitiesError(f"{path}: unknown section '{kind}'. Fix: use one of {', '.join(KINDS)}.")
        for number, entry in enumerate(entries or [], start=1):
            entity = _entity(path, kind, number, entry)
            for key in (entity.id, entity.name, *entity.aliases):
                other = entities.by_key.setdefault(canonical(key), entity)
                if other.id != entity.id:
                    raise EntitiesError(
                        f"{path}: '{key}' names both '{other.id}' and '{entity.id}'. "
                        "Fix: give each name to one entity only.")
    return entities


def _entity(path: Path, kind: str, number: int, entry) -> Entity:
    where = f"{path}: {kind} #{number}"
    if not isinstance(entry, dict) or not entry.get("id") or not entry.get("name"):
        raise EntitiesError(f"{where} needs at least an 'id' and a 'name' (got {entry!r})")
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list):
        raise EntitiesError(f"{where}: 'aliases' must be a list, e.g. aliases: [汤道生, Dowson Tong]")
    return Entity(id=str(entry["id"]), name=str(entry["name"]), kind=kind,
                  aliases=tuple(str(a) for a in aliases), description=str(entry.get("description") or ""))
