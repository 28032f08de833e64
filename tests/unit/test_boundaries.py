"""Plugins meet only through core and page metadata: no plugin imports
another plugin's package, and text/ and core/ import no plugin."""
from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "plugins" / "zhpress"
SHARED = {"core", "text", "siteconfig"}  # siteconfig: the site_config loader core uses
PLUGINS = sorted(
    p.name for p in PACKAGE.iterdir()
    if p.is_dir() and (p / "plugin.py").exists()
)


def imported_packages(module: Path, root: Path = PACKAGE) -> set[str]:
    """zhpress sub-packages a module imports, relative or absolute."""
    found = set()
    package = module.relative_to(root).parts[:-1]
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package[: len(package) - node.level + 1])
                parts = base + (node.module.split(".") if node.module else [])
                if not node.module:
                    parts += [alias.name for alias in node.names][:1]
            elif node.module and node.module.startswith("zhpress."):
                parts = node.module.split(".")[1:]
            else:
                continue
            if parts:
                found.add(parts[0])
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("zhpress."):
                    found.add(alias.name.split(".")[1])
    return found


def test_there_are_plugins_to_check():
    assert {"article", "variants", "typeset", "output"} <= set(PLUGINS)


def test_no_plugin_imports_another_plugin():
    offences = []
    for plugin in PLUGINS:
        for module in sorted((PACKAGE / plugin).rglob("*.py")):
            for imported in imported_packages(module) - SHARED - {plugin}:
                offences.append(f"{module.relative_to(REPO)} imports zhpress.{imported}")
    assert offences == []


def test_text_and_core_import_no_plugin():
    offences = []
    for shared in SHARED:
        for module in sorted((PACKAGE / shared).rglob("*.py")):
            for imported in imported_packages(module) & set(PLUGINS):
                offences.append(f"{module.relative_to(REPO)} imports zhpress.{imported}")
    assert offences == []


def test_text_layer_knows_no_mkdocs():
    for module in sorted((PACKAGE / "text").rglob("*.py")):
        source = module.read_text(encoding="utf-8")
        assert "import mkdocs" not in source and "from mkdocs" not in source, module


def test_the_checker_sees_a_cross_import(tmp_path):
    """The import reader itself: a relative import of a sibling plugin is found."""
    (tmp_path / "article").mkdir()
    fake = tmp_path / "article" / "probe.py"
    fake.write_text("from ..variants.plugin import VariantsPlugin\nfrom zhpress.search import x\n", encoding="utf-8")
    assert imported_packages(fake, tmp_path) == {"variants", "search"}


def test_the_importer_imports_no_plugin():
    """`zhpress import` shares the check's scanner and report form through
    text/ and core/, not by importing the check plugin."""
    offences = []
    for module in sorted((PACKAGE / "importer").rglob("*.py")):
        for imported in imported_packages(module) & set(PLUGINS):
            offences.append(f"{module.relative_to(REPO)} imports zhpress.{imported}")
    assert offences == []
