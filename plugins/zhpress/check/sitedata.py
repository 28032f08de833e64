"""site_config/ and the paths mkdocs.yml gives: every file, every key.

entities.yml and glossary.yml are checked by zhpress.siteconfig's own
schema (the loader every plugin uses); variants.yml (phrase overrides) here,
node by node, so each problem has its line.
"""
from __future__ import annotations

import difflib

import yaml

from ..core.problems import WARNING, Problem
from ..siteconfig import Entry, SiteConfig, SiteConfigError, load_site_config
from .project import ARTICLE, GLOSSARY, VARIANTS, Project

PHRASE_KEYS = ("hant", "hans", "not_in")
# (plugin, option) whose value is a file the plugin reads.
FILE_OPTIONS = ((ARTICLE, "entities"), (GLOSSARY, "entities"), (GLOSSARY, "glossary"), (VARIANTS, "overrides"))


def site_config(project: Project):
    """(SiteConfig, problems). With problems, the SiteConfig holds what could
    be read of the entries anyway, so bylines and acronyms are still checked
    in the same run."""
    try:
        return load_site_config(project.entities_file, project.glossary_file), []
    except SiteConfigError as error:
        return _lenient(project), [Problem(p.path, p.line, p.message, p.fix, column=1, code="site-config")
                                   for p in error.problems]


def _lenient(project: Project) -> SiteConfig:
    site = SiteConfig()
    for path, register, name_key in ((project.entities_file, site.entities, "name"),
                                      (project.glossary_file, site.glossary, "term")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) if path and path.is_file() else None
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        if not isinstance(data, dict):
            continue
        for entries in data.values():
            for entry in entries if isinstance(entries, list) else ():
                if not isinstance(entry, dict) or entry.get("id") is None:
                    continue
                aliases = entry.get("aliases") or entry.get("alias") or []
                aliases = aliases if isinstance(aliases, list) else [aliases]
                register.add(Entry(id=str(entry["id"]), name=str(entry.get(name_key) or entry["id"]), kind="",
                                   aliases=tuple(str(a) for a in aliases if a is not None)))
    return site


def config_problems(project: Project, config) -> list[Problem]:
    problems = _missing_files(project, config)
    problems += _variants_file(project)
    problems += _unread_files(project)
    return problems


def _missing_files(project: Project, config) -> list[Problem]:
    problems = []
    shown_config = project.shown(project.config_file)
    for plugin, option in FILE_OPTIONS:
        where = project.explicit_options.get((plugin, option))
        entry = config.plugins.get(plugin) if config.plugins else None
        if where is None or entry is None:
            continue
        value = entry.config.get(option)
        if value and not (project.root / value).is_file():
            line, column = (int(n) for n in where.split(":"))
            problems.append(Problem(shown_config, line, f"{plugin} option '{option}': '{value}' does not exist",
                                    "give the path of the file relative to mkdocs.yml, or delete the option "
                                    "to use the default", column=column, code="missing-file"))
    dirs = [project.docs_dir, *project.template_dirs]
    for option, value in project.extra_files:
        where = project.explicit_options.get((option, value))
        if where is None or "://" in value or value.startswith("//"):
            continue  # added by a plugin, which publishes it
        if not any((folder / value).is_file() for folder in dirs):
            line, column = (int(n) for n in where.split(":"))
            problems.append(Problem(shown_config, line, f"{option}: '{value}' is neither in "
                                    f"{project.shown(project.docs_dir)}/ nor in the theme",
                                    "give its path inside content/ or theme/", column=column, code="missing-file"))
    return problems


def _variants_file(project: Project) -> list[Problem]:
    path = project.variants_file
    if path is None or not path.is_file():
        return []
    shown = project.shown(path)
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except UnicodeDecodeError:
        return [Problem(shown, 1, "not UTF-8 text", "save the file as UTF-8", column=1, code="site-config")]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return [Problem(shown, mark.line + 1 if mark else 1, f"not valid YAML: {error.problem or error.context}",
                        "check the indentation and quoting of this line and the one before",
                        column=mark.column + 1 if mark else 1, code="site-config")]
    problems: list[Problem] = []

    def report(node, message, fix):
        problems.append(Problem(shown, node.start_mark.line + 1, message, fix, column=node.start_mark.column + 1,
                                code="site-config"))

    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode):
        report(root, "expected 'phrases:' at the top level", "write 'phrases:' and a list of {hant: ..., hans: ...}")
        return problems
    for key, value in root.value:
        if key.value != "phrases":
            close = difflib.get_close_matches(str(key.value), ["phrases"], n=1, cutoff=0.6)
            report(key, f"unknown key '{key.value}'", "did you mean 'phrases'?" if close else
                   "the file holds one key, 'phrases': a list of {hant: ..., hans: ...}")
            continue
        if isinstance(value, yaml.ScalarNode) and value.tag.endswith(":null"):
            continue
        if not isinstance(value, yaml.SequenceNode):
            report(value, "'phrases' must be a list", "write each phrase as '- {hant: 湯道生, hans: 汤道生}'")
            continue
        for number, item in enumerate(value.value, start=1):
            _phrase(item, number, report)
    return problems


def _phrase(item, number, report) -> None:
    fix = "write '- {hant: 湯道生, hans: 汤道生}'"
    if not isinstance(item, yaml.MappingNode):
        report(item, f"phrase #{number} must be a mapping with 'hant' and 'hans'", fix)
        return
    values = {}
    for key, value in item.value:
        name = str(key.value)
        if name not in PHRASE_KEYS:
            close = difflib.get_close_matches(name, PHRASE_KEYS, n=1, cutoff=0.5)
            report(key, f"phrase #{number}: unknown key '{name}'",
                   f"did you mean '{close[0]}'?" if close else "use hant, hans and not_in")
            continue
        values[name] = value
    for name in ("hant", "hans"):
        node = values.get(name)
        if node is None:
            report(item, f"phrase #{number} has no '{name}'", fix)
        elif not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
            report(node, f"phrase #{number}: '{name}' must be text", fix)
    not_in = values.get("not_in")
    if not_in is not None:
        items = not_in.value if isinstance(not_in, yaml.SequenceNode) else [not_in]
        forms = [str(values[n].value) for n in ("hant", "hans") if isinstance(values.get(n), yaml.ScalarNode)]
        for context in items:
            if not isinstance(context, yaml.ScalarNode) or not any(f and f in str(context.value) for f in forms):
                report(context, f"phrase #{number}: not_in entry '{getattr(context, 'value', '...')}' does not "
                                "contain the phrase", "list the longer words the phrase must not change inside")


def _unread_files(project: Project) -> list[Problem]:
    folder = project.root / "site_config"
    if not folder.is_dir():
        return []
    read = {p.resolve() for p in (project.entities_file, project.glossary_file, project.variants_file) if p}
    names = sorted(p.name for p in read if p.parent == folder.resolve() and p.is_file())
    problems = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in (".yml", ".yaml") or path.resolve() in read:
            continue
        close = difflib.get_close_matches(path.name, names, n=1, cutoff=0.75)
        problems.append(Problem(project.shown(path), 1, "no plugin reads this file",
                                f"did you mean {close[0]}?" if close else
                                f"the files read are: {', '.join(names) or 'none'}",
                                column=1, severity=WARNING, code="site-config"))
    return problems

