"""Site data that contributors edit in site_config/: loaded and checked here,
used by every plugin that needs it."""
from __future__ import annotations

from pathlib import Path


def project_dir(config) -> Path:
    """The folder of mkdocs.yml: site_config/ paths and shown file paths start here."""
    return Path(config.config_file_path or ".").parent
