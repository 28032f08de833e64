"""The declared pipeline: one named priority per step, used by every hook.

MkDocs runs the hooks of one event from the highest priority to the lowest;
plugins of equal priority run in mkdocs.yml order, so no two steps that
depend on each other share a priority. Read top to bottom, this is the order
in which a page is made.
"""

# on_config / on_files / on_page_markdown: read and validate front matter,
# choose templates, before any plugin rewrites metadata.
READ_METADATA = 150
# on_page_markdown / on_page_content: text into the reader's script; every
# later step sees the page as readers read it.
CONVERT_SCRIPT = 100
# on_page_content: CJK punctuation and quotes, on text in its final script.
TYPESET = 50
# on_page_content: glossary terms and entity links, on final, typeset text
# (aliases are matched in the script the reader sees).
MARK_TERMS = 25
# on_page_context: the page's variant, navigation and per-page config come
# first, so templates' context built later sees them.
PAGE_SETUP = 10
# on_page_context: context of one plugin's own templates.
PAGE_CONTEXT = 0
# on_page_content: measure and index the final HTML (reading length, search
# records): after conversion, typesetting and marking.
MEASURE = -50
# on_post_page: per-page config changes are undone after the page is written.
RESTORE_CONFIG = -90
# on_files: every file of docs_dir, generated pages included, is published
# once per variant; after other plugins have added theirs.
PUBLISH_COPIES = -100
# on_post_build: files derived from the pages (feeds, indexes) are written
# before the site-wide files that may list them (root page, sitemaps).
WRITE_DERIVED = -200
WRITE_SITE_FILES = -300
# on_config / on_post_build / on_build_error: staged output is set up after
# every plugin has read the real site_dir, and published last.
STAGE_OUTPUT = -1000
