"""A named figure as the commentary cites it, formatted exactly as the tables format it.

`{{ complaints }}` reads '35'; a share such as `{{ upheld_share }}` reads '23%'. Parts are there
for sentences that need them: `{{ complaints_change.direction }}` ('an increase', 'a decrease',
'no change'), `{{ complaints_change.size }}` (the percentage or count without its sign),
`{{ upheld_share.count }}` and `{{ upheld_share.whole }}`.
"""

from __future__ import annotations

from markupsafe import Markup

from generator.figures.table import Cell, Change, Days, Money, Rate, Share
from generator.language import _, percentage
from generator.views.cells import (
    change_percent,
    change_text,
    count_text,
    exact_percent,
    money_text,
    not_available,
    percent,
    percent_text,
    prose_text,
    rate_value,
)


class FigureText:
    def __init__(self, name: str, cell: Cell) -> None:
        self.name = name
        self.value = cell

    def __str__(self) -> str:
        return prose_text(self.value)

    def __html__(self) -> Markup:
        # Formatted numbers hold no markup; text figures (a team's name) are escaped.
        from generator.pages.markdown import escape_markdown

        if isinstance(self.value, str):
            return escape_markdown(self.value)
        return Markup(str(self))

    def __repr__(self) -> str:
        return f"FigureText({self.name!r}, {self.value!r})"

    @property
    def count(self) -> int | None:
        value = self.value
        if isinstance(value, Share):
            return value.part
        if isinstance(value, Rate):
            return value.count
        if isinstance(value, Change):
            return value.after - value.before
        return value if isinstance(value, int) else None

    @property
    def whole(self) -> int | None:
        return self.value.whole if isinstance(self.value, Share) else None

    @property
    def percent(self) -> str:
        return percent_text(percent(self.value)) if isinstance(self.value, Share) else str(self)

    @property
    def number(self) -> float | None:
        """The figure as a number for comparisons: a share is its exact percentage."""
        value = self.value
        if isinstance(value, Share):
            return float(exact_percent(value) or 0)
        if isinstance(value, Rate):
            rate = rate_value(value)
            return None if rate is None else float(rate)
        if isinstance(value, Money):
            return float(value.amount)
        if isinstance(value, Days):
            return float(value.value)
        if isinstance(value, Change):
            exact = exact_percent(Share(value.after - value.before, value.before))
            return None if exact is None else float(exact)
        return value if isinstance(value, int) else None

    @property
    def _signed(self) -> float:
        return self.number or 0

    def _compare(self, other: object) -> tuple[float, float]:
        mine = self.number
        theirs = other.number if isinstance(other, FigureText) else other
        if mine is None or not isinstance(theirs, int | float):
            raise TypeError(f"the figure '{self.name}' ({self}) cannot be compared with {other!r}")
        return mine, theirs

    def __lt__(self, other: object) -> bool:
        mine, theirs = self._compare(other)
        return mine < theirs

    def __le__(self, other: object) -> bool:
        mine, theirs = self._compare(other)
        return mine <= theirs

    def __gt__(self, other: object) -> bool:
        mine, theirs = self._compare(other)
        return mine > theirs

    def __ge__(self, other: object) -> bool:
        mine, theirs = self._compare(other)
        return mine >= theirs

    @property
    def direction(self) -> str:
        if self.number is None:
            return not_available()
        if self._signed > 0:
            return _("an increase")
        return _("a decrease") if self._signed < 0 else _("no change")

    @property
    def size(self) -> str:
        """The figure without its sign: '17%' for a change of -17%."""
        value = self.value
        if isinstance(value, Share):
            return percent_text(percent(Share(abs(value.part), value.whole)))
        if isinstance(value, Money):
            return money_text(Money(abs(value.amount)))
        if isinstance(value, Change):
            if not value.before:
                return change_text(Change(0, 0))
            return percentage(abs(change_percent(value) or 0))
        if isinstance(value, int):
            return count_text(abs(value))
        return str(self)


def figure_texts(figures: dict[str, Cell]) -> dict[str, FigureText]:
    return {name: FigureText(name, cell) for name, cell in figures.items()}
