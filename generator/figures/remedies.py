"""Tables: every financial remedy of the ombudsman's decisions in the year, totalled, and the other
remedies (apologies and non-financial) with how many decisions asked for each."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import Decimal

from generator.figures.basis import YearBasis
from generator.figures.ombudsman import from_records
from generator.figures.table import Column, Money, Row, Table
from generator.language import N_, _
from generator.model import OmbudsmanCase, Records, Remedy

APOLOGY = N_("Apology")
OTHER_REMEDY = N_("Other remedy")  # a non-financial remedy given no reason


def money(remedy: Remedy) -> Money:
    # Through str so 0.1 stays 0.1 rather than its binary approximation.
    return Money(Decimal(str(remedy.amount or 0)))


def financial_rows(cases: Sequence[OmbudsmanCase]) -> list[Row]:
    return [
        Row(f"{case.id}:{index}", remedy.reason or _("Financial remedy"), (money(remedy),))
        for case in cases
        for index, remedy in enumerate(case.remedies, start=1)
        if remedy.kind == "financial"
    ]


def ombudsman_remedies_table(records: Records, years: Sequence[YearBasis]) -> Table | None:
    """Left out for a year without ombudsman or case records: earlier reports' remedies are not kept."""
    if not from_records(years[0]):
        return None
    year = years[0].year
    rows = financial_rows(years[0].ombudsman_decided)
    amounts = [cell.amount for row in rows for cell in row.cells if isinstance(cell, Money)]
    total = Money(sum(amounts, Decimal(0)))
    return Table(
        id="ombudsman_remedies", number=0, title=_("Financial remedies the ombudsman asked for"),
        row_heading=_("Reason"), columns=(Column("amount", _("Amount %(year)s", year=year), year, "money"),),
        rows=(*rows, Row("total", _("Total financial remedies"), (total,), is_total=True)),
        notes=(_("Remedies of the decisions the ombudsman made in the year."),),
        definition="ombudsman-remedies", chart=None,
    )


def other_remedies(cases: Sequence[OmbudsmanCase]) -> Counter[str]:
    """How many decisions asked for each non-financial remedy (an apology counted as one)."""
    found: Counter[str] = Counter()
    for case in cases:
        kinds = {APOLOGY if remedy.kind == "apology" else (remedy.reason or OTHER_REMEDY)
                 for remedy in case.remedies if remedy.kind != "financial"}
        found.update(kinds)
    return found


def ombudsman_other_remedies_table(records: Records, years: Sequence[YearBasis]) -> Table | None:
    if not from_records(years[0]):
        return None
    year = years[0].year
    counted = other_remedies(years[0].ombudsman_decided)
    ordered = sorted(counted, key=lambda reason: (reason != APOLOGY, reason))
    return Table(
        id="ombudsman_other_remedies", number=0, title=_("Other remedies the ombudsman asked for"),
        row_heading=_("Remedy"), columns=(Column(year, _("Decisions %(year)s", year=year), year, "count"),),
        rows=tuple(Row(f"remedy-{index}", _(reason) if reason in (APOLOGY, OTHER_REMEDY) else reason,
                       (counted[reason],))
                   for index, reason in enumerate(ordered, start=1)),
        notes=(_("One decision can ask for several remedies, so this column has no total."),),
        definition="ombudsman-remedies", chart=None,
    )
