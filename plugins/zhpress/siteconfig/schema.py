"""The schema of site_config/entities.yml and site_config/glossary.yml.

    # entities.yml                         # glossary.yml
    people:                                terms:
      - id: tang-daosheng                    - id: gmv
        name: 湯道生                             term: GMV
        aliases: [汤道生, Dowson Tong]            expansion: Gross Merchandise Volume
        description: 騰訊高級執行副總裁……           definition: 平臺總交易量……
        related: [tencent, csig]                 related: [smart-retail]

Sections of entities.yml: people, organisations, products, places, concepts.
Every problem is reported with its file and line, all at once: an unknown
section or key, a missing id or name, an id that is not a URL slug, the same
id twice (in either file), a name or alias claimed by two entries (in either
script, in either file), an empty definition, a related id that names no
entry, a `not_in` context that holds none of the entry's names (or is one).
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path

import yaml

from .model import (ENTITY_SECTIONS, GLOSSARY_SECTIONS, Entities, Entry, Glossary, SiteConfig,
                    clash_key, has_cjk, normalise)
from .problems import Problem, SiteConfigError, compose, line_of, scalar, shown_path

ENTITY_KEYS = ("id", "name", "aliases", "description", "related", "not_in")
TERM_KEYS = ("id", "term", "aliases", "expansion", "definition", "related", "not_in")
_LIST_EXAMPLES = {"aliases": "[汤道生, Dowson Tong]", "related": "[tencent, wechat]",
                  "not_in": "[南京東路, 北京東路]"}
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class _File:
    """One file's entries and problems, read from its node tree."""

    def __init__(self, path: Path, sections: dict[str, str], keys: tuple[str, ...], name_key: str,
                 text_key: str, text_required: bool):
        self.path = path
        self.shown = shown_path(path)
        self.sections, self.keys = sections, keys
        self.name_key, self.text_key, self.text_required = name_key, text_key, text_required
        self.entries: list[tuple[Entry, dict[str, yaml.Node]]] = []
        self.problems: list[Problem] = []
        self._item_nodes: dict[tuple[str, str, str], yaml.Node] = {}  # (entry label, key, item) -> node

    def problem(self, node_or_line, message: str, fix: str) -> None:
        line = node_or_line if isinstance(node_or_line, int) else line_of(node_or_line)
        self.problems.append(Problem(self.shown, line, message, fix))

    def read(self) -> "_File":
        if not self.path.exists():
            return self
        try:
            root = compose(self.path, self.shown)
        except SiteConfigError as error:
            self.problems += error.problems
            return self
        if root is None:
            return self
        names = ", ".join(self.sections)
        if not isinstance(root, yaml.MappingNode):
            self.problem(root, "expected sections at the top level",
                         f"start the file with one of: {names} (a list of entries under each)")
            return self
        for key_node, value in self._mapping(root, "section"):
            section = scalar(key_node) or ""
            if section not in self.sections:
                self.problem(key_node, f"unknown section '{section}'", f"use one of {names}{_did_you_mean(section, self.sections)}")
                continue
            if isinstance(value, yaml.ScalarNode) and scalar(value) is None:
                continue
            if not isinstance(value, yaml.SequenceNode):
                self.problem(value, f"'{section}' must be a list of entries", f"write each entry as '- id: ...' under '{section}:'")
                continue
            for item in value.value:
                self._entry(self.sections[section], item)
        return self

    def _mapping(self, node: yaml.MappingNode, what: str):
        seen: dict[str, yaml.Node] = {}
        for key_node, value in node.value:
            key = scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if key is None:
                self.problem(key_node, f"a {what} name must be plain text", "write it as 'name:'")
                continue
            if key in seen:
                self.problem(key_node, f"'{key}' is given twice (first on line {line_of(seen[key])})",
                             "keep one of them")
                continue
            seen[key] = key_node
            yield key_node, value

    def _entry(self, kind: str, node: yaml.Node) -> None:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, "an entry must be a set of keys",
                         f"write it as '- id: ...' followed by '{self.name_key}: ...' on the next line")
            return
        values: dict[str, yaml.Node] = {}
        for key_node, value in self._mapping(node, "key"):
            key = scalar(key_node)
            if key not in self.keys:
                self.problem(key_node, f"unknown key '{key}'",
                             f"use only {', '.join(self.keys)}{_did_you_mean(key, self.keys)}")
                continue
            values[key] = value
        entry_id = self._text(values, "id", node)
        label = f"entry '{entry_id}'" if entry_id else "this entry"
        if not entry_id:
            self.problem(node, "the entry has no 'id'",
                         "add 'id:' with a short lower-case slug, e.g. id: tang-daosheng (it is the page address)")
        elif not ID.match(entry_id):
            self.problem(values["id"], f"id '{entry_id}' is not a slug",
                         "use lower-case Latin letters, digits and hyphens, e.g. tang-daosheng")
        name = self._text(values, self.name_key, node)
        if not name:
            self.problem(values.get(self.name_key, node), f"{label} has no '{self.name_key}'",
                         f"add '{self.name_key}:' with the name as zh-Hant readers write it")
        elif "<" in name or ">" in name:
            self.problem(values[self.name_key], f"the {self.name_key} of {label} holds '<' or '>'",
                         "write names as plain text, without markup")
        aliases = self._aliases(values.get("aliases"), label)
        text = self._text(values, self.text_key, node)
        if self.text_required and not text:
            self.problem(values.get(self.text_key, node), f"{label} has an empty {self.text_key}",
                         f"write '{self.text_key}:' with one or two sentences readers see where the term is used")
        elif self.text_key in values and not text:
            self.problem(values[self.text_key], f"{label} has an empty {self.text_key}",
                         f"write one short sentence, or remove '{self.text_key}:'")
        expansion = self._text(values, "expansion", node) if "expansion" in self.keys else ""
        if "expansion" in values and not expansion:
            self.problem(values["expansion"], f"{label} has an empty expansion",
                         "write what the abbreviation stands for, or remove 'expansion:'")
        related = self._list(values.get("related"), "related", label)
        not_in = self._contexts(values.get("not_in"), label, (name or "", *aliases))
        if entry_id and name:
            entry = Entry(id=entry_id, name=normalise(name), kind=kind, aliases=aliases,
                          description=(text or "").strip(), expansion=(expansion or "").strip(),
                          related=related, not_in=not_in, source=self.shown, line=line_of(node))
            self.entries.append((entry, values))

    def _text(self, values: dict[str, yaml.Node], key: str, entry: yaml.Node) -> str | None:
        node = values.get(key)
        if node is None:
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, f"'{key}' must be text", f"write '{key}:' followed by text on the same line")
            return None
        value = scalar(node)
        return value.strip() if value is not None else None

    def _list(self, node: yaml.Node | None, key: str, label: str) -> tuple[str, ...]:
        if node is None or (isinstance(node, yaml.ScalarNode) and scalar(node) is None):
            return ()
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"'{key}' of {label} must be a list",
                         f"write it in brackets, e.g. {key}: {_LIST_EXAMPLES[key]}")
            return ()
        items = []
        for item in node.value:
            value = scalar(item) if isinstance(item, yaml.ScalarNode) else None
            if value is None or not value.strip():
                self.problem(item, f"an item of '{key}' of {label} is empty or not text", "remove it or write the text")
                continue
            items.append((normalise(value), item))
        for value, item in items:
            self._item_nodes[(label, key, value)] = item
        return tuple(value for value, _ in items)

    def _aliases(self, node: yaml.Node | None, label: str) -> tuple[str, ...]:
        aliases = self._list(node, "aliases", label)
        for alias in aliases:
            if "<" in alias or ">" in alias:
                self.problem(self._item_nodes[(label, "aliases", alias)], f"alias '{alias}' of {label} holds '<' or '>'",
                             "write names as plain text, without markup")
        return tuple(a for a in aliases if "<" not in a and ">" not in a)

    def _contexts(self, node: yaml.Node | None, label: str, forms: tuple[str, ...]) -> tuple[str, ...]:
        """`not_in`: longer words each holding one of the entry's names, in
        either script."""
        contexts = self._list(node, "not_in", label)
        kept = []
        for context in contexts:
            item = self._item_nodes[(label, "not_in", context)]
            held = [form for form in forms if form and _holds(context, normalise(form))]
            if not held:
                self.problem(item, f"'{context}' in 'not_in' of {label} holds none of its names",
                             f"write the longer word the name is found in, e.g. 南京東路 for 京東 "
                             f"(names of {label}: {', '.join(f for f in forms if f)})")
            elif any(clash_key(context) == clash_key(form) for form in held):
                self.problem(item, f"'{context}' in 'not_in' of {label} is one of its names",
                             "write the longer word around the name where it must not be found, "
                             "or remove the name")
            else:
                kept.append(context)
        return tuple(kept)

    def item_line(self, entry: Entry, key: str, value: str) -> int:
        node = self._item_nodes.get((f"entry '{entry.id}'", key, value))
        return line_of(node) if node is not None else entry.line


def _holds(context: str, form: str) -> bool:
    """Whether `context` holds `form`: Latin as written, Chinese in either script."""
    if not has_cjk(form):
        return form in context
    return clash_key(form) in clash_key(context)


def _did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def read_site_config(entities_path: Path | None, glossary_path: Path | None) -> SiteConfig:
    """Both files read and checked together; SiteConfigError lists every problem."""
    files = []
    if entities_path is not None:
        files.append(_File(Path(entities_path), ENTITY_SECTIONS, ENTITY_KEYS, "name", "description", False).read())
    if glossary_path is not None:
        files.append(_File(Path(glossary_path), GLOSSARY_SECTIONS, TERM_KEYS, "term", "definition", True).read())
    problems = [p for f in files for p in f.problems]
    site = SiteConfig()
    ids: dict[str, Entry] = {}
    claims: dict[str, tuple[Entry, str]] = {}
    for file in files:
        register = site.glossary if file.sections is GLOSSARY_SECTIONS else site.entities
        for entry, values in file.entries:
            first = ids.get(entry.id)
            if first is not None:
                problems.append(Problem(file.shown, line_of(values["id"]),
                                        f"id '{entry.id}' is used twice (first at {first.source}:{first.line})",
                                        "give each entry its own id"))
                continue
            ids[entry.id] = entry
            clashed = False
            own: set[str] = set()
            for index, form in enumerate(entry.forms):
                key = clash_key(form)
                if key in own:
                    continue
                own.add(key)
                other = claims.get(key)
                if other is not None:
                    line = line_of(values[file.name_key]) if index == 0 else file.item_line(entry, "aliases", form)
                    other_entry, other_form = other
                    same = "" if other_form == form else f" ('{other_form}' reads the same in one script)"
                    problems.append(Problem(
                        file.shown, line,
                        f"'{form}' names both '{other_entry.id}' ({other_entry.source}:{other_entry.line}) "
                        f"and '{entry.id}'{same}",
                        "give each name to one entry only: remove it here or there",
                    ))
                    clashed = True
                else:
                    claims[key] = (entry, form)
            if not clashed:
                register.add(entry)
    for file in files:
        for entry, values in file.entries:
            for related in entry.related:
                if related not in ids:
                    problems.append(Problem(
                        file.shown, file.item_line(entry, "related", related),
                        f"'{related}' in 'related' of entry '{entry.id}' is no entry's id",
                        f"use the id of an entry of entities.yml or glossary.yml{_did_you_mean(related, ids)}",
                    ))
                elif related == entry.id:
                    problems.append(Problem(file.shown, file.item_line(entry, "related", related),
                                            f"entry '{entry.id}' lists itself as related", "remove it"))
    if problems:
        raise SiteConfigError(sorted(problems, key=lambda p: (p.path, p.line)))
    return site
