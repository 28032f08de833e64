"""Micro-benchmark of the text layer's HTML walker (plugins/zhpress/text/html.py).

Renders the seed article (content/articles/*.md) and N generated ones
(bench/corpus.py) with the project's Markdown extensions, as MkDocs renders a
page's body before `on_page_content`, and times per page, in microseconds:

- one walk with an identity function: the walker's own cost, old and new;
- what a build does to each article today: for each script, the conversion
  walk (context=False, OpenCC) then the typesetting walk, old and new (the
  new walker remembers the tokenisation of its last fragments and of its own
  output), new with nothing remembered, and new in one walk per script
  (`compose(convert, typeset)`);
- the same text functions called on the same runs without any walker (the
  floor: what no walker can save).

The old walker is plugins/zhpress/text/html.py as of a git revision (default:
the newest commit whose copy differs from the working tree's), loaded beside
the new one. Rounds alternate between the variants; the table gives the best
and the median round, in CPU time of this process (time.process_time), which
other work on the machine disturbs less than wall time.

  .venv/bin/python bench/walker.py                 # 200 articles, 7 rounds
  .venv/bin/python bench/walker.py 500 --rounds 9 --old HEAD~3
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

import markdown
import yaml

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO / "plugins"))
sys.path.insert(0, str(BENCH))
import corpus  # noqa: E402
from zhpress.text import html as new  # noqa: E402
from zhpress.text.convert import default_converter  # noqa: E402
from zhpress.text.frontmatter import split_front_matter  # noqa: E402
from zhpress.text.typography import typesetter  # noqa: E402

HTML_PY = "plugins/zhpress/text/html.py"


class _ConfigLoader(yaml.UnsafeLoader):
    """mkdocs.yml as MkDocs reads it: !!python/name resolved, !ENV ignored."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: None)


def markdown_renderer() -> markdown.Markdown:
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    names, configs = [], {}
    for entry in config.get("markdown_extensions") or []:
        if isinstance(entry, dict):
            (name, options), = entry.items()
            names.append(name)
            configs[name] = options or {}
        else:
            names.append(entry)
    return markdown.Markdown(extensions=names, extension_configs=configs)


def pages(n: int) -> list[str]:
    """The body HTML of the seed article and of n generated articles."""
    md = markdown_renderer()
    sources = sorted((REPO / "content/articles").glob("*.md"))
    with tempfile.TemporaryDirectory() as tmp:
        corpus.generate(Path(tmp), n)
        sources_text = [p.read_text(encoding="utf-8") for p in sources]
        sources_text += [p.read_text(encoding="utf-8") for p in sorted((Path(tmp) / "articles").glob("*.md"))]
    out = []
    for text in sources_text:
        _, body = split_front_matter(text)
        md.reset()
        out.append(md.convert(body))
    return out


def old_revision() -> str:
    working = (REPO / HTML_PY).read_text(encoding="utf-8")
    commits = subprocess.run(["git", "log", "--format=%H", "--", HTML_PY], cwd=REPO,
                             capture_output=True, text=True, check=True).stdout.split()
    for commit in commits:
        if git_show(commit) != working:
            return commit
    raise SystemExit(f"no commit with another {HTML_PY}")


def git_show(revision: str) -> str:
    return subprocess.run(["git", "show", f"{revision}:{HTML_PY}"], cwd=REPO,
                          capture_output=True, text=True, check=True).stdout


def load_old(revision: str) -> types.ModuleType:
    module = types.ModuleType("old_html")
    module.__file__ = f"{revision}:{HTML_PY}"
    exec(compile(git_show(revision), module.__file__, "exec"), module.__dict__)
    return module


def variants(old, fragments):
    converter = default_converter()
    scripts = []
    for script in ("hant", "hans"):
        def convert(text, before="", after="", _script=script):
            return converter.convert(text, _script)
        scripts.append((convert, typesetter(corner_quotes=script == "hant", curly_quotes=script == "hans")))

    def identity(text, before, after):
        return text

    def old_identity():
        for html in fragments:
            old.transform_html(html, identity)

    def new_identity():
        for html in fragments:
            new.clear_cache()
            new.transform_html(html, identity)

    def new_tokenise():
        for html in fragments:
            new._Tokenizer(html).run()

    def old_build():
        for html in fragments:
            for convert, typeset in scripts:
                old.transform_html(old.transform_html(html, convert, context=False), typeset)

    def new_build():
        for html in fragments:
            for convert, typeset in scripts:
                new.transform_html(new.transform_html(html, convert, context=False), typeset)

    def new_build_forgetting():
        for html in fragments:
            for convert, typeset in scripts:
                new.clear_cache()
                converted = new.transform_html(html, convert, context=False)
                new.clear_cache()
                new.transform_html(converted, typeset)

    pipelines = [new.compose(new.Step(convert, context=False), typeset) for convert, typeset in scripts]

    def new_one_walk():
        for html in fragments:
            for pipeline in pipelines:
                new.transform_html(html, pipeline)

    # The floor: the same functions on the same runs, with the neighbours
    # the walker would give, and no walker.
    calls = []
    for html in fragments:
        skeleton = new._Tokenizer(html).run()
        runs = [(t, "", "") for t, skipped in zip(skeleton.run_text, skeleton.run_skipped) if not skipped]
        values = [(v, "", "") for tag in skeleton.tags for _, _, v in tag.values]
        calls.append(runs + values)

    def functions_alone():
        for page_calls in calls:
            for convert, typeset in scripts:
                for text, before, after in page_calls:
                    typeset(convert(text), before, after)

    return [
        ("old: 1 identity walk", old_identity),
        ("new: 1 identity walk, nothing remembered", new_identity),
        ("new: tokenise only", new_tokenise),
        ("old: build (2 scripts x convert, typeset walks)", old_build),
        ("new: build, same 4 calls", new_build),
        ("new: build, 4 calls, nothing remembered", new_build_forgetting),
        ("new: build, 1 walk per script (compose)", new_one_walk),
        ("text functions alone, no walker", functions_alone),
    ]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", nargs="?", type=int, default=200, help="generated articles (default 200)")
    parser.add_argument("--rounds", type=int, default=7, help="rounds per variant (default 7)")
    parser.add_argument("--old", help="git revision of the old walker (default: newest that differs)")
    args = parser.parse_args(argv)

    revision = args.old or old_revision()
    old = load_old(revision)
    fragments = pages(args.articles)
    size = sum(len(f.encode("utf-8")) for f in fragments) / len(fragments)
    print(f"{len(fragments)} pages, {size / 1024:.1f} KB of body HTML each; old walker: {revision[:12]}; "
          f"python {sys.version.split()[0]}; load average {os.getloadavg()[0]:.1f}", file=sys.stderr)

    # The walkers agree on every page (the new one changes no more and no less).
    for convert, typeset in ((lambda t, b, a: default_converter().convert(t, "hans"), typesetter()),):
        for html in fragments:
            new.clear_cache()
            assert new.transform_html(html, convert, False) == old.transform_html(html, convert, False)
            assert new.transform_html(html, typeset) == old.transform_html(html, typeset)

    runs = variants(old, fragments)
    timings: dict[str, list[float]] = {name: [] for name, _ in runs}
    for _ in range(args.rounds):
        for name, fn in runs:
            start = time.process_time()  # CPU time: other processes on the machine count less
            fn()
            timings[name].append((time.process_time() - start) / len(fragments) * 1e6)
    print("| per page (µs of CPU) | best | median |")
    print("| --- | ---: | ---: |")
    for name, values in timings.items():
        print(f"| {name} | {min(values):.0f} | {statistics.median(values):.0f} |")


if __name__ == "__main__":
    main()
