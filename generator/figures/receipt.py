"""Tables: where complaints first arrived (point of receipt) and how they were sent (method)."""

from __future__ import annotations

from collections.abc import Sequence

from generator.figures.basis import YearBasis
from generator.figures.counts import taxonomy_table
from generator.figures.table import Table
from generator.language import _
from generator.model import Records
from generator.model.organisation import lower


def receipt_points_table(records: Records, years: Sequence[YearBasis]) -> Table:
    title = _("Point of receipt of %(complaints)s", complaints=lower(records.organisation.complaints_name))
    return taxonomy_table("receipt_points", title, _("Point of receipt"),
                          records.organisation.receipt_points, lambda case: case.receipt_point, years,
                          "receipt")


def receipt_methods_table(records: Records, years: Sequence[YearBasis]) -> Table:
    title = _("Method of receipt of %(complaints)s", complaints=lower(records.organisation.complaints_name))
    return taxonomy_table("receipt_methods", title, _("Method of receipt"),
                          records.organisation.receipt_methods, lambda case: case.receipt_method, years,
                          "receipt")
