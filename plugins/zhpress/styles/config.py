from mkdocs.config import base
from mkdocs.config import config_options as c


class StylesConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # Each page carries, in a <style> of its own, the rules its markup and the
    # site's scripts can use, instead of <link>s to the stylesheets (no
    # request before the first paint). Off: the theme's <link> tags as they are.
    inline_critical = c.Type(bool, default=True)
    # Finish written pages in a second process while MkDocs renders the next
    # ones; false: in the build's own process.
    parallel = c.Type(bool, default=True)
