"""`raw_html: safe`: the HTML of a page body, rebuilt from an allow-list.

Markdown allows raw HTML, so a body can hold `<script>`, `onerror=` or a
`javascript:` link, and attr_list can add `{onclick=...}` to any element.
For sites that take contributions from strangers, every element and
attribute of the rendered body is re-written from what this module allows:
the document structure Markdown and its extensions produce (paragraphs,
headings, lists, tables, code, footnotes, admonitions, details, figures,
ruby), links and images to http(s), mailto, tel, relative and same-page
addresses, and harmless attributes. Scripts, styles and templates go with
their content; frames, forms, objects, SVG, MathML and any other element are
dropped and their text kept; ids the theme's script reads (`__config`)
are dropped; every text and attribute value is escaped again on the way
out, and the elements are balanced, so nothing can close the theme's own.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

ALLOWED_TAGS = frozenset("""
a abbr address article aside b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt
em figcaption figure footer h1 h2 h3 h4 h5 h6 header hr i img ins kbd li mark nav ol p pre q rp rt ruby s samp
section small span strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr
""".split())
VOID = frozenset("br col hr img wbr".split())
# Dropped with everything inside them (their content is code or raw text);
# any other element not allowed is dropped and its text kept.
DROPPED_WITH_CONTENT = frozenset("script style template textarea title xmp noscript noembed noframes".split())
GLOBAL_ATTRIBUTES = frozenset("class id title lang dir role translate hidden".split())
TAG_ATTRIBUTES = {
    "a": {"href", "name", "rel", "hreflang", "download"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "td": {"colspan", "rowspan", "headers", "align"},
    "th": {"colspan", "rowspan", "headers", "scope", "abbr", "align"},
    "col": {"span"}, "colgroup": {"span"},
    "ol": {"start", "reversed", "type"}, "li": {"value"},
    "details": {"open"}, "time": {"datetime"}, "del": {"datetime", "cite"}, "ins": {"datetime", "cite"},
    "blockquote": {"cite"}, "q": {"cite"}, "abbr": {"title"},
}
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
# Ids the theme's script looks up (document.getElementById("__config") reads
# Material's configuration, the search worker's address included): a body
# element with such an id would come first and be read instead. Code line
# anchors of pymdownx.highlight are the only ones Markdown makes.
_THEME_ID = re.compile(r"^__(?!codelineno-|span-)")
SAFE_SCHEMES = ("http", "https", "mailto", "tel")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]+")
_DATA_IMAGE = re.compile(r"^data:image/(?:png|gif|jpeg|webp|avif);base64,[A-Za-z0-9+/=\s]*$", re.IGNORECASE)
# The only inline style Markdown makes: table column alignment.
_ALIGN_STYLE = re.compile(r"^\s*text-align:\s*(?:left|right|center)\s*;?\s*$", re.IGNORECASE)


def safe_url(value: str, tag: str, attribute: str) -> bool:
    compact = _INVISIBLE.sub("", html.unescape(value))
    scheme = _SCHEME.match(compact)
    if scheme is None:
        return True  # relative, same-page or protocol-relative
    name = scheme.group(1).lower()
    if name in SAFE_SCHEMES:
        return True
    return tag == "img" and attribute == "src" and bool(_DATA_IMAGE.match(compact))


class _Sanitizer(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.stack: list[str] = []
        self.dropping: list[str] = []  # open elements whose content is dropped

    def handle_starttag(self, tag, attrs, closing=False):
        if self.dropping:
            if tag in DROPPED_WITH_CONTENT and not closing and tag not in VOID:
                self.dropping.append(tag)
            return
        if tag in DROPPED_WITH_CONTENT:
            if not closing:
                self.dropping.append(tag)
            return
        if tag not in ALLOWED_TAGS:
            return
        kept = []
        allowed = TAG_ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            name = name.lower()
            value = "" if value is None else value
            if name.startswith("on"):
                continue
            if name == "style":
                if _ALIGN_STYLE.match(value):
                    kept.append((name, value))
                continue
            if not (name in GLOBAL_ATTRIBUTES or name in allowed or name.startswith(("aria-", "data-"))):
                continue
            if name in URL_ATTRIBUTES and not safe_url(value, tag, name):
                continue
            if name in ("id", "name", "for", "form") and _THEME_ID.match(value.strip()):
                continue
            kept.append((name, value))
        attributes = "".join(f' {name}="{html.escape(value, quote=True)}"' for name, value in kept)
        self.out.append(f"<{tag}{attributes}>")
        if tag not in VOID:
            if closing:
                self.out.append(f"</{tag}>")
            else:
                self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs, closing=True)

    def handle_endtag(self, tag):
        if self.dropping:
            if tag == self.dropping[-1]:
                self.dropping.pop()
            return
        if tag not in self.stack:
            return  # stray: it would close the theme's own element
        while self.stack:
            open_tag = self.stack.pop()
            self.out.append(f"</{open_tag}>")
            if open_tag == tag:
                break

    def handle_data(self, data):
        if not self.dropping:
            self.out.append(html.escape(data, quote=False))

    # Comments, declarations, processing instructions: dropped.
    def handle_comment(self, data):
        pass

    def handle_decl(self, decl):
        pass

    def handle_pi(self, data):
        pass

    def unknown_decl(self, data):
        pass

    def result(self) -> str:
        self.close()
        while self.stack:
            self.out.append(f"</{self.stack.pop()}>")
        return "".join(self.out)


def sanitize_html(fragment: str) -> str:
    """`fragment` with only what the allow-list keeps."""
    if not fragment:
        return fragment
    sanitizer = _Sanitizer()
    sanitizer.feed(fragment)
    return sanitizer.result()
