"""zhpress check and the zhpress/check plugin: every problem of a tree in one
run, each at its file, line and column, with the exact message in
tests/fixtures/check/expected.txt; the build stops on the same problems and
publishes nothing."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, copy_project

FIXTURE = REPO / "tests" / "fixtures" / "check"
ZHPRESS = Path(sys.executable).parent / "zhpress"  # the console script pyproject.toml installs
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
# Files of the fixture with nothing wrong: they are what the others link to or clash with.
GOOD = {"content/index.md", "content/articles/good.md", "site_config/glossary.yml", "mkdocs.yml"}
# Halves of a pair whose problem is reported at the other half, naming this one.
PAIRED = {"content/articles/collide.md", "content/articles/duplicate-title.md"}


def bad_tree(dest: Path) -> Path:
    """The fixture tree, with the theme of the repository and a symbolic link
    to a file outside the project (made here: git keeps no such link)."""
    project = dest / "project"
    shutil.copytree(FIXTURE / "project", project)
    shutil.copytree(REPO / "theme", project / "theme")
    outside = dest / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("---\ntitle: 外面\n---\n\n秘密。\n", encoding="utf-8")
    (project / "content" / "articles" / "leak.md").symlink_to(Path("../../../outside/secret.md"))
    return project


def expected_lines(project: Path) -> list[str]:
    text = (FIXTURE / "expected.txt").read_text(encoding="utf-8")
    return text.replace("{outside}", str(project.parent / "outside")).splitlines()


def zhpress(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(ZHPRESS), *args], cwd=cwd, capture_output=True, text=True, env=ENV)


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    return bad_tree(tmp_path_factory.mktemp("bad"))


def test_the_fixture_holds_at_least_30_distinct_bad_inputs(tree):
    lines = expected_lines(tree)
    assert len(lines) >= 30
    assert len({line.split(": ", 1)[1] for line in lines}) >= 30  # distinct messages, not one repeated


def test_zhpress_check_finds_every_bad_input_in_one_run(tree):
    result = zhpress("check", cwd=tree)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == expected_lines(tree)
    assert "zhpress check: 32 errors, 8 warnings, 2 suggestions in 37 files" in result.stderr


def test_every_bad_file_has_its_message(tree):
    """Each bad input is a file (or a line of one) of the fixture: none goes unreported."""
    reported = {line.split(":", 1)[0] for line in expected_lines(tree)}
    files = {p.relative_to(tree).as_posix() for p in tree.rglob("*")
             if p.is_file() or p.is_symlink()} - GOOD
    files = {f for f in files if not f.startswith("theme/")}
    assert files - reported == PAIRED
    text = "\n".join(expected_lines(tree))
    assert all(f"of {name}" in text or f"as {name}" in text for name in PAIRED)


def test_json_parses_and_says_the_same(tree):
    result = zhpress("check", str(tree), "--format", "json", cwd=tree.parent)
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert [p["text"] for p in data["problems"]] == expected_lines(tree)
    assert data["counts"] == {"error": 32, "warning": 8, "suggestion": 2}
    first = data["problems"][0]
    assert set(first) == {"path", "line", "column", "severity", "check", "message", "fix", "text"}
    assert all(p["path"] and p["line"] >= 1 and p["column"] >= 1 for p in data["problems"])


@pytest.mark.parametrize("tool", ["mkdocs", "properdocs"])
def test_the_build_stops_on_the_same_problems_and_publishes_nothing(tmp_path, tool):
    project = bad_tree(tmp_path)
    result = subprocess.run([sys.executable, "-m", tool, "build", "--strict", "-f", "mkdocs.yml"], cwd=project,
                            capture_output=True, text=True, env=ENV)
    assert result.returncode != 0
    log = result.stderr + result.stdout
    errors = [line for line in expected_lines(project) if ": warning: " not in line and ": suggestion: " not in line]
    for line in errors:
        assert f"ERROR   -  {line}" in log, line
    assert "zhpress/check: 32 problem(s) stop the build" in log
    assert "Traceback" not in log
    assert not (project / "site").exists() and not (project / ".site.building").exists()


def test_the_real_site_has_no_error(tmp_path):
    project = copy_project(tmp_path / "project")
    result = zhpress("check", "--format", "json", cwd=project)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    data = json.loads(result.stdout)
    assert data["counts"]["error"] == 0
    # The seed keeps its half-width punctuation (the build sets it): warnings, with their places.
    assert data["counts"]["warning"] > 100
    assert {p["check"] for p in data["problems"] if p["severity"] == "warning"} == {"punctuation"}


def _overlay(project: Path, options: str) -> None:
    path = project / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    assert "  - zhpress/check\n" in text
    path.write_text(text.replace("  - zhpress/check\n", f"  - zhpress/check:\n{options}"), encoding="utf-8")


def test_warnings_can_be_promoted_to_errors_in_mkdocs_yml(tmp_path):
    project = copy_project(tmp_path / "project")
    _overlay(project, "      severity:\n        punctuation: error\n")
    result = zhpress("check", cwd=project)
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith("content/articles/tang-daosheng-csig-first-year.md:") and ": warning:" not in first
    assert "half-width ',' in Chinese text. Fix: write '，'." in first


def test_strict_and_fail_on_make_warnings_fail(tmp_path):
    project = copy_project(tmp_path / "project")
    assert zhpress("check", "--strict", cwd=project).returncode == 1
    _overlay(project, "      fail_on: warning\n")
    assert zhpress("check", cwd=project).returncode == 1


def test_an_unknown_check_in_severity_is_named(tmp_path):
    project = copy_project(tmp_path / "project")
    _overlay(project, "      severity:\n        punctation: error\n")
    result = zhpress("check", cwd=project)
    assert result.returncode == 2
    assert "'severity' names no check 'punctation'. Fix: did you mean 'punctuation'?" in result.stderr


def test_list_names_every_check():
    result = zhpress("check", "--list", cwd=REPO)
    assert result.returncode == 0
    for code in ("front-matter", "link", "anchor", "symlink", "encoding", "punctuation", "acronym"):
        assert code in result.stdout


def test_mkdocs_yml_options_and_the_files_they_name_are_checked(tmp_path):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("  - zhpress/typeset\n", "  - zhpress/typeset:\n      punctuaton: true\n", 1)
    text = text.replace("  - zhpress/variants\n", "  - zhpress/variants:\n      overrides: site_config/variant.yml\n", 1)
    config.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    typo = next(i for i, line in enumerate(lines, 1) if "punctuaton" in line)
    path = next(i for i, line in enumerate(lines, 1) if "variant.yml" in line)
    result = zhpress("check", cwd=project)
    assert result.returncode == 1
    found = [line for line in result.stdout.splitlines() if ": warning: half-width" not in line]
    assert found == [
        f"mkdocs.yml:{typo}:7: Config value 'plugins': Plugin 'zhpress/typeset' option 'punctuaton': "
        "Unrecognised configuration name: punctuaton. Fix: did you mean 'punctuation'?",
        f"mkdocs.yml:{path}:7: zhpress/variants option 'overrides': 'site_config/variant.yml' does not exist. "
        "Fix: give the path of the file relative to mkdocs.yml, or delete the option to use the default.",
        "site_config/variants.yml:1:1: warning: no plugin reads this file. Fix: the files read are: "
        "entities.yml, glossary.yml.",
    ]


def test_a_link_out_of_the_project_is_refused_even_with_the_checks_off(tmp_path):
    project = copy_project(tmp_path / "project")
    _overlay(project, "      enabled: false\n")
    (tmp_path / "secret.md").write_text("---\ntitle: 秘密\n---\n\n不該發布。\n", encoding="utf-8")
    (project / "content" / "articles" / "leak.md").symlink_to(tmp_path / "secret.md")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                            capture_output=True, text=True, env=ENV)
    assert result.returncode != 0
    assert (f"content/articles/leak.md:1:1: symbolic link to {tmp_path / 'secret.md'}, outside the project: "
            "it would be published.") in result.stderr
    assert not (project / "site").exists()


def test_a_link_out_of_the_project_in_the_theme_folder_is_refused(tmp_path):
    # The theme's custom_dir is checked like content/: a linked stylesheet
    # would be published too.
    project = copy_project(tmp_path / "project")
    (tmp_path / "secret.css").write_text("body { color: red }\n", encoding="utf-8")
    (project / "theme" / "assets" / "leak.css").symlink_to(tmp_path / "secret.css")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                            capture_output=True, text=True, env=ENV)
    assert result.returncode != 0
    assert (f"theme/assets/leak.css:1:1: symbolic link to {tmp_path / 'secret.css'}, outside the project: "
            "it would be published.") in result.stderr
    assert not (project / "site").exists()
