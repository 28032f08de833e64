from mkdocs.config import base
from mkdocs.config import config_options as c


class StylesConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # Each page carries, in a <style> of its own, the rules its markup can use
    # (no render-blocking request before the first paint); the stylesheets
    # themselves still load, without blocking, for what scripts add later
    # (search results, tooltips). Off: the theme's <link> tags as they are.
    inline_critical = c.Type(bool, default=True)
