"""Names in page context and template globals that templates may rely on.

Each is set by the plugin named beside it, and only while it is enabled:
templates test `is defined` before use.
"""

VARIANT = "zhpress_variant"  # zhpress/variants: the page's Variant, None outside the variants
DEFAULT_VARIANT = "zhpress_default_variant"  # zhpress/variants: the variant of pages outside the variants
FEEDS = "zhpress_feeds"  # zhpress/article: core.published.FEEDS, when feeds are written
SHARE = "zhpress_share"  # zhpress/article: <meta> tags for sharing, as Markup
LISTING = "zhpress_listing"  # zhpress/article: the list page being rendered
TAG_LINKS = "zhpress_tag_links"  # zhpress/article: (tag, page) pairs of an article
COVER = "zhpress_cover"  # zhpress/article: the article's cover image File
