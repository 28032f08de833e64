"""`zhpress import hexo|hugo|jekyll SOURCE_DIR`: an existing blog brought
into content/articles/ of a zhpress project, as a tree `zhpress check` and
`mkdocs build --strict` accept.

Modules, one job each:

* sources.py: what a generator's tree holds (posts, drafts, pages, static
  folders), the shared model every generator fills;
* hexo.py, hugo.py, jekyll.py: each generator's layout, the addresses its
  posts had, its front matter keys and its template syntax in posts;
* frontmatter.py: front matter read as generators write it (YAML, TOML,
  JSON; tabs; Hexo's front matter without an opening ---);
* mapping.py: their front matter to ours (README's keys);
* syntax.py: template tags and shortcodes turned into Markdown, outside code;
* links.py: every link and image resolved to the imported file it names and
  written relative to the article, as MkDocs validates it;
* script.py: Simplified or Traditional, per post;
* plan.py: the files to write, checked against what the project holds;
* report.py: what needs a human, as `path:line:column: what. Fix: how.`;
* command.py: the console command.

Nothing here is a plugin and no plugin imports it.
"""
