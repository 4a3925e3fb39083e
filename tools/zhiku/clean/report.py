"""What the cleaner did, fix by fix, so a curator can check it (``zhiku explain``)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Change:
    """One thing a fix removed or changed, with the source line it came from."""

    fix: str  # name of the fix function
    line: int | None  # 1-based line in the raw source, when known
    before: str
    after: str = ""

    def describe(self) -> str:
        where = f"{self.line:>5}" if self.line else "    -"
        if not self.after:
            return f"{where}  {self.fix}: removed {self.before!r}"
        return f"{where}  {self.fix}: {self.before!r} → {self.after!r}"


@dataclass
class Report:
    """Changes collected while cleaning one source or article."""

    changes: list[Change] = field(default_factory=list)

    def add(self, fix: str, line: int | None, before: str, after: str = "") -> None:
        self.changes.append(Change(fix, line, before, after))

    def extend(self, other: Report) -> None:
        self.changes.extend(other.changes)

    def counts(self) -> Counter:
        return Counter(change.fix for change in self.changes)

    def removed_text(self) -> list[str]:
        """Every piece of text a fix removed outright (not moved or rewritten)."""
        return [c.before for c in self.changes if not c.after]
