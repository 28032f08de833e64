"""`zhpress import hexo|hugo|jekyll SOURCE_DIR [--into PROJECT] [--folder NAME] [--force]`

Exit status: 0 when the posts are in (things for a human are listed, as
warnings), 1 when nothing was written because the project holds other files
where the import would write (use --force), 2 when the source or the project
cannot be read.
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from . import hexo, hugo, jekyll
from .convert import PostConverter, Project
from .plan import Plan, clashes, write
from .report import Report
from .resolve import Resolver
from .sources import SourceSite, file_slug

GENERATORS = {"hexo": hexo, "hugo": hugo, "jekyll": jekyll}
CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml", "properdocs.yml", "properdocs.yaml")


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "import", help="bring a Hexo, Hugo or Jekyll blog into content/articles/ of this project",
        description="Copies the posts of a Hexo, Hugo or Jekyll blog into content/articles/, with their images "
                    "and files, front matter mapped and links made relative; lists what needs a human.")
    parser.add_argument("generator", choices=sorted(GENERATORS), help="the generator the blog was made with")
    parser.add_argument("source", help="the blog's source folder (where its _config.yml or hugo.toml is)")
    parser.add_argument("--into", default=".", help="the zhpress project: folder of its mkdocs.yml (default: .)")
    parser.add_argument("--folder", default="", help="import into content/articles/FOLDER/, files into "
                        "content/FOLDER/ (to bring several blogs into one site)")
    parser.add_argument("--force", action="store_true", help="overwrite files the project holds with other content")
    parser.add_argument("--breaks", choices=("auto", "keep", "join"), default="auto",
                        help="a line break inside a paragraph: keep it as a <br> (what Hexo's breaks: true and "
                        "Hugo's hardWraps showed), or join the lines (Markdown's own reading); auto: as the "
                        "blog's configuration says")


def run(args) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    source = Path(args.source)
    generator = GENERATORS[args.generator]
    if not source.is_dir():
        print(f"zhpress import: {args.source} is not a folder", file=sys.stderr)
        return 2
    if not generator.looks_like(source):
        print(f"zhpress import: {args.source} does not look like a {generator.NAME} site (no posts where "
              f"{generator.NAME} keeps them). Fix: give the folder holding the blog's configuration.",
              file=sys.stderr)
        return 2
    project = load_project(Path(args.into))
    if project is None:
        print(f"zhpress import: no readable mkdocs.yml in {os.path.abspath(args.into)}. Fix: run it in the "
              "zhpress project, or give it with --into.", file=sys.stderr)
        return 2
    folder = file_slug(args.folder) if args.folder else ""
    report = Report()
    plan = import_site(generator, source, args.source.rstrip("/") or ".", project, folder, report, args.breaks)
    clashing = clashes(plan, project.docs_dir)
    if clashing and not args.force:
        for path in clashing:
            report.error(project.shown(path), 1, "the project holds another file here: nothing was written",
                         "move it away, run again with --force to overwrite it, or give this blog its own "
                         "folder with --folder NAME")
        report.counts.clear()  # nothing was imported
        report.print()
        return 1
    written, unchanged = write(plan, project.docs_dir)
    report.counts["files written"] = written
    report.counts["files already as imported"] = unchanged
    report.print()
    return 0


def import_site(generator, source: Path, shown: str, project: Project, folder: str, report: Report,
                breaks: str = "auto") -> Plan:
    """Every post of the blog at `source` converted: the files to write."""
    site: SourceSite = generator.read_site(source, shown)
    for problem in site.skipped:
        report.add(problem)
        report.counts["drafts and pages left out"] += 1
    posts = []
    for post in sorted(site.posts, key=lambda p: p.shown):
        if not post.front.body.strip():
            report.warn(post.shown, post.front.body_line, "the post has no text: not imported",
                        "write it, then import again")
            continue
        if post.front.tabs:
            report.counts["front matters indented with tabs, read as spaces"] += 1
        posts.append(post)
    site.posts = posts
    _assign_slugs(posts)
    resolver = Resolver(site, project.articles_dir, folder)
    plan = Plan()
    keep_breaks = breaks == "keep" or (breaks == "auto" and site.line_breaks is True)
    if breaks == "auto" and site.line_breaks is None:
        report.notes.append("the configuration names two Markdown renderers that disagree on line breaks: lines "
                            "inside a paragraph are joined; if the old site showed each as a break, import "
                            "again with --breaks keep")
    converter = PostConverter(site, generator, project, resolver, report, plan, keep_breaks)
    for post in posts:
        converter.convert(post)
    report.counts["files copied"] = len(plan.copies)
    return plan


def _assign_slugs(posts) -> None:
    """Our file names: each old slug made a file name; a clash gets -2, -3 in source order."""
    taken: set[str] = set()
    for post in posts:
        base = file_slug(post.name.split("/")[-1])
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        post.slug = slug


def load_project(folder: Path) -> Project | None:
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    from ..core.options import plugin_option
    from ..core.script import ScriptSettings
    from ..text.slug import slugify

    config_file = next((folder / name for name in CONFIG_NAMES if (folder / name).is_file()), None)
    if config_file is None:
        return None
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.ERROR)  # the project's own warnings are `zhpress check`'s business
    try:
        config = load_config(str(config_file), strict=False)
    except (Abort, ConfigurationError, OSError):
        return None
    finally:
        logger.setLevel(level)
    toc = (config.mdx_configs or {}).get("toc", {})
    return Project(
        root=config_file.parent.resolve(),
        docs_dir=Path(config.docs_dir).resolve(),
        articles_dir=plugin_option(config, "zhpress/article", "articles_dir", "articles").strip("/"),
        source_script=ScriptSettings.of(config).source_script,
        slugify=toc.get("slugify") or slugify,
    )
