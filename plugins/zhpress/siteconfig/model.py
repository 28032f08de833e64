"""What site_config/entities.yml and site_config/glossary.yml hold, once read.

An entry is an entity (a person, organisation, product, place or concept the
site writes about: it gets a page listing every mention) or a glossary term
(an abbreviation or a concept: readers get its definition where they read
it). Both have an id, a name, aliases and a text; they share one namespace of
ids and one of names, so a name in the text always means one entry.

Names are written as zh-Hant readers read them; aliases add any other form
in either script (and Latin forms). A name is found whatever script it is
written in: keys fold the script away. `not_in` lists longer words, in
either script, that hold a name without being about the entry (南京東路 for
京東): the name is neither marked nor converted as the entry's there.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

from ..text.convert import fold_to_simplified, fold_to_traditional, opencc_converter

# Section of entities.yml -> kind of its entries.
ENTITY_SECTIONS = {
    "people": "person",
    "organisations": "organisation",
    "products": "product",
    "places": "place",
    "concepts": "concept",
}
GLOSSARY_SECTIONS = {"terms": "term"}
ENTITY_KINDS = tuple(ENTITY_SECTIONS.values())
TERM = "term"


def normalise(text: str) -> str:
    """Runs of white space as one space, none at the ends."""
    return " ".join(str(text).split())


@lru_cache(maxsize=65536)
def canonical(text: str) -> str:
    """One key for a name in any script and case (Traditional fold)."""
    return fold_to_traditional(normalise(text)).casefold()


def clash_key(text: str) -> str:
    """The key two names must not share: they read the same to a reader of
    either script (Simplified fold: 鐘 and 鍾 are both 钟 there)."""
    return fold_to_simplified(normalise(text)).casefold()


def has_cjk(text: str) -> bool:
    return any(ord(ch) > 0x2E7F for ch in text)


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    kind: str  # person, organisation, product, place, concept; "term" for the glossary
    aliases: tuple[str, ...] = ()
    description: str = ""  # an entity's description, a term's definition
    expansion: str = ""  # terms: what an abbreviation stands for (Gross Merchandise Volume)
    related: tuple[str, ...] = ()  # ids of other entries, of either file
    not_in: tuple[str, ...] = ()  # longer words holding a name where it is not this entry (南京東路)
    source: str = ""  # the file as a contributor sees it: site_config/entities.yml
    line: int = 0  # where the entry starts in it

    @property
    def is_term(self) -> bool:
        return self.kind == TERM

    @property
    def definition(self) -> str:
        return self.description

    @property
    def forms(self) -> tuple[str, ...]:
        """Every surface form as written: the name, then the aliases."""
        return (self.name, *self.aliases)

    def phrase_pairs(self) -> list[tuple[str, str]]:
        """(Traditional, Simplified) for each form holding Chinese characters.
        See `entry_pairs`."""
        return list(entry_pairs(self))

    def phrase_overrides(self) -> list[tuple]:
        """The phrase overrides of the converter: each of `phrase_pairs`,
        with the `not_in` contexts (both scripts) that hold it when there
        are any: (Traditional, Simplified) or (Traditional, Simplified,
        contexts)."""
        contexts = sorted({form for context in self.not_in for form in context_forms(context)})
        overrides: list[tuple] = []
        for hant, hans in entry_pairs(self):
            holding = tuple(c for c in contexts if hant in c or hans in c)
            overrides.append((hant, hans, holding) if holding else (hant, hans))
        return overrides

    def name_in(self, script: str) -> str:
        """The name as readers of `script` ("hant" or "hans") read it."""
        if script != "hans" or not has_cjk(self.name):
            return self.name
        return entry_pairs(self)[0][1]


@lru_cache(maxsize=None)
def entry_pairs(entry: Entry) -> tuple[tuple[str, str], ...]:
    """(Traditional, Simplified) for each form of `entry` holding Chinese characters.

    The name is Traditional; so is every alias that Simplified folding
    changes. Each Traditional form is paired with its Simplified fold
    (the alias written so, if there is one). A Simplified
    alias no Traditional form accounts for is paired with OpenCC's
    Traditional form of it. Identical pairs are kept: they stop the
    converter from changing a name that is right as written (游明鑫)."""
    forms = [normalise(f) for f in entry.forms if has_cjk(f)]
    traditional = [f for i, f in enumerate(forms) if i == 0 or fold_to_simplified(f) != f]
    simplified = [f for f in forms[1:] if f not in traditional]
    pairs: list[tuple[str, str]] = []
    used: set[str] = set()
    for hant in traditional:
        hans = fold_to_simplified(hant)
        pairs.append((hant, hans))
        used.add(hans)
    for hans in simplified:
        if hans not in used:
            pairs.append((opencc_converter("s2tw").convert(hans), hans))
            used.add(hans)
    seen: set[tuple[str, str]] = set()
    return tuple(p for p in pairs if not (p in seen or seen.add(p)))


def context_forms(context: str) -> set[str]:
    """A `not_in` context as pages may show it: as written, and in the other
    script by the conversion made for each standard (and the Simplified fold
    that text mixing the scripts is read in)."""
    context = normalise(context)
    if not has_cjk(context):
        return {context}
    simplified = fold_to_simplified(context)
    configs = ("tw2s", "hk2s") if simplified != context else ("s2tw", "s2hk")
    return {context, simplified, *(opencc_converter(config).convert(context) for config in configs)}


# The previous name of an entity entry; bylines use Entity.name.
Entity = Entry


@dataclass
class Register:
    """Entries of one file (or of both), found by id or by any name."""

    entries: list[Entry] = field(default_factory=list)
    by_key: dict[str, Entry] = field(default_factory=dict)

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)
        for key in (entry.id, *entry.forms):
            self.by_key.setdefault(canonical(key), entry)

    def find(self, name_or_id: str) -> Entry | None:
        """The entry with this id or name, in either script and any case."""
        return self.by_key.get(canonical(str(name_or_id)))

    def get(self, entry_id: str) -> Entry | None:
        entry = self.by_key.get(canonical(entry_id))
        return entry if entry is not None and entry.id == entry_id else None

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)


class Entities(Register):
    """site_config/entities.yml."""


class Glossary(Register):
    """site_config/glossary.yml."""


@dataclass
class SiteConfig:
    entities: Entities = field(default_factory=Entities)
    glossary: Glossary = field(default_factory=Glossary)

    @property
    def entries(self) -> list[Entry]:
        return [*self.entities.entries, *self.glossary.entries]

    def get(self, entry_id: str) -> Entry | None:
        return self.entities.get(entry_id) or self.glossary.get(entry_id)

    def find(self, name_or_id: str) -> Entry | None:
        return self.entities.find(name_or_id) or self.glossary.find(name_or_id)

    def phrase_pairs(self) -> list[tuple]:
        """Every entry's phrase overrides (Entry.phrase_overrides), once each."""
        pairs: list[tuple] = []
        seen: set[tuple] = set()
        for entry in self.entries:
            for pair in entry.phrase_overrides():
                if pair not in seen:
                    seen.add(pair)
                    pairs.append(pair)
        return pairs

    def all_aliases(self) -> list[str]:
        forms: set[str] = set()
        for entry in self.entries:
            for form in entry.forms:
                if not has_cjk(form):
                    forms.add(normalise(form))
            for hant, hans in entry.phrase_pairs():
                forms.update((hant, hans))
        return sorted(forms)
