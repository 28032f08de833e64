"""The site root.

The default variant's home page is served at `/` itself (a <base> element
makes its relative links resolve inside the variant, and its canonical link
names the variant's URL): no redirect chain before the first paint. A tiny
script sends a reader whose remembered choice or browser language is the
other script there; without script, the header's switch is a plain link.
A site without a home page gets a page of plain links instead. The same
choice picks the script of /404.html (not_found.py).
"""
from __future__ import annotations

import html
import json

from ..core.published import Feed
from ..core.variants import BY_KEY, VARIANTS, Variant

STORAGE_KEY = "zhpress.variant"

# Browser language tags that mean Simplified or Traditional script.
_HANS_TAGS = ["zh-hans", "zh-cn", "zh-sg", "zh-my", "zh"]
_HANT_TAGS = ["zh-hant", "zh-tw", "zh-hk", "zh-mo"]


def reader_variant_js(default: Variant, site_path: str | None = None) -> str:
    """JS statements setting `v` to the prefix of the reader's variant: with
    `site_path` (the site's URL path), the variant whose folder the address
    is in; else the remembered choice, else the browser's languages, else
    `default`."""
    prefixes = [v.prefix for v in VARIANTS]
    by_path, remembered = "", "try{v=localStorage.getItem(k)}catch(e){}"
    if site_path is not None:
        folders = json.dumps([f"{site_path}{prefix}/" for prefix in prefixes])
        by_path = (f"var s=location.pathname,f={folders};"
                   "for(var j=0;j<f.length;j++)if(s.indexOf(f[j])===0)v=p[j];")
        remembered = "if(!v)" + remembered
    return (
        "var p=%s,d=%s,k=%s,v=null;%s%s"
        "if(!v||!p.some(function(x){return x===v})){v=null;"
        "var l=navigator.languages||[navigator.language||''];"
        "for(var i=0;i<l.length&&!v;i++){var t=String(l[i]).toLowerCase();"
        "if(%s.some(function(x){return t.indexOf(x)===0}))v=%s;"
        "else if(%s.some(function(x){return t===x||t.indexOf(x+'-')===0}))v=%s;}"
        "v=v||d}"
    ) % (
        json.dumps(prefixes),
        json.dumps(default.prefix),
        json.dumps(STORAGE_KEY),
        by_path,
        remembered,
        json.dumps(_HANT_TAGS),
        json.dumps(BY_KEY["hant"].prefix),
        json.dumps(_HANS_TAGS),
        json.dumps(BY_KEY["hans"].prefix),
    )


def _choice_script(default: Variant, stay: bool) -> str:
    """Sends the reader to their variant (reader_variant_js). `stay`: the
    page already shows `default`, so only another choice navigates."""
    # Resolved against the document's own URL, not a <base>.
    target = "location.replace(new URL(v+'/',location.href).href+location.hash)"
    go = f"if(v!==d){target}" if stay else target
    return f"(function(){{{reader_variant_js(default)}{go}}})();"


def root_home_html(home: str, default: Variant) -> str:
    """The default variant's home page (`home`, its HTML as written under
    /<prefix>/), made to be served at the site root."""
    head = home.index("<head>") + len("<head>")
    # First in <head>: every relative URL after it resolves inside the variant.
    extra = (f'\n<base href="{default.prefix}/">'
             f"\n<script>{_choice_script(default, stay=True)}</script>")
    return home[:head] + extra + home[head:]


def root_redirect_html(site_name: str, default: Variant, feeds: dict[str, list[Feed]]) -> str:
    """A page of plain links, for a site without a home page; `feeds`: by
    variant prefix, the feeds that exist in the output."""
    script = _choice_script(default, stay=False)
    links = "\n".join(
        f'<li><a href="{v.prefix}/" hreflang="{v.lang}" lang="{v.lang}">{html.escape(v.name)}</a></li>'
        for v in VARIANTS
    )
    alternates = "\n".join(
        [f'<link rel="alternate" hreflang="{v.lang}" href="{v.prefix}/">' for v in VARIANTS]
        + [f'<link rel="alternate" type="{f.mime}" title="{html.escape(v.name)} {f.label}" href="{v.prefix}/{f.file}">'
           for v in VARIANTS for f in feeds.get(v.prefix, ())]
    )
    return f"""<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{html.escape(site_name)}</title>
{alternates}
<link rel="alternate" hreflang="x-default" href="./">
<script>{script}</script>
<style>body{{font-family:system-ui,"PingFang TC","Noto Sans CJK TC","Microsoft JhengHei",sans-serif;margin:4rem auto;max-width:30rem;line-height:1.8;padding:0 1rem}}</style>
</head>
<body>
<h1>{html.escape(site_name)}</h1>
<ul>
{links}
</ul>
</body>
</html>
"""
