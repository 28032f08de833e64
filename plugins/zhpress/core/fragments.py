"""Template fragments made once for every page that would get the same ones.

Material's navigation, palette toggle and search box take a third of the
time of rendering a page, and come out the same for every page of one
variant in one folder: an archive of 1,000 articles renders each a thousand
times. `zhpress_fragment(name)` in a template renders `name` as
`{% include name %}` would, and gives the same output again to every later
page with the same key:
- the variant, the site name and `base_url` (interface strings, and the
  links the `url` filter writes, relative to the page's folder);
- the page's folder; the page itself when it is in the navigation, or when
  a navigation link leads into it (Material marks such pages and their
  sections active), since links relative to a page's own address differ
  from its neighbours';
- the navigation object (one per variant).
Pages with no `page` (404) key on `base_url` alone. The cache lives on the
template environment, which MkDocs makes anew for every build.
"""
from __future__ import annotations

from jinja2 import pass_context
from markupsafe import Markup


class Fragments:
    def __init__(self):
        self._made: dict[tuple, Markup] = {}
        self._nav_urls: dict[int, tuple] = {}  # id(nav) -> (nav, ids of its pages, their URLs)

    @pass_context
    def __call__(self, context, name: str) -> Markup:
        key = self._key(context, name)
        made = self._made.get(key)
        if made is None:
            template = context.environment.get_template(name)
            made = self._made[key] = Markup(template.render(context.get_all()))
        return made

    def _key(self, context, name: str) -> tuple:
        page, nav = context.get("page"), context.get("nav")
        variant = context.get("zhpress_variant")
        config = context.get("config")
        site_name = getattr(config, "site_name", None) if config is not None else None
        own = None
        url = getattr(page, "url", None)
        if isinstance(url, str):
            folder = url[: url.rstrip("/").rfind("/") + 1]
            if nav is not None and self._leads_into(nav, page, url):
                own = (id(page), url)
        else:
            folder = None
        return (name, getattr(variant, "key", None), site_name, context.get("base_url"), folder, own,
                id(nav) if nav is not None else None)

    def _leads_into(self, nav, page, url: str) -> bool:
        known = self._nav_urls.get(id(nav))
        if known is None or known[0] is not nav:  # ids of freed objects are reused
            pages = list(getattr(nav, "pages", ()))
            known = self._nav_urls[id(nav)] = (nav, {id(p) for p in pages}, [p.url for p in pages])
        _, page_ids, urls = known
        return id(page) in page_ids or any(u.startswith(url) for u in urls)


def install(env) -> None:
    """`zhpress_fragment` for the templates of `env` (once per environment)."""
    if "zhpress_fragment" not in env.globals:
        env.globals["zhpress_fragment"] = Fragments()
