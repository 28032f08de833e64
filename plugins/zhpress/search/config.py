from mkdocs.config import base
from mkdocs.config import config_options as c

# Classes whose elements are not searched: permalinks, footnote marks, and
# what repeats other pages' text (the lists of articles of home, archive and
# tag pages, an entity's mentions) or changes with it (reading time).
DEFAULT_EXCLUDE_CLASSES = [
    "headerlink",
    "footnote-ref",
    "footnote-backref",
    "md-content__button",
    "zhpress-list",
    "zhpress-tagindex",
    "zhpress-mentions",
    "zhpress-byline__reading",
]


class SearchConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # Pages left out, as glob patterns of their URL inside the variant: by
    # default the second and later pages of a paginated list.
    exclude_pages = c.ListOfItems(c.Type(str), default=["page/[0-9]*", "*/page/[0-9]*"])
    # Folder of the index and the engine in the built site.
    dir = c.Type(str, default="search")
    # Elements with one of these classes (or Material's data-search-exclude
    # attribute) are left out of the index.
    exclude_classes = c.ListOfItems(c.Type(str), default=list(DEFAULT_EXCLUDE_CLASSES))
    # The fallback cuts queries with jieba's word list as well as the names,
    # aliases and terms of site_config/*.yml; false: site_config's only.
    jieba = c.Type(bool, default=True)
    # Folder scanned for names, aliases and terms, relative to mkdocs.yml.
    site_config = c.Type(str, default="site_config")
    # Sections per chunk of a frequent pair's postings: a query downloads
    # the chunks where all its pairs occur, and the first chunk's results
    # show while the others load. Smaller: less before the first result,
    # more files.
    chunk_sections = c.Type(int, default=2048)
    # Index in a second process while MkDocs renders pages; false: in the
    # build's own process.
    parallel = c.Type(bool, default=True)
