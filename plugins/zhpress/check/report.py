"""Problems as people and programs read them."""
from __future__ import annotations

import json

from ..core.problems import Problem, sentence


def line(problem: Problem) -> str:
    """`path:line:column: what is wrong. Fix: how.`; warnings and suggestions
    say so after the position."""
    return problem.reported()


def as_text(problems: list[Problem]) -> str:
    return "".join(line(p) + "\n" for p in problems)


def as_json(problems: list[Problem], counts: dict[str, int], checked: int) -> str:
    return json.dumps({
        "problems": [
            {"path": p.path, "line": p.line, "column": p.column, "severity": p.severity, "check": p.code,
             "message": sentence(p.message), "fix": sentence(p.fix) if p.fix else "", "text": line(p)}
            for p in problems
        ],
        "counts": counts,
        "files": checked,
    }, ensure_ascii=False, indent=1) + "\n"


def summary(counts: dict[str, int], checked: int, seconds: float | None = None) -> str:
    parts = [f"{n} {level}{'' if n == 1 else 's'}" for level, n in counts.items()]
    took = f" in {seconds:.1f} s" if seconds is not None else ""
    return f"zhpress check: {', '.join(parts)} in {checked} file{'' if checked == 1 else 's'}{took}."
