"""CSV open data: opens cleanly in Excel (UTF-8 with a byte-order mark) and never as formulas."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from generator.figures.table import Change, Column, Money, Row, Share, Table
from generator.views.open_data import table_csv

ATTACKS = [
    "=HYPERLINK(\"https://evil.example/\",\"Click\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)",
    "\t=1+1", "\r=1+1", "  =1+1", "\uff1d1+1",
]


def read_back(text: str) -> list[list[str]]:
    """The file's bytes read as Excel and Python's csv do: UTF-8, byte-order mark skipped."""
    data = text.encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def table(labels: list[str]) -> Table:
    return Table("t", 1, "T", "Row", (Column("2019-20", "2019-20", "2019-20", "count"),),
                 tuple(Row(f"r{index}", label, (index,)) for index, label in enumerate(labels)))


def test_the_file_starts_with_a_byte_order_mark_and_reads_back_as_written():
    rows = read_back(table_csv(table(["Distress, £ and “quotes”", "Café"])))
    assert rows[0] == ["id", "label", "2019-20"]
    assert rows[1:] == [["r0", "Distress, £ and “quotes”", "0"], ["r1", "Café", "1"]]


@pytest.mark.parametrize("label", ATTACKS)
def test_a_label_a_spreadsheet_would_run_is_kept_as_text(label: str):
    rows = read_back(table_csv(table([label])))
    assert rows[1][1] == "'" + " ".join(label.split())  # on one line, as the page shows it


def test_a_text_cell_and_a_column_name_are_guarded_too():
    attack = Table("t", 1, "T", "Row", (Column("=cmd", "=cmd", None, "text"),),
                   (Row("r", "Team", ("=1+1",)),))
    rows = read_back(table_csv(attack))
    assert rows[0] == ["id", "label", "'=cmd"]
    assert rows[1] == ["r", "Team", "'=1+1"]


def test_negative_numbers_stay_numbers():
    falling = Table(
        "t", 1, "T", "Row",
        (Column("change", "Change", None, "change"), Column("amount", "Amount", "2019-20", "money")),
        (Row("fewer", "Fewer", (Change(40, 30), Money(Decimal("-12.50")))),
         Row("share", "-Share", (Change(10, 20), Money(Decimal("3")))),),
    )
    rows = read_back(table_csv(falling))
    assert rows[1] == ["fewer", "Fewer", "-25.0", "-12.50"]
    assert rows[2] == ["share", "'-Share", "100.0", "3"]


def test_a_line_break_in_a_label_does_not_split_its_row():
    rows = read_back(table_csv(table(["Home\r\ncare\rteam", "Next"])))
    assert rows[1:] == [["r0", "Home care team", "0"], ["r1", "Next", "1"]]


def test_ordinary_labels_are_not_changed():
    labels = ["Upheld", "Son / daughter", "Chester, E. Port & Rural", "A-Z team", "'quoted' already"]
    rows = read_back(table_csv(table(labels)))
    assert [row[1] for row in rows[1:]] == labels


def test_shares_are_unchanged():
    shares = Table("t", 1, "T", "Row", (Column("2019-20", "2019-20", "2019-20", "share"),),
                   (Row("up", "Upheld", (Share(8, 35),)),))
    assert read_back(table_csv(shares))[1] == ["up", "Upheld", "8", "22.9"]
