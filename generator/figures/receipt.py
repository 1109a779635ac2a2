"""Tables: where complaints first arrived (point of receipt) and how they were sent (method)."""

from __future__ import annotations

from collections.abc import Sequence

from generator.figures.basis import YearBasis
from generator.figures.counts import taxonomy_table
from generator.figures.table import Table
from generator.model import Records
from generator.model.organisation import lower


def receipt_points_table(records: Records, years: Sequence[YearBasis]) -> Table:
    title = f"Point of receipt of {lower(records.organisation.complaints_name)}"
    return taxonomy_table("receipt_points", title, "Point of receipt",
                          records.organisation.receipt_points, lambda case: case.receipt_point, years,
                          "receipt")


def receipt_methods_table(records: Records, years: Sequence[YearBasis]) -> Table:
    title = f"Method of receipt of {lower(records.organisation.complaints_name)}"
    return taxonomy_table("receipt_methods", title, "Method of receipt",
                          records.organisation.receipt_methods, lambda case: case.receipt_method, years,
                          "receipt")
