"""How one cell reads: counts with thousands separators, money in pounds, 'n/a' for None.

Percentages are rounded here and nowhere else, half up to a whole number (8 of 39 is 20.5%, shown
as 21%), so a column of percentages may add up to 99 or 101.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from generator.figures.table import Cell, Change, Days, Money, Percent, Points, Rate, Share, Suppressed
from generator.language import N_, _, decimal, ngettext, number, percentage

NOT_AVAILABLE = N_("n/a")  # shown as `not_available()`, in the language being written
CONFIDENTIAL = "c"  # a count withheld so that no one can be identified (the statistical symbol)


def half_up(value: Decimal, places: int = 0) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def exact_percent(share: Share) -> Decimal | None:
    if not share.whole:
        return None
    return Decimal(share.part) * 100 / Decimal(share.whole)


def percent(share: Share) -> int | None:
    """A share as a whole percentage, rounded half up: 8 of 39 -> 21."""
    exact = exact_percent(share)
    return None if exact is None else int(half_up(exact))


def count_text(count: int) -> str:
    """12,345, as the language being written groups digits (Babel)."""
    return number(count)


def not_available() -> str:
    return _(NOT_AVAILABLE)


def percent_text(value: int | None) -> str:
    return not_available() if value is None else percentage(value)


def money_text(money: Money) -> str:
    """£2,900 for whole pounds, £2,900.50 otherwise."""
    amount = Decimal(money.amount)
    sign = "-" if amount < 0 else ""
    amount = abs(amount)
    if amount == amount.to_integral_value():
        return f"{sign}£{number(int(amount))}"
    return f"{sign}£{decimal(half_up(amount, 2), 2)}"


def rate_value(rate: Rate) -> Decimal | None:
    if not rate.base:
        return None
    return Decimal(rate.count) * rate.per / Decimal(rate.base)


def rate_text(rate: Rate) -> str:
    value = rate_value(rate)
    return not_available() if value is None else decimal(half_up(value, 1), 1)


def share_text(share: Share, shown_percent: int | None) -> str:
    """A share in a table: its count and its percentage, '8 (23%)'."""
    if shown_percent is None:
        return count_text(share.part)
    return f"{count_text(share.part)} ({percentage(shown_percent)})"


def change_percent(change: Change) -> int | None:
    """The change as a whole percentage of the earlier figure, rounded half up (away from zero)."""
    if not change.before:
        return None
    return int(half_up(Decimal(change.after - change.before) * 100 / Decimal(change.before)))


def change_text(change: Change) -> str:
    """'+17%', '-13%' or '0%'."""
    value = change_percent(change)
    if value is None:
        return not_available()
    return percentage(value, signed=True)


def days_text(days: Days) -> str:
    """Working days: '12', or '12.5' for the median of an even number of cases."""
    value = Decimal(days.value)
    return number(int(value)) if value == value.to_integral_value() else decimal(half_up(value, 1), 1)


def cell_text(cell: Cell) -> str:
    """A cell as a table shows it."""
    if cell is None:
        return not_available()
    if isinstance(cell, Suppressed):
        return CONFIDENTIAL
    if isinstance(cell, bool):
        return _("yes") if cell else _("no")
    if isinstance(cell, int):
        return count_text(cell)
    if isinstance(cell, Share):
        return share_text(cell, percent(cell))
    if isinstance(cell, Change):
        return change_text(cell)
    if isinstance(cell, Days):
        return days_text(cell)
    if isinstance(cell, Rate):
        return rate_text(cell)
    if isinstance(cell, Money):
        return money_text(cell)
    if isinstance(cell, Percent):  # as an earlier report printed it
        return percentage(cell.value)
    if isinstance(cell, Points):
        return points_text(cell)
    return str(cell)


def points_value(points: Points) -> Decimal | None:
    exact = exact_percent(points.share)
    return None if exact is None else exact - points.published


def points_text(points: Points) -> str:
    """'+31 points', '-4 points', 'level': the difference rounded once, half up, to a whole point."""
    value = points_value(points)
    if value is None:
        return not_available()
    rounded = int(half_up(abs(value))) * (1 if value >= 0 else -1)
    if rounded == 0:
        return _("level")
    signed = f"{rounded:+d}"
    return ngettext("%(points)s point", "%(points)s points", abs(rounded), points=signed)


def prose_text(cell: Cell) -> str:
    """A named figure as a sentence reads it: as a table shows it, but a share is its percentage
    alone ('23%'), rounded half up on its own."""
    if isinstance(cell, Share):
        return percent_text(percent(cell))
    return cell_text(cell)
