"""The RAG rule: the one place the tracker decides red, amber or green.

Nothing here is typed into a record; the rating follows from the status, the timescale, its
revisions and the review notes, judged against an as-of date. The rule's wording for the page
is built from the same numbers the code uses, so the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.language import N_, _
from generator.tracker.timescales import long_date, months_before

DUE_SOON_DAYS = 60  # due within this many days of the as-of date: amber
MOST_REVISIONS_BEFORE_AMBER = 1  # revised more times than this: amber
REVIEW_MONTHS = 6  # an ongoing action not reviewed within this many months: amber

RED, AMBER, GREEN = "red", "amber", "green"
RAG_NAMES = {RED: N_("Red"), AMBER: N_("Amber"), GREEN: N_("Green")}  # translated where shown
RAG_ORDER = (RED, AMBER, GREEN)

_TIMES = "once" if MOST_REVISIONS_BEFORE_AMBER == 1 else f"{MOST_REVISIONS_BEFORE_AMBER} times"

# Markdown, shown on the overview exactly as written here.
RULE: tuple[str, ...] = (
    "**Green** when the action is complete (on or before the as-of date).",
    "**Red (overdue)** when it is not complete and its timescale has passed. A date falls due at the "
    "end of that day; a month (such as March 2020) falls due at the end of its last day.",
    f"**Amber** when it falls due within the next {DUE_SOON_DAYS} days (the as-of date included), "
    f"or when its timescale has been revised more than {_TIMES}.",
    "**Ongoing** actions, which have no end date, are **amber** if they have had no review note in "
    f"the {REVIEW_MONTHS} months up to the as-of date, and **green** if they have.",
    f"**Green** otherwise: due more than {DUE_SOON_DAYS} days after the as-of date, and revised at "
    f"most {_TIMES}.",
    "An action with several steps falls due when its last dated step does, using each step's "
    "latest agreed timescale.",
)


@dataclass(frozen=True)
class Rating:
    rag: str  # red | amber | green
    reason: str  # why, in words, starting with the colour's name
    overdue: bool
    complete: bool = False  # complete on or before the as-of date

    @property
    def name(self) -> str:
        return _(RAG_NAMES[self.rag])


def rate(
    *, complete: bool, completed: date | None, due: date | None, revisions: int,
    last_review: date | None, as_of: date,
) -> Rating:
    """Rate one action by the rule above. `complete` is the record's status being complete."""
    if complete and (completed is None or completed <= as_of):
        when = f" on {long_date(completed)}" if completed else ""
        return Rating(GREEN, f"Green: complete{when}.", overdue=False, complete=True)
    if due is not None and as_of > due:
        return Rating(
            RED, f"Red: due {long_date(due)}, not complete as of {long_date(as_of)}.", overdue=True,
        )
    if due is not None and (due - as_of).days <= DUE_SOON_DAYS:
        return Rating(
            AMBER, f"Amber: due {long_date(due)}, within {DUE_SOON_DAYS} days of {long_date(as_of)}.",
            overdue=False,
        )
    if revisions > MOST_REVISIONS_BEFORE_AMBER:
        return Rating(AMBER, f"Amber: its timescale has been revised {revisions} times.", overdue=False)
    if due is None:
        return _rate_ongoing(last_review, as_of)
    return Rating(
        GREEN,
        f"Green: due {long_date(due)}, more than {DUE_SOON_DAYS} days after {long_date(as_of)}.",
        overdue=False,
    )


def _rate_ongoing(last_review: date | None, as_of: date) -> Rating:
    if last_review is None:
        return Rating(AMBER, "Amber: ongoing, with no review note yet.", overdue=False)
    if last_review < months_before(as_of, REVIEW_MONTHS):
        return Rating(
            AMBER,
            f"Amber: ongoing, last reviewed {long_date(last_review)}, more than {REVIEW_MONTHS} "
            f"months before {long_date(as_of)}.",
            overdue=False,
        )
    return Rating(
        GREEN,
        f"Green: ongoing, last reviewed {long_date(last_review)}, within {REVIEW_MONTHS} months "
        f"of {long_date(as_of)}.",
        overdue=False,
    )
