"""The site root: sends the reader to their script, with plain links as
fallback."""
from __future__ import annotations

import html
import json

from ..core.published import Feed
from ..core.variants import VARIANTS, Variant

STORAGE_KEY = "zhpress.variant"

# Browser language tags that mean Simplified or Traditional script.
_HANS_TAGS = ["zh-hans", "zh-cn", "zh-sg", "zh-my", "zh"]
_HANT_TAGS = ["zh-hant", "zh-tw", "zh-hk", "zh-mo"]


def root_redirect_html(site_name: str, default: Variant, feeds: dict[str, list[Feed]]) -> str:
    """`feeds`: by variant prefix, the feeds that exist in the output."""
    prefixes = {v.key: v.prefix for v in VARIANTS}
    script = (
        "(function(){var p=%s,d=%s,k=%s,v=null;"
        "try{v=localStorage.getItem(k)}catch(e){}"
        "if(!v||!p.some(function(x){return x===v})){v=null;"
        "var l=navigator.languages||[navigator.language||''];"
        "for(var i=0;i<l.length&&!v;i++){var t=String(l[i]).toLowerCase();"
        "if(%s.some(function(x){return t.indexOf(x)===0}))v=%s;"
        "else if(%s.some(function(x){return t===x||t.indexOf(x+'-')===0}))v=%s;}"
        "v=v||d}"
        "location.replace(v+'/'+location.hash)})();"
    ) % (
        json.dumps(list(prefixes.values())),
        json.dumps(default.prefix),
        json.dumps(STORAGE_KEY),
        json.dumps(_HANT_TAGS),
        json.dumps(prefixes["hant"]),
        json.dumps(_HANS_TAGS),
        json.dumps(prefixes["hans"]),
    )
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
