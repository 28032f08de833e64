from mkdocs.config import base
from mkdocs.config import config_options as c


class VariantsConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # Script the Markdown sources are written in; each is published as written.
    source_script = c.Choice(("hant", "hans"), default="hant")
    # Traditional sources came through a mechanical Simplified-to-Traditional
    # conversion (an archive imported wholesale): repair them through
    # Simplified. An article's `mechanical_conversion:` front matter wins.
    mechanical_conversion = c.Type(bool, default=False)
    # Traditional standard: "tw" (Taiwan: OpenCC tw2s / s2tw) or "hk" (hk2s / s2hk).
    traditional = c.Choice(("tw", "hk"), default="tw")
    # Variant the root page falls back to when the browser's language says nothing.
    default = c.Choice(("hant", "hans"), default="hant")
    # Phrase overrides: {phrases: [{hant: ..., hans: ...}]}, relative to mkdocs.yml.
    overrides = c.Type(str, default="site_config/variants.yml")
    # Build the second script's pages in a second process, beside the first
    # one's (`mkdocs build` on two or more cores, when every plugin is
    # zhpress's own); false: every page in one process. The site is the same.
    parallel = c.Type(bool, default=True)
