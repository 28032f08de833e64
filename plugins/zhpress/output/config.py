from mkdocs.config import base
from mkdocs.config import config_options as c


class OutputConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # Build into a staging folder and put it in place only when the build
    # succeeds (and, in strict mode, logged no warning): a failed build leaves
    # the last good site untouched (under `serve` too, but for --dirtyreload).
    staged = c.Type(bool, default=True)
