"""Per-page changes of the MkDocs config, made in one place and undone.

Material reads some values straight from the config while it renders a page
(`config.site_name` in the header and <title>, `config.extra.alternate` for
hreflang links and the script switch). A plugin that needs them per page sets
them here in on_page_context and restores them in on_post_page and
on_build_error, so no later page, no later plugin and no later build (under
`mkdocs serve`) sees another page's values.
"""
from __future__ import annotations

_MISSING = object()


class PerPageConfig:
    def __init__(self):
        self._saved: list[tuple[object, str, object]] = []

    def set(self, mapping, key: str, value) -> None:
        """mapping[key] = value until restore(); `mapping` is the config or
        one of its sub-mappings (config.extra)."""
        if not any(m is mapping and k == key for m, k, _ in self._saved):
            self._saved.append((mapping, key, mapping.get(key, _MISSING)))
        mapping[key] = value

    def restore(self) -> None:
        for mapping, key, value in reversed(self._saved):
            if value is _MISSING:
                mapping.pop(key, None)
            else:
                mapping[key] = value
        self._saved.clear()
