"""MkDocs' own link and anchor messages, about the file a contributor edits.

MkDocs validates links in the pages it renders, which are the variant
copies: its messages name `zh-hant/articles/x.md` and targets such as
`zh-hant/articles/missing.md`. This filter, on the loggers of MkDocs' and
ProperDocs' page module, names the source instead (`content/articles/x.md`,
`articles/missing.md`). zhpress/check has checked the links of the sources
already; what MkDocs still reports is mostly links into generated pages.
"""
from __future__ import annotations

import logging
import re

from ..core.variants import VARIANTS

LOGGERS = ("mkdocs.structure.pages", "properdocs.structure.pages")
_DOC_FILE = re.compile(r"Doc file '(?:" + "|".join(re.escape(v.prefix) for v in VARIANTS) + r")/([^']*)'")
_COPY = re.compile(r"'(?:" + "|".join(re.escape(v.prefix) for v in VARIANTS) + r")/([^']*)'")


class SourcePaths(logging.Filter):
    def __init__(self):
        super().__init__()
        self.docs = "docs"  # docs_dir as shown from the project folder

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "Doc file '" in message and _COPY.search(message):
            message = _DOC_FILE.sub(lambda m: f"Doc file '{self.docs}/{m.group(1)}'", message)
            record.msg, record.args = _COPY.sub(r"'\1'", message), ()
        return True


FILTER = SourcePaths()


def name_sources(docs_shown: str) -> None:
    """Installs the filter (once per process) for a build whose docs_dir is `docs_shown`."""
    FILTER.docs = docs_shown
    for name in LOGGERS:
        logging.getLogger(name).addFilter(FILTER)
