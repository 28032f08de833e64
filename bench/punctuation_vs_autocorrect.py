"""Our punctuation rules against AutoCorrect's, mark by mark, on real prose.

```sh
.venv/bin/python bench/punctuation_vs_autocorrect.py                 # tests/fixtures/real
.venv/bin/python bench/punctuation_vs_autocorrect.py DIR ... [--repair] [--examples 5]
```

Every half-width `, ; : ? !` in the prose of each Markdown file (as
`zhpress check` reads it: code, links' addresses, HTML and front matter
aside) that has a CJK character on its line is decided twice: by
`zhpress.text.punctuation.fix_punctuation` (the build's rule; `--repair`
for sources marked `mechanical_conversion`) and by AutoCorrect
(`autocorrect-py`, `autocorrect_py.format`, aligned back to the source
because it also inserts spaces). Prints a table of agreements and
disagreements per mark, with examples of each disagreement.
"""
from __future__ import annotations

import argparse
import difflib
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "plugins"))

import autocorrect_py  # noqa: E402

from zhpress.text.markdown_scan import prose_runs, scan  # noqa: E402
from zhpress.text.frontmatter import split_front_matter  # noqa: E402
from zhpress.text.punctuation import CJK_RE, FULLWIDTH, find_halfwidth  # noqa: E402

MARKS = ",;:?!"


def autocorrect_converted(text: str) -> set[int]:
    """Offsets in `text` of the marks AutoCorrect makes full-width."""
    out = autocorrect_py.format(text)
    converted = set()
    matcher = difflib.SequenceMatcher(None, text, out, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace":
            for k in range(min(i2 - i1, j2 - j1)):
                ch, new = text[i1 + k], out[j1 + k]
                if ch in MARKS and new == FULLWIDTH[ch]:
                    converted.add(i1 + k)
    return converted


def compare(paths: list[Path], repair: bool):
    tally: Counter = Counter()
    examples: dict[tuple, list[str]] = defaultdict(list)
    files = 0
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        front, body = split_front_matter(text)
        files += 1
        for piece, before, after in prose_runs(scan(body, front.count("\n") + 1)):
            line = piece.text
            if not CJK_RE.search(line) or not any(m in line for m in MARKS):
                continue
            ours = {i.offset for i in find_halfwidth(line, before, after, repair=repair) if i.char in MARKS}
            theirs = autocorrect_converted(line)
            for offset, ch in enumerate(line):
                if ch not in MARKS:
                    continue
                key = (ch, offset in ours, offset in theirs)
                tally[key] += 1
                if key[1] != key[2]:
                    lo, hi = max(0, offset - 12), offset + 12
                    examples[key].append(f"{path.name}:{piece.line}: …{line[lo:hi]}…")
    return files, tally, examples


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dirs", nargs="*", default=[str(REPO / "tests/fixtures/real")])
    parser.add_argument("--repair", action="store_true", help="the rules for mechanically converted sources")
    parser.add_argument("--examples", type=int, default=5)
    args = parser.parse_args(argv)
    paths = sorted(p for d in args.dirs for p in Path(d).rglob("*.md") if p.name.lower() != "readme.md")
    files, tally, examples = compare(paths, args.repair)
    print(f"{files} files, autocorrect-py {getattr(autocorrect_py, '__version__', '2.14.0')}, "
          f"{'repair' if args.repair else 'faithful'} rules\n")
    print("| mark | both full-width | both half-width | only ours full-width | only AutoCorrect full-width |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for mark in MARKS:
        row = [tally[(mark, True, True)], tally[(mark, False, False)], tally[(mark, True, False)],
               tally[(mark, False, True)]]
        print(f"| `{mark}` | " + " | ".join(f"{n:,}" for n in row) + " |")
    total = sum(tally.values())
    agree = sum(n for (m, a, b), n in tally.items() if a == b)
    print(f"\nagreement: {agree:,} of {total:,} marks ({100 * agree / total:.1f}%)" if total else "\nno marks")
    for key in sorted(examples):
        mark, ours, theirs = key
        who = "only ours full-width" if ours else "only AutoCorrect full-width"
        print(f"\n`{mark}` {who} ({len(examples[key])}):")
        for example in examples[key][:args.examples]:
            print(f"  {example}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
