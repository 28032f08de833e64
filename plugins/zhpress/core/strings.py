"""zhpress's interface strings for Python: the same ones templates show,
read from the theme's partials/languages/zhpress.html (in Traditional; convert
with core.script.in_script)."""
from __future__ import annotations

from typing import Callable

STRINGS_PARTIAL = "partials/languages/zhpress.html"


def ui_strings(config) -> Callable[[str], str]:
    """t(key) -> the Traditional string of `key` ("zhpress.archive" -> "文章")."""
    module = config.theme.get_env().get_template(STRINGS_PARTIAL).module

    def t(key: str) -> str:
        return str(module.t(key)).strip()

    return t
