"""The page for a missing address, in the reader's script.

Hosts serve a 404 page at any missing address, so it is rendered as MkDocs
renders 404.html: absolute URLs from site_url's path (else "/"), and the
same plugin events. Each variant gets its own (/zh-hant/404.html,
/zh-hans/404.html: Cloudflare Pages and the like serve the nearest one up
the tree). /404.html, which GitHub Pages and most hosts serve for every
missing path, is the default variant's page with a script first in <head>
that writes another variant's page in its place: the reader's script is the
first thing painted, at the address they asked for (a redirect would lose
it; a fetch would show the default first).
"""
from __future__ import annotations

import json
from urllib.parse import urlsplit

from mkdocs.commands.build import get_context

from ..core.variants import Variant
from .root import reader_variant_js

NAME = "404.html"  # MkDocs' error template, and the file each variant's folder and the root get
_CHARSET = '<meta charset="utf-8">'
# Written after the chosen page: the rest of the file (the default page)
# becomes the hidden text of this element, never parsed as markup or run.
_SWALLOW_REST = "<plaintext hidden>"


def site_path(config) -> str:
    """The URL path of the site's root, as MkDocs reckons it for 404.html."""
    return urlsplit(config.site_url or "/").path


def render_not_found(env, config, files, nav, context: dict) -> str:
    """The theme's 404.html with `nav` and `context`, through the template
    events MkDocs sends for 404.html, so plugins that rewrite it rewrite
    each variant's too."""
    template = config.plugins.on_pre_template(env.get_template(NAME), template_name=NAME, config=config)
    full = get_context(nav, files, config, base_url=site_path(config))
    full.update(context)
    full = config.plugins.on_template_context(full, template_name=NAME, config=config)
    return config.plugins.on_post_template(template.render(full), template_name=NAME, config=config)


def root_not_found_html(pages: dict[Variant, str], default: Variant, path: str) -> str:
    """/404.html from each variant's page (`pages`): `default`'s, plus a
    script that writes another one instead when the address is in that
    variant's folder or the reader's choice is that variant
    (reader_variant_js). Without script, readers get `default`'s page, whose
    links include the other script's home."""
    page = pages[default]
    start = page.index(_CHARSET) + len(_CHARSET)  # the charset stays within the first 1024 bytes
    others = {v.prefix: _after_charset(pages[v]) + _SWALLOW_REST for v in pages if v != default}
    langs = {v.prefix: v.lang for v in pages}
    # The pages go in as JS strings: "<" escaped, so nothing in them can end
    # the <script> element early.
    script = (f"(function(){{{reader_variant_js(default, path)}"
              f"var o={_js(others)},g={_js(langs)};"
              "if(o[v]){document.documentElement.lang=g[v];document.write(o[v])}})();")
    return f"{page[:start]}\n<script>{script}</script>{page[start:]}"


def _after_charset(page: str) -> str:
    """`page` from after its charset declaration to before </body>: what is
    written into a document that has declared its charset already."""
    return page[page.index(_CHARSET) + len(_CHARSET):page.rindex("</body>")]


def _js(value) -> str:
    return (json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
