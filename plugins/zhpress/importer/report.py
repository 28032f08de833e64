"""What needs a human after an import, in `zhpress check`'s form:
`path:line:column: what. Fix: how.` (paths as the user opens them from the
folder the command ran in), then a summary of what was done."""
from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field

from ..core.problems import ERROR, WARNING, Problem


@dataclass(frozen=True)
class Finding:
    """A problem inside a post body, before the imported file's lines are known."""
    index: int  # line of the body, from 0
    column: int  # from 1
    message: str
    fix: str
    code: str = "import"


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)  # what was done, for the summary
    dropped: dict[str, list[str]] = field(default_factory=dict)  # front matter key -> the files that had it
    notes: list[str] = field(default_factory=list)  # about the whole import, for the summary

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def warn(self, path: str, line: int, message: str, fix: str, column: int = 1) -> None:
        self.problems.append(Problem(path, line, message, fix, column=column, severity=WARNING, code="import"))

    def error(self, path: str, line: int, message: str, fix: str, column: int = 1) -> None:
        self.problems.append(Problem(path, line, message, fix, column=column, severity=ERROR, code="import"))

    def body_findings(self, path: str, first_line: int, findings: list[Finding]) -> None:
        for finding in findings:
            self.problems.append(Problem(path, first_line + finding.index, finding.message, finding.fix,
                                         column=finding.column, severity=WARNING, code=finding.code))

    @property
    def failed(self) -> bool:
        return any(problem.severity == ERROR for problem in self.problems)

    def text(self) -> str:
        ordered = sorted(set(self.problems), key=Problem.sort_key)
        return "".join(problem.reported() + "\n" for problem in ordered)

    def summary(self) -> str:
        done = ", ".join(f"{count} {what}" for what, count in sorted(self.counts.items()) if count)
        lines = [f"zhpress import: {done or 'nothing imported'}."]
        if self.dropped:
            keys = ", ".join(f"{key} ({len(places)})" for key, places in sorted(self.dropped.items()))
            lines.append(f"Front matter keys with no meaning on this site, left out: {keys}.")
        lines += [f"Note: {note}." for note in self.notes]
        errors = sum(1 for p in self.problems if p.severity == ERROR)
        warnings = len(self.problems) - errors
        lines.append(f"{errors} error{'' if errors == 1 else 's'}, {warnings} thing{'' if warnings == 1 else 's'} "
                     "for a human to look at (listed above).")
        return "\n".join(lines)

    def print(self, out=None, err=None) -> None:
        (out or sys.stdout).write(self.text())
        print(self.summary(), file=err or sys.stderr)
