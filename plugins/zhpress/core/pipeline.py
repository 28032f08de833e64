"""The declared pipeline: one named priority per step, used by every hook.

MkDocs runs the hooks of one event from the highest priority to the lowest;
plugins of equal priority run in mkdocs.yml order, so no two steps that
depend on each other share a priority. Read top to bottom, this is the order
in which a page is made.
"""

# on_config: zhpress/output notes the real site_dir before any plugin can
# fail, so a build stopped in configuration can say which site it kept.
NOTE_OUTPUT = 1000
# on_config: zhpress/check reports every problem of the tree at once (front
# matter and site_config included), before a plugin that reads them stops
# the build at its first problem, and refuses files from outside the
# project; before output is staged, so a stopped build touches nothing.
CHECK_SOURCES = 200
# on_config / on_files / on_page_markdown: read and validate front matter,
# choose templates, before any plugin rewrites metadata.
READ_METADATA = 150
# on_nav: zhpress/variants splits the build by variant once every plugin's
# navigation is made and before any page is read (core.split).
SPLIT_VARIANTS = -2000
# on_page_content: zhpress/check sanitises raw HTML (raw_html: safe) as
# Markdown made it, before anything adds markup of its own.
SANITIZE_HTML = 120
# on_page_markdown / on_page_content: text into the reader's script; every
# later step sees the page as readers read it.
CONVERT_SCRIPT = 100
# on_page_content: CJK punctuation and quotes, on text in its final script.
TYPESET = 50
# on_page_content: reading length, from converted, typeset text (marks add
# no text); it reads the tokenisation typesetting left, so it parses nothing.
READ_TEXT = 40
# on_page_content: glossary terms and entity links, on final, typeset text
# (aliases are matched in the script the reader sees).
MARK_TERMS = 25
# on_post_template: the second process of a split build writes no theme
# template (the first one writes them); after every plugin's rewrite.
SKIP_TEMPLATES = -2010
# on_page_markdown: a copy whose HTML the first variant's render hands over
# has no body; MkDocs renders it without Markdown extensions (building them
# costs half a millisecond a page); after every plugin's on_page_markdown.
RENDER_BARE = -2020
# on_page_context: the page's variant, navigation and per-page config come
# first, so templates' context built later sees them.
PAGE_SETUP = 10
# on_page_context: context of one plugin's own templates.
PAGE_CONTEXT = 0
# on_post_page: index the page as readers get it (search records): after
# conversion, typesetting, marking and the template.
MEASURE = -50
# on_post_page: zhpress/styles notes the page, to inline the rules its
# final markup can use once MkDocs has written it (the template and every
# content step have run).
INLINE_STYLES = -60
# on_page_context: zhpress/check marks the page's rendered HTML (content,
# table of contents) as markup for the escaping template engine: after every
# plugin has read or changed it as a plain string.
MARK_RENDERED_HTML = -80
# on_post_page: per-page config changes are undone after the page is written.
RESTORE_CONFIG = -90
# on_files: every file of docs_dir, generated pages included, is published
# once per variant; after other plugins have added theirs.
PUBLISH_COPIES = -100
# on_post_build: files of one variant derived from its pages (feeds, its
# 404 page), written by the process that rendered that variant's pages.
WRITE_VARIANT_FILES = -120
# on_post_build: pages finished beside the build (zhpress/styles) are all
# written before any step reads or lists the written pages.
FINISH_PAGES = -150
# on_post_build: a build split by variant (core.split) is whole again: the
# second process stops here, the first waits for it; site-wide steps below
# run once, with every page written.
JOIN_VARIANTS = -160
# on_post_build: files derived from the pages (feeds, indexes) are written
# before the site-wide files that may list them (root page, sitemaps).
WRITE_DERIVED = -200
# on_post_build: zhpress/check escapes the text fields of the search index
# Material's search plugin has written (priority 0).
ESCAPE_SEARCH_INDEX = -250
WRITE_SITE_FILES = -300
# on_build_error: the second process of a split build reports the error and
# stops before any plugin cleans up what the first process owns.
STOP_SPLIT = 2000
# on_pre_build / on_post_build: staged output is set up after every plugin
# has read the real site_dir (in on_config), and published last.
STAGE_OUTPUT = -1000
