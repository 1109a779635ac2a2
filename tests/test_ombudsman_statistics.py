"""The ombudsman's own figures (issue 15): statistics records of the LGSCO, PSOW and SPSO, set beside
the fixture councils' own ombudsman cases and reconciled with them.

Every expected figure is counted by hand from the fixture's records; the comments name them.
England 2023-24: OMB-2022-01 (received 20 February 2023, decided 10 May 2023: the year after),
OMB-2023-01 (received and decided in 2023-24, upheld, two recommendations: one on time, one late),
OMB-2023-02 (received 12 February 2024, undecided at the year's end). Its LGSCO statistics give 5
received, 5 decisions (1 incomplete or invalid, 1 referred back, 2 closed after initial enquiries,
1 upheld), 1 detailed investigation, 2 compliance outcomes complied with, 0 satisfactory remedies.
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from fixture_reports import FIXTURES, column, report

from generator.cli import main
from generator.figures.report import year_report
from generator.figures.table import Percent, Points, Share, Suppressed
from generator.language import gettext, speaking
from generator.ombudsman_published import categories
from generator.ombudsman_reconciliation import Held, reconcile
from generator.records import load_records
from generator.views.cells import cell_text

YEAR = "2023-24"
PROJECT = Path(__file__).resolve().parent.parent


def cells(name: str, table_id: str, column_key: str, year: str = YEAR) -> dict[str, object]:
    return column(name, year, table_id, column_key)


def test_england_the_lgsco_figures_beside_the_council_s_own() -> None:
    ombudsman = cells("england", "ombudsman_beside", "ombudsman")
    council = cells("england", "ombudsman_beside", "council")
    assert ombudsman["received"] == 5 and council["received"] == 2  # OMB-2023-01, 02
    assert ombudsman["decided"] == 5 and council["decided"] == 2  # OMB-2022-01, OMB-2023-01
    assert ombudsman["detailed_investigations"] == 1 and council["detailed_investigations"] == 1
    assert ombudsman["uphold_rate"] == Share(1, 1) and council["uphold_rate"] == Share(1, 1)
    assert ombudsman["compliance_rate"] == Share(2, 2)
    assert council["compliance_rate"] == Share(2, 2)  # on time and late both complied
    assert ombudsman["satisfactory_remedy_rate"] == Share(0, 1) == council["satisfactory_remedy_rate"]
    assert council["open_at_year_end"] == 1  # OMB-2023-02
    assert "intervention_rate" not in ombudsman  # the LGSCO publishes none


def test_england_reconciliation_a_case_decided_the_year_after_and_cases_only_the_ombudsman_knows() -> None:
    lines = cells("england", "ombudsman_reconciliation", "cases")
    assert lines == {
        "received-only-ombudsman": 3,  # 5 received by the LGSCO, 2 known to the council
        "council-received": 2,
        "open-at-year-end": 1,  # OMB-2023-02
        "decided-later": 1,  # OMB-2022-01, received 2022-23
        "in-both": 2,  # OMB-2022-01 (closed after initial enquiries), OMB-2023-01 (upheld)
        "only-ombudsman-assessment": 3,  # invalid 1, referred back 1, one more closed after enquiries
        "only-ombudsman-investigated": 0,
        "only-council": 0,
        "ombudsman-decided": 5,
    }
    table = report("england", YEAR).table("ombudsman_reconciliation")
    assert table.notes == ("Every difference between the two counts is explained above.",)
    assert all("(not explained)" not in row.label for row in table.rows)


def test_england_the_earlier_year_holds_the_case_still_open_at_its_end() -> None:
    # 2022-23: OMB-2022-01 received, not decided until May 2023; the LGSCO decided 2 at assessment.
    lines = cells("england", "ombudsman_reconciliation", "cases", "2022-23")
    assert lines["council-received"] == 1 and lines["open-at-year-end"] == 1
    assert lines["in-both"] == 0 and lines["only-ombudsman-assessment"] == 2
    assert lines["ombudsman-decided"] == 2


def test_england_compared_with_similar_authorities() -> None:
    similar = cells("england", "ombudsman_similar", YEAR)
    assert similar["uphold_rate"] == Share(1, 1)
    assert similar["uphold_rate:similar"] == Percent(Decimal("78"), None)
    assert similar["uphold_rate:difference"] == Points(Share(1, 1), Decimal("78"))
    assert cell_text(similar["uphold_rate:difference"]) == "+22 points"  # 100 - 78
    assert cell_text(similar["satisfactory_remedy_rate:difference"]) == "-14 points"  # 0 - 14
    assert cell_text(similar["compliance_rate:difference"]) == "level"  # 100 - 100
    assert report("england", YEAR).table("ombudsman_similar").chart == "bars"
    figures = report("england", YEAR).figures
    assert figures["ombudsman_uphold_rate"] == Share(1, 1)
    assert figures["ombudsman_similar_uphold_rate"] == Percent(Decimal("78"), None)
    assert cell_text(figures["ombudsman_uphold_rate_difference"]) == "+22 points"
    assert figures["ombudsman_own_decided"] == 5


def test_england_three_years_of_the_lgsco_s_own_figures() -> None:
    earlier = cells("england", "ombudsman_statistics", "2022-23")
    assert earlier["received"] == 3 and earlier["decided"] == 2
    assert earlier["decided:closed-after-initial-enquiries"] == 1
    assert earlier["decided:referred-back-for-local-resolution"] == 1
    assert earlier["uphold_rate"] is None  # no detailed investigation: no rate, not 0%
    assert cells("england", "ombudsman_statistics", YEAR)["upheld_per_100000"] == "0.6"


def test_wales_the_psow_s_intervention_rate_and_no_uphold_rate() -> None:
    ombudsman = cells("wales", "ombudsman_beside", "ombudsman")
    # 3 decisions: out of jurisdiction, premature, closed after initial consideration; no intervention.
    assert ombudsman["decided"] == 3 and ombudsman["intervention_rate"] == Share(0, 3)
    assert "uphold_rate" not in ombudsman and "satisfactory_remedy_rate" not in ombudsman
    assert cells("wales", "ombudsman_beside", "council")["decided"] == 1  # OMB-2023-01
    lines = cells("wales", "ombudsman_reconciliation", "cases")
    assert lines["in-both"] == 1 and lines["only-ombudsman-assessment"] == 2
    similar = cells("wales", "ombudsman_similar", YEAR)
    assert cell_text(similar["intervention_rate:difference"]) == "-14 points"  # 0 - 14


def test_scotland_the_spso_s_figures_and_a_case_still_open() -> None:
    council = cells("scotland", "ombudsman_beside", "council")
    assert council["received"] == 1 and council["decided"] == 0 and council["open_at_year_end"] == 1
    lines = cells("scotland", "ombudsman_reconciliation", "cases")
    assert lines["open-at-year-end"] == 1 and lines["only-ombudsman-assessment"] == 2
    assert lines["ombudsman-decided"] == 2  # premature 1, not duly made or withdrawn 1
    rows = [row.key for row in report("scotland", YEAR).table("ombudsman_statistics").rows]
    assert "decided:some-upheld" in rows and "decided:upheld" not in rows  # the SPSO's own categories


def test_the_demo_reconciles_every_year_with_every_difference_explained() -> None:
    records = load_records(PROJECT)
    latest = year_report(records, "2019-20")
    lines = {row.key: row.cells[0] for row in latest.table("ombudsman_reconciliation").rows}
    # 14 cases received and decided in 2019-20; the LGSCO decided 17: one more advice given, one
    # more referred back, one more closed after initial enquiries than the demo's records hold.
    assert lines["council-received"] == 14 and lines["in-both"] == 14
    assert lines["only-ombudsman-assessment"] == 3 and lines["ombudsman-decided"] == 17
    earlier = year_report(records, "2018-19")
    lines = {row.key: row.cells[0] for row in earlier.table("ombudsman_reconciliation").rows}
    # The 2018-19 report published 16 decisions; the LGSCO counted 18, 12 of them at assessment.
    assert lines == {"received-only-ombudsman": 1, "council-decided": 16, "only-ombudsman-assessment": 2,
                     "ombudsman-decided": 18}
    for report_of in (latest, earlier):
        assert report_of.table("ombudsman_reconciliation").notes[0].startswith("Every difference")
    # 2017-18's report published no ombudsman figures (its history record says null): nothing to
    # reconcile, said so, and no count shown as 0.
    first = year_report(records, "2017-18").table("ombudsman_reconciliation")
    assert [(row.key, row.cells[0]) for row in first.rows] == [("no-council-figure", None)]
    assert first.notes[0].startswith("The council's report for 2017-18 published no count")


def _copy(name: str, tmp_path: Path) -> Path:
    root = tmp_path / name
    shutil.copytree(FIXTURES / name / "records", root / "records")
    return root


def _second_upheld_investigation(root: Path) -> None:
    """The LGSCO's letter with a second upheld investigation the council has no record of."""
    path = root / "records" / "ombudsman-statistics" / "2023-24.yaml"
    text = path.read_text(encoding="utf-8").replace("  upheld: 1\n", "  upheld: 2\n")
    text = text.replace("detailed_investigations: 1\nupheld: 1\n", "detailed_investigations: 2\nupheld: 2\n")
    path.write_text(text, encoding="utf-8")


def test_a_mismatch_beyond_explanation_is_a_warning_and_validate_still_passes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _copy("england", tmp_path)
    _second_upheld_investigation(root)
    assert main(["validate", "--root", str(root)]) == 0
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        "warning: records/ombudsman-statistics/2023-24.yaml:11:3: decisions: In 2023-24 the ombudsman "
        "counted 1 more decision after a detailed investigation or a settlement with the council than the "
        "council's ombudsman case records hold. The report says so in its reconciliation; check the "
        "council's ombudsman case records against the ombudsman's letter",
    ]
    summary = "All 16 records are valid. (1 warning about the ombudsman's figures, above)"
    assert out.splitlines()[-1] == summary
    table = year_report(load_records(root), YEAR).table("ombudsman_reconciliation")
    lines = {row.key: row for row in table.rows}
    assert lines["only-ombudsman-investigated"].cells[0] == 1
    assert lines["only-ombudsman-investigated"].label.endswith("(not explained)")
    assert table.notes[0].startswith("Where the counts still disagree: In 2023-24 the ombudsman counted 1")


def test_every_fixture_s_figures_validate_without_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("england", "wales", "scotland"):
        assert main(["validate", "--root", str(FIXTURES / name)]) == 0, name
        assert "warning" not in capsys.readouterr().err, name


def test_a_rate_with_a_suppressed_base_is_suppressed(tmp_path: Path) -> None:
    root = _copy("england", tmp_path)
    organisation = root / "records" / "organisation.yaml"
    organisation.write_text(organisation.read_text(encoding="utf-8") + "disclosure: {threshold: 2}\n",
                            encoding="utf-8")
    figures = year_report(load_records(root), YEAR)
    beside = {row.key: row.cells for row in figures.table("ombudsman_beside").rows}
    assert beside["uphold_rate"][0] == Suppressed(share=True)  # 1 upheld of 1 investigated: both hidden
    assert beside["compliance_rate"] == (Share(2, 2), Share(2, 2))  # 2 of 2: nothing under 2
    similar = {row.key: row.cells for row in figures.table("ombudsman_similar").rows}
    assert isinstance(similar["uphold_rate:difference"][0], Suppressed)


def test_reconciling_a_decision_without_a_category_and_one_only_the_council_holds() -> None:
    from datetime import date
    held = [Held("OMB-2023-01", date(2023, 5, 1), date(2023, 6, 1), None),  # category unknown
            Held("OMB-2023-02", date(2023, 5, 2), date(2023, 7, 1), "not-upheld")]
    # The LGSCO counted one upheld and nothing else: the uncategorised case fills it, and the
    # not-upheld decision only the council holds is not explained.
    found = reconcile(YEAR, "lgsco", 2, {"upheld": 1}, held)
    lines = {line.key: line.count for line in found.decided}
    assert lines["in-both"] == 1 and lines["only-council"] == 1 and lines["ombudsman-decided"] == 1
    assert found.unexplained == ("In 2023-24 the council's ombudsman case records hold 1 decision that "
                                 "the ombudsman's count by category has no room for.",)


@pytest.mark.parametrize(("name", "published", "not_published"), [
    ("england", "# satisfactory_remedy_rate:", "intervention_rate"),
    ("wales", "# intervention_rate:", "uphold_rate"),
    ("scotland", "# uphold_rate:", "compliance_rate"),
])
def test_candour_new_starts_the_year_s_statistics_with_the_ombudsman_s_own_fields(
        name: str, published: str, not_published: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    root = _copy(name, tmp_path)
    shutil.rmtree(root / "records" / "ombudsman-statistics")
    assert main(["new", "ombudsman-statistics", "--year", "2022-23", "--root", str(root)]) == 0
    text = (root / "records" / "ombudsman-statistics" / "2022-23.yaml").read_text(encoding="utf-8")
    assert "year: 2022-23\n" in text and published in text and not_published not in text
    assert main(["new", "ombudsman-statistics", "--year", "2022-23", "--root", str(root)]) == 1
    assert "is there already" in capsys.readouterr().err
    assert main(["validate", "--root", str(root)]) == 1  # its source still says TODO
    assert "source.title: still says TODO: fill it in" in capsys.readouterr().out


def test_the_warning_holds_when_validate_reads_its_records_from_the_cache(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from generator.cache_trust import FOLDER

    root = _copy("england", tmp_path)
    (root / ".gitignore").write_text(f"{FOLDER}\n", encoding="utf-8")  # the repository keeps the cache
    _second_upheld_investigation(root)
    for _ in range(2):  # cold, then every record known clean from the cache
        assert main(["validate", "--root", str(root)]) == 0
        assert capsys.readouterr().err.startswith("warning: records/ombudsman-statistics/2023-24.yaml:11:3:")
    assert (root / FOLDER).is_dir()


def test_the_ombudsman_section_in_welsh() -> None:
    with speaking("cy"):
        found = year_report(load_records(FIXTURES / "wales"), YEAR)
        statistics = found.table("ombudsman_statistics")
        labels = {row.key: row.label for row in statistics.rows}
        reconciliation = found.table("ombudsman_reconciliation")
        similar = found.table("ombudsman_similar")
        beside = found.table("ombudsman_beside")
    assert statistics.title == "Ffigurau Ombwdsmon Gwasanaethau Cyhoeddus Cymru ar gyfer y cyngor"
    assert labels["decided:out-of-jurisdiction"] == "Y tu allan i'r awdurdodaeth"
    assert labels["decided:premature"] == "Cynamserol"
    assert labels["received"] == "Cwynion ac ymholiadau a ddaeth i law"
    assert beside.title.startswith("Ffigurau Ombwdsmon Gwasanaethau Cyhoeddus Cymru wrth ymyl")
    assert [column.heading for column in beside.columns] == ["Ffigurau'r ombwdsmon", "Cofnodion y cyngor"]
    lines = {row.key: row for row in reconciliation.rows}
    assert lines["in-both"].label == "Penderfyniadau yn y ddau gyfrif"
    assert lines["in-both"].cells[1] == ("penderfyniadau'r flwyddyn sydd yng nghofnodion y cyngor ac a "
                                         "gyfrifwyd gan yr ombwdsmon")
    assert reconciliation.notes == ("Mae pob gwahaniaeth rhwng y ddau gyfrif wedi'i esbonio uchod.",)
    assert similar.title.startswith("Y cyngor ac awdurdodau tebyg (cynghorau Cymru), yn ôl ffigurau")
    assert {row.key: row.label for row in similar.rows}["intervention_rate:similar"] == (
        "Cyfradd ymyrryd: cyfartaledd awdurdodau tebyg")


def test_a_mismatch_is_said_in_welsh_and_validate_says_it_in_english(tmp_path: Path) -> None:
    root = _copy("england", tmp_path)
    _second_upheld_investigation(root)
    with speaking("cy"):
        table = year_report(load_records(root), YEAR).table("ombudsman_reconciliation")
    lines = {row.key: row for row in table.rows}
    assert lines["only-ombudsman-investigated"].label.endswith("(heb ei esbonio)")
    assert table.notes[0].startswith(
        "Lle mae'r cyfrifon yn dal i anghytuno: Yn 2023-24 cyfrifodd yr ombwdsmon 1 penderfyniad yn fwy ar "
        "ôl ymchwiliad manwl neu setliad gyda'r cyngor")


@pytest.mark.parametrize("ombudsman", ["lgsco", "psow", "spso", "nipso"])
def test_every_decision_category_and_ombudsman_has_its_welsh(ombudsman: str) -> None:
    names = {"lgsco": "Local Government and Social Care Ombudsman",
             "psow": "Public Services Ombudsman for Wales", "spso": "Scottish Public Services Ombudsman",
             "nipso": "Northern Ireland Public Services Ombudsman"}
    with speaking("cy"):
        assert gettext(names[ombudsman]).startswith("Ombwdsmon ")
        for category in categories(ombudsman):
            assert gettext(category.title) != category.title, category.id


def test_england_ombudsman_cases_by_service_area() -> None:
    table = report("england", YEAR).table("ombudsman_service_areas")
    rows = {row.key: (row.label, row.cells) for row in table.rows}
    assert rows == {
        # OMB-2023-02 received (still open); OMB-2022-01 decided (received the year before), not upheld
        "home-care": ("Home care", (1, 1, 0)),
        # OMB-2023-01: received, decided and upheld after a detailed investigation in 2023-24
        "assessment": ("Assessment and review", (1, 1, 1)),
        "total": ("Total", (2, 2, 1)),
    }


def test_scotland_a_case_without_a_service_area_is_counted_as_not_recorded() -> None:
    table = report("scotland", YEAR).table("ombudsman_service_areas")
    # OMB-2023-01: received 10 January 2024, not decided yet, no service area given
    assert {row.key: row.cells for row in table.rows} == {"not-recorded": (1, 0, 0), "total": (1, 0, 0)}


def test_a_case_naming_only_its_group_is_counted_on_the_group_s_row(tmp_path: Path) -> None:
    root = _copy("england", tmp_path)
    organisation = root / "records" / "organisation.yaml"
    text = organisation.read_text(encoding="utf-8")
    organisation.write_text(text.replace("{id: home-care, name: Home care,",
                                         "{id: home-care, name: Home care, group: Adults,"), encoding="utf-8")
    case = root / "records" / "ombudsman" / "2023-24" / "OMB-2023-02.yaml"
    text = case.read_text(encoding="utf-8")
    case.write_text(text.replace("service_area: home-care", "service_group: adults"), encoding="utf-8")
    assert main(["validate", "--root", str(root)]) == 0
    table = year_report(load_records(root), YEAR).table("ombudsman_service_areas")
    assert {row.key: (row.label, row.cells) for row in table.rows} == {
        "home-care": ("Home care", (0, 1, 0)),  # OMB-2022-01 decided
        "assessment": ("Assessment and review", (1, 1, 1)),  # OMB-2023-01
        "group:adults": ("Adults (the group only)", (1, 0, 0)),  # OMB-2023-02, received, open
        "total": ("Total", (2, 2, 1)),
    }
