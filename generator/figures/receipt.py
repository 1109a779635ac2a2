"""Tables: where complaints first arrived (point of receipt) and how they were sent (method)."""

from __future__ import annotations

from collections.abc import Sequence

from generator.figures.basis import YearBasis
from generator.figures.counts import taxonomy_table
from generator.figures.table import Table
from generator.model import Records


def receipt_points_table(records: Records, years: Sequence[YearBasis]) -> Table:
    return taxonomy_table("receipt_points", "Point of receipt of formal complaints", "Point of receipt",
                          records.organisation.receipt_points, lambda case: case.receipt_point, years,
                          "receipt")


def receipt_methods_table(records: Records, years: Sequence[YearBasis]) -> Table:
    return taxonomy_table("receipt_methods", "Method of receipt of formal complaints", "Method of receipt",
                          records.organisation.receipt_methods, lambda case: case.receipt_method, years,
                          "receipt")
