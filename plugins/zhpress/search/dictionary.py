"""Words for the fallback: a query with no exact match is cut into words.

The dictionary is jieba's word list (its dict.txt, read as data: jieba's
segmenter is never run) plus every name, alias and term of site_config/*.yml,
read tolerantly: any mapping key that names names (name, aliases, term, hant,
hans ...) counts, whatever file and shape it is in, so the glossary's and
entities' files both feed it without this plugin depending on their loaders.
Words are normalised like everything else search compares, and weighted by
frequency (log2); site_config's words outweigh all of jieba's. A name of
several Latin words (Dowson Tong) cuts nothing: queries are cut at spaces
before any word is looked for.
"""
from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
from functools import lru_cache
from pathlib import Path

import yaml

from ..text.normalize import SEPARATOR, normalize_text

log = logging.getLogger("mkdocs.plugins.zhpress.search")

NAME_KEYS = frozenset({
    "name", "names", "alias", "aliases", "term", "terms", "hant", "hans", "title", "abbr",
    "abbreviation", "full", "short",
})
MIN_FREQUENCY = 3  # jieba lists many one-off entries; below this they only mislead cuts
SITE_WEIGHT = 24  # above any jieba word (log2 of its largest frequency is about 20)
MAX_WORD = 16


def jieba_dict_path() -> Path | None:
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "dict.txt"
    return path if path.exists() else None


CACHE_VERSION = 2  # bump when normalisation or weighting changes


def _cache_file(path: Path) -> Path | None:
    """Where the normalised word list is kept between builds (as jieba keeps
    its own parsed dictionary): the user's cache folder, keyed by the word
    list and the normaliser."""
    try:
        import opencc

        stat = path.stat()
        key = f"{CACHE_VERSION}|{path}|{stat.st_size}|{stat.st_mtime_ns}|{getattr(opencc, '__version__', '')}"
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "zhpress"
        return base / f"words-{hashlib.sha1(key.encode()).hexdigest()[:16]}.txt"
    except OSError:
        return None


def _parse_jieba(path: Path) -> dict[str, int]:
    """jieba's dict.txt ("word frequency tag" lines), normalised and weighted."""
    words, frequencies = [], []
    for line in path.read_text(encoding="utf-8").split("\n"):
        parts = line.split(" ", 2)
        if len(parts) >= 2 and parts[1].isdigit() and int(parts[1]) >= MIN_FREQUENCY:
            words.append(parts[0])
            frequencies.append(int(parts[1]))
    found: dict[str, int] = {}
    top = SITE_WEIGHT - 1
    for word, frequency in zip(map(normalize_text, words), frequencies):
        if 2 <= len(word) <= MAX_WORD and SEPARATOR not in word:
            weight = min(top, frequency.bit_length() - 1)
            if weight > found.get(word, -1):
                found[word] = weight
    return found


@lru_cache(maxsize=2)
def _jieba_words(path: str, mtime: float) -> dict[str, int]:
    source = Path(path)
    cache = _cache_file(source)
    if cache is not None and cache.exists():
        try:
            found = {}
            for line in cache.read_text(encoding="utf-8").split("\n"):
                word, _, weight = line.partition("\t")
                if weight:
                    found[word] = int(weight)
            return found
        except (OSError, ValueError):
            pass
    found = _parse_jieba(source)
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            temporary = cache.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text("\n".join(f"{w}\t{n}" for w, n in found.items()), encoding="utf-8")
            os.replace(temporary, cache)
        except OSError:
            pass
    return found


def jieba_words() -> dict[str, int]:
    path = jieba_dict_path()
    if path is None:
        log.warning("zhpress/search: jieba's word list is not installed; the fallback "
                    "cuts queries with site_config's names only. Fix: pip install jieba")
        return {}
    return dict(_jieba_words(str(path), os.path.getmtime(path)))


def _names(value, key: str | None, found: list[str]) -> None:
    if isinstance(value, dict):
        for child_key, child in value.items():
            _names(child, str(child_key).lower(), found)
    elif isinstance(value, list):
        for item in value:
            _names(item, key, found)
    elif isinstance(value, str) and key in NAME_KEYS:
        found.append(value)


def site_config_words(folder: Path) -> list[str]:
    """Every name, alias and term string in folder/*.yml (unreadable files skipped)."""
    found: list[str] = []
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.y*ml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            log.debug("zhpress/search: skipping %s: %s", path, error)
            continue
        _names(data, None, found)
    return found


def build_dictionary(site_config: Path | None, use_jieba: bool = True) -> dict[str, int]:
    """Normalised word -> weight."""
    words = jieba_words() if use_jieba else {}
    for name in site_config_words(site_config) if site_config else []:
        word = normalize_text(name)
        if 2 <= len(word) <= MAX_WORD * 2 and SEPARATOR not in word:
            words[word] = SITE_WEIGHT
    return words
