"""The contract between zhpress plugins.

Plugins meet only here and in page metadata, never by importing each other:
- `variants`: the two scripts, where their pages live, `variant_of(page)`;
- `script`: `in_script(text, variant)` and the site's converter;
- `pipeline`: the named hook priorities every plugin uses, with the reason;
- `published`: names of files one plugin publishes and another links;
- `context`: page-context and template names templates may rely on;
- `page_config`: per-page changes of the MkDocs config, always restored;
- `problems`: a problem of the tree at its file, line and column
  (`path:line:column: what. Fix: how.`), for every check and plugin;
- `frontmatter`: the front matter schema (zhpress/article stops a build on
  it, zhpress/check reports it with everything else), `dates` its dates;
- `tags`: where a tag's pages live (`tag_slug`), for the pages and the check.
"""
