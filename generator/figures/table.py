"""The shape every computed table takes on its way to the views.

Figures put counts and the parts of a percentage here, never rounded text: rounding happens
once, when a view displays a cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Share:
    """A part of a whole, shown as a percentage rounded once at display."""

    part: int
    whole: int


@dataclass(frozen=True)
class Rate:
    """`count` per `per` of `base` (complaints per 1,000 customers)."""

    count: int
    base: int | None
    per: int = 1000


@dataclass(frozen=True)
class Money:
    amount: Decimal


@dataclass(frozen=True)
class Change:
    """A signed change from `before` to `after`, shown as a percentage of `before` rounded at display."""

    before: int
    after: int


@dataclass(frozen=True)
class Days:
    """A number of working days; a median of an even count of cases can end in .5."""

    value: Decimal


@dataclass(frozen=True)
class Percent:
    """A percentage as an earlier report printed it, of `base`, when it printed no count: shown as
    published, never turned back into a count."""

    value: Decimal
    base: int | None


@dataclass(frozen=True)
class Points:
    """How far a share is above (+) or below (-) a published percentage, in percentage points,
    worked out from the share's counts and rounded once at display (the ombudsman's uphold rate of
    the council against the average of similar authorities)."""

    share: Share
    published: Decimal


@dataclass(frozen=True)
class Suppressed:
    """A small count withheld so that no one can be identified (shown as c), or a figure that
    would give it away: see `generator.figures.disclosure`."""

    share: bool = False  # it was a share, so open data keeps a percentage column for it


# A cell is a count, a share, a rate, money, a change, days, a published percentage, text,
# suppressed, or None for
# "not reported that year".
Cell = int | Share | Rate | Money | Change | Days | Percent | Points | Suppressed | str | None


@dataclass(frozen=True)
class Column:
    key: str  # a reporting year such as '2019-20', or a measure such as 'customers'
    heading: str
    year: str | None = None  # the reporting year the column belongs to, if any
    # What its cells hold: count | share | customers | rate | money | change | text | mixed.
    measure: str = "count"


@dataclass(frozen=True)
class Row:
    key: str  # the taxonomy id, band id or measure the row counts
    label: str
    cells: tuple[Cell, ...]
    level: int = 0  # 1 for a sub-row, e.g. a sub-subject under its category
    is_total: bool = False
    is_heading: bool = False  # a group heading (e.g. a service-area group): its cells are all None
    parts: tuple[str, ...] = ()  # a combined row ('upheld in full or in part'): the rows it adds up


@dataclass(frozen=True)
class Table:
    id: str  # stable, used for anchors, CSV and chart file names: 'outcomes'
    number: int  # table number in the year's report
    title: str
    row_heading: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    notes: tuple[str, ...] = ()  # definitions, still-open cases, former names
    faults: tuple[str, ...] = ()  # where a published earlier table did not add up, stated openly
    definition: str = ""  # anchor on the methodology page that defines what is counted
    chart: str | None = "bars"  # 'bars' to chart the year columns of non-total rows; None for no chart
    extra: dict[str, object] = field(default_factory=dict)
