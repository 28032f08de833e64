from mkdocs.config import base
from mkdocs.config import config_options as c


class CheckConfig(base.Config):
    # Check the tree before the build reads it: every problem in one run.
    # Off, files from outside content/ and the theme are still refused,
    # templates still escape, and raw_html still applies.
    enabled = c.Type(bool, default=True)
    # Promote or demote a check: {punctuation: error, acronym: off}. Checks
    # are listed by `zhpress check --list`; levels: error, warning,
    # suggestion, off.
    severity = c.Type(dict, default={})
    # What stops the build (and makes `zhpress check` exit 1): errors, or
    # warnings too.
    fail_on = c.Choice(("error", "warning"), default="error")
    # Raw HTML in Markdown bodies: `allow` (as Markdown allows it) or `safe`
    # (sanitised: no scripts, event handlers, javascript: URLs, frames,
    # forms or styles; for sites that take contributions from strangers).
    raw_html = c.Choice(("allow", "safe"), default="allow")
    # Warnings and suggestions listed one by one in a build's log (the rest
    # are counted; `zhpress check` lists them all).
    listed = c.Type(int, default=20)
