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

def _times() -> str:
    return (_("once") if MOST_REVISIONS_BEFORE_AMBER == 1
            else _("%(count)s times", count=MOST_REVISIONS_BEFORE_AMBER))


def rule_lines() -> tuple[str, ...]:
    """The rule in words, in Markdown, in the language being written: shown on the overview."""
    return (
        _("**Green** when the action is complete (on or before the as-of date)."),
        _("**Red (overdue)** when it is not complete and its timescale has passed. A date falls due at the "
          "end of that day; a month (such as March 2020) falls due at the end of its last day."),
        _("**Amber** when it falls due within the next %(days)s days (the as-of date included), "
          "or when its timescale has been revised more than %(times)s.", days=DUE_SOON_DAYS, times=_times()),
        _("**Ongoing** actions, which have no end date, are **amber** if they have had no review note in "
          "the %(months)s months up to the as-of date, and **green** if they have.", months=REVIEW_MONTHS),
        _("**Green** otherwise: due more than %(days)s days after the as-of date, and revised at "
          "most %(times)s.", days=DUE_SOON_DAYS, times=_times()),
        _("An action with several steps falls due when its last dated step does, using each step's "
          "latest agreed timescale."),
    )


RULE: tuple[str, ...] = rule_lines()  # in English, as the rule is written


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
        reason = (_("Green: complete on %(day)s.", day=long_date(completed)) if completed
                  else _("Green: complete."))
        return Rating(GREEN, reason, overdue=False, complete=True)
    if due is not None and as_of > due:
        return Rating(
            RED, _("Red: due %(due)s, not complete as of %(day)s.", due=long_date(due), day=long_date(as_of)),
            overdue=True,
        )
    if due is not None and (due - as_of).days <= DUE_SOON_DAYS:
        return Rating(
            AMBER, _("Amber: due %(due)s, within %(days)s days of %(day)s.", due=long_date(due),
                     days=DUE_SOON_DAYS, day=long_date(as_of)),
            overdue=False,
        )
    if revisions > MOST_REVISIONS_BEFORE_AMBER:
        return Rating(AMBER, _("Amber: its timescale has been revised %(count)s times.", count=revisions),
                      overdue=False)
    if due is None:
        return _rate_ongoing(last_review, as_of)
    return Rating(
        GREEN,
        _("Green: due %(due)s, more than %(days)s days after %(day)s.", due=long_date(due),
          days=DUE_SOON_DAYS, day=long_date(as_of)),
        overdue=False,
    )


def _rate_ongoing(last_review: date | None, as_of: date) -> Rating:
    if last_review is None:
        return Rating(AMBER, _("Amber: ongoing, with no review note yet."), overdue=False)
    if last_review < months_before(as_of, REVIEW_MONTHS):
        return Rating(
            AMBER,
            _("Amber: ongoing, last reviewed %(review)s, more than %(months)s months before %(day)s.",
              review=long_date(last_review), months=REVIEW_MONTHS, day=long_date(as_of)),
            overdue=False,
        )
    return Rating(
        GREEN,
        _("Green: ongoing, last reviewed %(review)s, within %(months)s months of %(day)s.",
          review=long_date(last_review), months=REVIEW_MONTHS, day=long_date(as_of)),
        overdue=False,
    )
