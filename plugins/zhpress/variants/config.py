from mkdocs.config import base
from mkdocs.config import config_options as c


class VariantsConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # Script the Markdown sources are written in; either is repaired on output.
    source_script = c.Choice(("hant", "hans"), default="hant")
    # Traditional standard: "tw" (OpenCC s2tw, Taiwan characters) or "hk" (s2hk).
    traditional = c.Choice(("tw", "hk"), default="tw")
    # Variant the root page falls back to when the browser's language says nothing.
    default = c.Choice(("hant", "hans"), default="hant")
    # Phrase overrides: {phrases: [{hant: ..., hans: ...}]}, relative to mkdocs.yml.
    overrides = c.Type(str, default="site_config/variants.yml")
