from mkdocs.config import base
from mkdocs.config import config_options as c


class ArticleConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # Folder of docs_dir that holds one article per Markdown file.
    articles_dir = c.Type(str, default="articles")
    # Articles per page on the home, archive and tag pages.
    per_page = c.Type(int, default=20)
    archive_dir = c.Type(str, default="archive")
    # People and organisations: a byline may name them by id or any alias.
    entities = c.Type(str, default="site_config/entities.yml")
    tags_dir = c.Type(str, default="tags")
    # Reading speed for the "約 8 分鐘 · 3,200 字" label.
    cjk_per_minute = c.Type(int, default=400)
    words_per_minute = c.Type(int, default=200)
    # Feeds (RSS 2.0, Atom, JSON Feed) per variant: newest N articles.
    feed_items = c.Type(int, default=50)
    feed_full_text = c.Type(bool, default=True)
    # Where a front matter time without a UTC offset was written (feeds,
    # share metadata): UTC, an offset such as +08:00, or a zone name such as
    # Asia/Taipei. A date without a time is its midnight there.
    timezone = c.Type(str, default="UTC")
