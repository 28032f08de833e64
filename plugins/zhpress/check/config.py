from mkdocs.config import base
from mkdocs.config import config_options as c


class CheckConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # Build into a staging folder and put it in place only when the build
    # succeeds (and, in strict mode, logged no warning): a failed build leaves
    # the last good site untouched.
    safe_output = c.Type(bool, default=True)
