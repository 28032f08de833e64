from mkdocs.config import base
from mkdocs.config import config_options as c


class ArticleConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # Folder of docs_dir that holds one article per Markdown file.
    articles_dir = c.Type(str, default="articles")
    # Articles per page on the home, archive and tag pages.
    per_page = c.Type(int, default=20)
    archive_dir = c.Type(str, default="archive")
    tags_dir = c.Type(str, default="tags")
