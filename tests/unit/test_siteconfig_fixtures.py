"""The bad site_config files of tests/fixtures/glossary/: each one's problems
are reported at the file and line its `# expect:` lines give."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO
from zhpress.siteconfig import SiteConfigError, site_config_of

FIXTURES = REPO / "tests" / "fixtures" / "glossary"
EXPECT = re.compile(r"^# expect: (\S+?:\d+): (.*)$", re.M)


def install_fixture(fixture: Path, root: Path) -> Path:
    """A project folder with the real site_config, one file replaced by `fixture`."""
    (root / "site_config").mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    for name in ("entities.yml", "glossary.yml"):
        shutil.copy(REPO / "site_config" / name, root / "site_config" / name)
    kind = fixture.name.split(".")[-2]  # x.glossary.yml -> glossary
    shutil.copy(fixture, root / "site_config" / f"{kind}.yml")
    return root


def expectations(fixture: Path) -> list[tuple[str, str]]:
    return EXPECT.findall(fixture.read_text(encoding="utf-8"))


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("*.yml")), ids=lambda p: p.stem)
def test_each_bad_file_is_reported_at_its_line(tmp_path, fixture):
    root = install_fixture(fixture, tmp_path)
    expected = expectations(fixture)
    assert expected, f"{fixture.name} has no '# expect:' line"
    with pytest.raises(SiteConfigError) as raised:
        site_config_of(root)
    problems = [str(p) for p in raised.value.problems]
    for where, fragment in expected:
        assert any(p.startswith(where + ": ") and fragment in p for p in problems), (where, fragment, problems)
