from datetime import date

import pytest

from generator.workingdays import Region, add_working_days, is_working_day, working_days_between

ENGLAND = Region("GB", "ENG")
WALES = Region("GB", "WLS")
SCOTLAND = Region("GB", "SCT")


def test_same_day_is_zero() -> None:
    assert working_days_between(date(2019, 6, 3), date(2019, 6, 3), ENGLAND) == 0


def test_next_working_day_is_one() -> None:
    assert working_days_between(date(2019, 6, 3), date(2019, 6, 4), ENGLAND) == 1


def test_weekend_only_span_is_zero() -> None:
    # Friday to Sunday: Saturday and Sunday are not working days.
    assert working_days_between(date(2019, 6, 7), date(2019, 6, 9), ENGLAND) == 0
    assert working_days_between(date(2019, 6, 8), date(2019, 6, 9), ENGLAND) == 0


def test_friday_to_monday_is_one() -> None:
    assert working_days_between(date(2019, 6, 7), date(2019, 6, 10), ENGLAND) == 1


def test_plain_four_weeks_is_twenty() -> None:
    assert working_days_between(date(2019, 6, 3), date(2019, 7, 1), ENGLAND) == 20


def test_across_easter_skips_good_friday_and_easter_monday() -> None:
    # Thursday 9 April 2020 to Thursday 16 April 2020: Good Friday 10th, Easter Monday 13th.
    assert working_days_between(date(2020, 4, 9), date(2020, 4, 16), ENGLAND) == 3


def test_christmas_with_substitute_days() -> None:
    # 2021: Christmas and Boxing Day fall at the weekend; 27th and 28th are the substitutes.
    assert working_days_between(date(2021, 12, 24), date(2021, 12, 31), ENGLAND) == 3
    # 2020: Boxing Day is a Saturday; Monday 28th is the substitute.
    assert working_days_between(date(2020, 12, 24), date(2020, 12, 29), ENGLAND) == 1


def test_across_new_year_counts_both_calendar_years() -> None:
    # Thu 31 Dec 2020 -> Tue 5 Jan 2021: New Year's Day (Fri 1st) is a holiday.
    assert working_days_between(date(2020, 12, 31), date(2021, 1, 5), ENGLAND) == 2


def test_2022_one_off_bank_holidays() -> None:
    # Spring bank holiday moved to Thursday 2 June, Platinum Jubilee Friday 3 June 2022.
    assert working_days_between(date(2022, 6, 1), date(2022, 6, 6), ENGLAND) == 1
    # State Funeral of Queen Elizabeth II, Monday 19 September 2022.
    assert working_days_between(date(2022, 9, 16), date(2022, 9, 20), ENGLAND) == 1
    assert not is_working_day(date(2022, 9, 19), ENGLAND)


def test_region_matters() -> None:
    # 2 January is a bank holiday in Scotland only; St Andrew's Day observed 30 Nov 2020 (Mon).
    assert working_days_between(date(2020, 1, 1), date(2020, 1, 3), ENGLAND) == 2
    assert working_days_between(date(2020, 1, 1), date(2020, 1, 3), SCOTLAND) == 1
    assert working_days_between(date(2020, 1, 1), date(2020, 1, 3), WALES) == 2


def test_end_before_start_is_negative() -> None:
    assert working_days_between(date(2019, 7, 1), date(2019, 6, 3), ENGLAND) == -20


@pytest.mark.parametrize(
    ("start", "count", "due"),
    [
        (date(2019, 6, 3), 0, date(2019, 6, 3)),
        (date(2019, 6, 3), 20, date(2019, 7, 1)),
        (date(2020, 4, 9), 1, date(2020, 4, 14)),  # over Easter
        (date(2022, 6, 1), 1, date(2022, 6, 6)),  # over the Jubilee weekend
        (date(2021, 12, 23), 3, date(2021, 12, 30)),  # 24th, then 29th and 30th
    ],
)
def test_add_working_days(start: date, count: int, due: date) -> None:
    assert add_working_days(start, count, ENGLAND) == due


@pytest.mark.parametrize("count", [0, 1, 3, 20, 40, 130])
def test_add_then_count_round_trips(count: int) -> None:
    start = date(2021, 12, 20)
    assert working_days_between(start, add_working_days(start, count, ENGLAND), ENGLAND) == count
