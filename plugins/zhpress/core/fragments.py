"""Template output made once for every page that would get the same.

Material's navigation, palette toggle and search box take half the time of
rendering a page, and come out the same for every page of one variant in
one folder: an archive of 1,000 articles renders each a thousand times.

- `zhpress_fragment(name, **given)` renders template `name` as
  `{% include name %}` would, for templates that depend on nothing of the
  page but its variant, the site's name and where the page is (the `url`
  filter writes links relative to the page's folder), and on `given`: the
  palette toggle, the search box. With `in_any_folder=True`, for a
  template that writes no link, one output serves every folder: an
  article's byline and summary in the lists (each article is in the
  archive and on each of its tags' pages, every one in a folder of its own).
  Given the page itself, for what one page shows twice (its table of
  contents, in the sidebar and in the navigation's drawer): kept only
  while that page renders.
- `zhpress_nav_item(render, item, path, level)` is Material's
  `item.render(item, path, level)` for one top-level navigation item. An
  item that is not the page, holds no page active, and has no link into
  the page's own address comes out the same for every page of the folder.

Whether a template depends on the page is read from the templates
themselves, as the theme resolves them (a site's override included): a
template that names `page`, `toc`, `meta` or `nav`, or includes or imports
one that does, is rendered for each page unless the page is given (a
`partials/search.html` override that prints `page.title` shows each page's
own). Dynamic includes (`"icons/" ~ name`) are read as what they are in
Material: icons and language files, made of configuration alone.

The caches live on the template environment, which MkDocs makes anew for
every build.
"""
from __future__ import annotations

from jinja2 import TemplateNotFound, TemplateSyntaxError, meta, nodes, pass_context
from markupsafe import Markup

# Context variables that differ from page to page (MkDocs' template context).
PAGE_NAMES = frozenset({"page", "toc", "meta", "nav"})


def page_names(env, name: str, _seen: set | None = None) -> frozenset:
    """The PAGE_NAMES template `name` reads, itself or through the templates
    it includes, imports or extends (as `env` resolves them)."""
    seen = set() if _seen is None else _seen
    if name in seen:
        return frozenset()
    seen.add(name)
    try:
        source = env.loader.get_source(env, name)[0]
        tree = env.parse(source)
        used = set(meta.find_undeclared_variables(tree)) & PAGE_NAMES
    except (TemplateNotFound, TemplateSyntaxError):
        return PAGE_NAMES  # unknown: assume the worst
    # A name the template sets itself (`{% set meta = entry.meta %}`) is
    # not the page's in what it includes.
    assigned = {node.target.name for node in tree.find_all(nodes.Assign) if isinstance(node.target, nodes.Name)}
    for referenced in meta.find_referenced_templates(tree):
        if referenced is not None:
            used |= page_names(env, referenced, seen) - assigned
    return frozenset(used)


def _where(context) -> tuple:
    """What output may depend on besides the template: variant, site name,
    base_url and the page's folder."""
    page, config = context.get("page"), context.get("config")
    variant = context.get("zhpress_variant")
    url = getattr(page, "url", None)
    folder = url[: url.rstrip("/").rfind("/") + 1] if isinstance(url, str) else None
    return (getattr(variant, "key", None), getattr(config, "site_name", None), context.get("base_url"), folder)


class Fragments:
    def __init__(self):
        self._made: dict[tuple, Markup] = {}
        self._page_made: dict[tuple, Markup] = {}  # given the page itself: kept while it renders
        self._page = None
        self._reads_page: dict[str, frozenset] = {}  # template -> the PAGE_NAMES it reads

    @pass_context
    def __call__(self, context, name: str, in_any_folder: bool = False, **given) -> Markup:
        """`given`: variables the include would see besides the context (a
        loop's item), each the same object for the whole build (a Page).
        `in_any_folder`: the template writes no link, so one output serves
        every folder of the variant."""
        reads = self._reads_page.get(name)
        if reads is None:
            reads = self._reads_page[name] = page_names(context.environment, name)
        if reads - given.keys():  # it shows something of the page: made for each page
            variables = {**context.get_all(), **given} if given else context.get_all()
            return Markup(context.environment.get_template(name).render(variables))
        where = _where(context)
        if in_any_folder:
            where = where[:2]
        key = (name, in_any_folder, *where, *sorted((k, id(v)) for k, v in given.items()))
        page = context.get("page")
        made_here = self._made
        if page is not None and any(value is page for value in given.values()):
            if page is not self._page:
                self._page, self._page_made = page, {}
            made_here = self._page_made
        made = made_here.get(key)
        if made is None:
            variables = context.get_all()
            if given:
                variables = {**variables, **given}
            made = made_here[key] = Markup(context.environment.get_template(name).render(variables))
        return made


class NavItems:
    def __init__(self):
        self._made: dict[tuple, Markup] = {}
        self._links: dict[int, tuple] = {}  # id(item) -> (item, URLs of its pages)

    @pass_context
    def __call__(self, context, render, item, path, level) -> Markup:
        page = context.get("page")
        url = getattr(page, "url", None)
        if item is page or getattr(item, "active", False) or not isinstance(url, str) or self._leads_into(item, url):
            return render(item, path, level)
        key = (id(item), path, level, *_where(context))
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = Markup(render(item, path, level))
        return made

    def _leads_into(self, item, url: str) -> bool:
        known = self._links.get(id(item))
        if known is None or known[0] is not item:
            urls: list[str] = []
            pending = [item]
            while pending:
                node = pending.pop()
                if getattr(node, "url", None) is not None:
                    urls.append(node.url)
                pending.extend(getattr(node, "children", None) or ())
            known = self._links[id(item)] = (item, urls)
        return any(target.startswith(url) for target in known[1])


def install(env) -> None:
    """The helpers for the templates of `env` (once per environment)."""
    if "zhpress_fragment" not in env.globals:
        env.globals["zhpress_fragment"] = Fragments()
        env.globals["zhpress_nav_item"] = NavItems()
