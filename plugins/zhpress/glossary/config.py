from mkdocs.config import base
from mkdocs.config import config_options as c


class GlossaryConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # The site's entries, relative to mkdocs.yml (see site_config/*.yml).
    entities = c.Type(str, default="site_config/entities.yml")
    glossary = c.Type(str, default="site_config/glossary.yml")
    # Where the pages go: <glossary_dir>/ lists every term, <entities_dir>/
    # every entity, <entities_dir>/<id>/ one entity's mentions.
    glossary_dir = c.Type(str, default="glossary")
    entities_dir = c.Type(str, default="entities")
    # An entity page lists at most `per_page` articles and, past its first
    # article, about `paragraphs_per_page` quoted paragraphs (the paragraphs
    # of one article stay together).
    per_page = c.Type(int, default=50)
    paragraphs_per_page = c.Type(int, default=400)
    # Terms get their definition on first use per section.
    define_terms = c.Type(bool, default=True)
    # Entities link to their page on first mention per section.
    link_entities = c.Type(bool, default=True)
    # Characters of the sentence shown around each mention on entity pages.
    snippet_chars = c.Type(int, default=80)
    # Report parenthetical definitions and upper-case acronyms that have no
    # entry, at INFO level (never a warning: --strict builds pass).
    suggest = c.Type(bool, default=True)
