"""The council's count of ombudsman cases beside the ombudsman's own, reconciled: one definition,
read by the report's ombudsman section (`figures.ombudsman_statistics`) and by `candour validate`,
which warns where the two disagree beyond what the reconciliation explains.

The two counts differ for known reasons, each a line of the reconciliation:

- the council counts a case in the year the ombudsman received it; the ombudsman counts its
  decisions in the year it made them, so a case received in one year and decided in the next
  moves between the counts (`open-at-year-end`, `decided-later`);
- the ombudsman decides many complaints at assessment (advice given, referred back, closed after
  initial enquiries) without asking the council, which then never hears of them: those are
  explained (`only-ombudsman-assessment`);
- but the ombudsman asks the council about every complaint it investigates in detail or settles
  with it, so such a decision the council's records lack (`only-ombudsman-investigated`), or a decision
  in the council's records the ombudsman's count has no room for (`only-council`), is not explained.

Stage-less, like `counting`: it takes plain facts, so the check stage and the figures share it.
Its words are `Said`: English as they stand (validate prints them, and needs no catalogue), and
each keeps its catalogue message and values, so the report says them in the language it is
written in (`_(said.message, **said.values)`). In Welsh a noun after a number stays singular, so
the English singular and plural sentences are two messages, chosen by the count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from generator.language import N_
from generator.ombudsman_published import categories
from generator.years import reporting_year

NO_COUNCIL_FIGURE = "no-council-figure"


class Said(str):
    """A sentence in English, which remembers its catalogue message and values."""

    message: str
    values: dict[str, object]

    def __new__(cls, message: str, **values: object) -> Said:
        said = super().__new__(cls, message % values if values else message)
        said.message, said.values = message, values
        return said


@dataclass(frozen=True)
class Held:
    """An ombudsman case as the council's records hold it."""

    id: str
    received: date
    decided: date | None
    category: str | None  # the ombudsman's category, when known


@dataclass(frozen=True)
class Line:
    key: str
    label: Said
    count: int | None  # None: no such count was published
    explanation: Said
    explained: bool = True


@dataclass(frozen=True)
class Reconciliation:
    year: str
    received: tuple[Line, ...]  # the ombudsman's received beside the council's
    decided: tuple[Line, ...]  # from the council's received count to the ombudsman's decisions
    unexplained: tuple[Said, ...]  # sentences: where the counts still disagree

    @property
    def agrees(self) -> bool:
        return not self.unexplained


def category_of(category: str | None, decision: str | None, term_categories: Mapping[str, str],
                ombudsman: str) -> str | None:
    """A case's category in the ombudsman's own statistics: as the record gives it, else as the
    organisation file gives it for the decision, else the decision itself when it names one."""
    if category:
        return category
    if decision is None:
        return None
    if decision in term_categories:
        return term_categories[decision]
    return decision if decision in {c.id for c in categories(ombudsman)} else None


def recorded_in(year: str, held: Sequence[Held]) -> bool:
    """Whether the council kept ombudsman case records for the year (received or decided in it):
    otherwise its counts are those its report of the year published."""
    return any(reporting_year(case.received) == year
               or (case.decided is not None and reporting_year(case.decided) == year) for case in held)


def reconcile(year: str, ombudsman: str, published_received: int | None,
              published_decisions: Mapping[str, int] | None, held: Sequence[Held], *,
              history_received: int | None = None, history_decided: int | None = None,
              from_records: bool = True) -> Reconciliation:
    """The reconciliation for one year. `from_records`: the council's counts are its ombudsman case
    records; otherwise they are the figures its report of that year published (a history record)."""
    if from_records:
        council_received = sum(1 for case in held if reporting_year(case.received) == year)
    else:
        council_received = history_received
    received_lines, received_gaps = _received(year, published_received, council_received)
    if published_decisions is None:
        return Reconciliation(year, received_lines, (), received_gaps)
    if from_records:
        decided_lines, decided_gaps = _decided_from_records(year, ombudsman, published_decisions, held)
    else:
        decided_lines, decided_gaps = _decided_from_history(year, ombudsman, published_decisions,
                                                            history_decided)
    return Reconciliation(year, received_lines, decided_lines, received_gaps + decided_gaps)


Found = tuple[tuple[Line, ...], tuple[Said, ...]]  # the lines, and the sentences saying what disagrees


def _received(year: str, published: int | None, council: int | None) -> Found:
    if published is None or council is None:
        return (), ()
    difference = published - council
    if difference >= 0:
        line = Line("received-only-ombudsman",
                    Said(N_("Received by the ombudsman, not known to the council")), difference,
                    Said(N_("complaints and enquiries made to the ombudsman that it closed, or had not yet "
                            "looked at, without asking the council: the council never heard of them")))
        return (line,), ()
    line = Line("received-only-council", Said(N_("Received, by the council's count, beyond the ombudsman's")),
                -difference,
                Said(N_("the council's records hold more cases received by the ombudsman in the year than "
                        "the ombudsman counted: check the received dates against the ombudsman's letters")),
                False)
    return (line,), (
        Said(N_("In %(year)s the council's records hold %(council)s cases received by the ombudsman, "
                "%(more)s more than the %(published)s the ombudsman counted."),
             year=year, council=council, more=-difference, published=published),)


def _decided_from_records(year: str, ombudsman: str, published: Mapping[str, int], held: Sequence[Held]
                          ) -> Found:
    received = [case for case in held if reporting_year(case.received) == year]
    open_at_end = [case for case in received
                   if case.decided is None or reporting_year(case.decided) > year]
    decided = [case for case in held if case.decided is not None and reporting_year(case.decided) == year]
    earlier = [case for case in decided if reporting_year(case.received) < year]
    own = categories(ombudsman)
    known = {category.id for category in own}
    counted = Counter(case.category for case in decided if case.category in known)
    uncategorised = sum(1 for case in decided if case.category not in known)
    in_both = sum(min(published.get(c.id, 0), counted[c.id]) for c in own)
    surplus = {c.id: max(published.get(c.id, 0) - counted[c.id], 0) for c in own}
    surplus_investigated = sum(surplus[c.id] for c in own if c.council_involved)
    surplus_assessment = sum(surplus[c.id] for c in own if not c.council_involved)
    beyond = sum(max(counted[c.id] - published.get(c.id, 0), 0) for c in own)
    # A decision the council's records give no category is matched to the ombudsman's surplus,
    # a detailed investigation first (those the council must hold).
    matched = min(uncategorised, surplus_investigated + surplus_assessment)
    in_both += matched
    from_investigated = min(matched, surplus_investigated)
    surplus_investigated -= from_investigated
    surplus_assessment -= matched - from_investigated
    beyond += uncategorised - matched
    total = sum(published.values())
    lines = (
        Line("council-received", Said(N_("Cases received by the ombudsman, by the council's records")),
             len(received),
             Said(N_("the council's own count: cases the ombudsman received in the year, by the date "
                     "received"))),
        Line("open-at-year-end", Said(N_("Less: received in the year, not decided by its end")),
             len(open_at_end),
             Said(N_("the ombudsman counts a decision in the year it makes it, so these are in next "
                     "year's count"))),
        Line("decided-later", Said(N_("Add: received in an earlier year, decided in this one")), len(earlier),
             Said(N_("decided in a later year than received: the ombudsman counts them this year"))),
        Line("in-both", Said(N_("Decisions in both counts")), in_both,
             Said(N_("decisions of the year that the council's records hold and the ombudsman counted"))),
        Line("only-ombudsman-assessment",
             Said(N_("Add: decided at assessment, only in the ombudsman's count")), surplus_assessment,
             Said(N_("closed at assessment (advice, referred back, initial enquiries, invalid): the "
                     "ombudsman need not ask the council about these, so its records do not hold them"))),
        Line("only-ombudsman-investigated",
             Said(N_("Add: investigated in detail or settled with the council, only in the ombudsman's "
                     "count")),
             surplus_investigated,
             Said(N_("the ombudsman asks the council about every complaint it investigates in detail or "
                     "settles with it, so each should be in the council's records")),
             surplus_investigated == 0),
        Line("only-council", Said(N_("Less: decisions only in the council's records")), beyond,
             Said(N_("decisions of the year in the council's records for which the ombudsman's count by "
                     "category has no room")), beyond == 0),
        Line("ombudsman-decided", Said(N_("Decisions the ombudsman made in the year, by its count")), total,
             Said(N_("the ombudsman's own count, by the date it decided"))),
    )
    gaps: list[Said] = []
    if surplus_investigated:
        gaps.append(Said(
            N_("In %(year)s the ombudsman counted %(count)s more decision after a detailed investigation "
               "or a settlement with the council than the council's ombudsman case records hold.")
            if surplus_investigated == 1 else
            N_("In %(year)s the ombudsman counted %(count)s more decisions after a detailed investigation "
               "or a settlement with the council than the council's ombudsman case records hold."),
            year=year, count=surplus_investigated))
    if beyond:
        gaps.append(Said(
            N_("In %(year)s the council's ombudsman case records hold %(count)s decision that the "
               "ombudsman's count by category has no room for.")
            if beyond == 1 else
            N_("In %(year)s the council's ombudsman case records hold %(count)s decisions that the "
               "ombudsman's count by category has no room for."),
            year=year, count=beyond))
    return lines, tuple(gaps)


def _decided_from_history(year: str, ombudsman: str, published: Mapping[str, int], council: int | None
                          ) -> Found:
    total = sum(published.values())
    if council is None:
        return (Line(NO_COUNCIL_FIGURE, Said(N_("The council's report published no ombudsman decisions")),
                     None, Said(N_("nothing to reconcile: the ombudsman's figures are shown as published"))),
                ), ()
    at_assessment = sum(published.get(c.id, 0) for c in categories(ombudsman) if not c.council_involved)
    difference = total - council
    explained = 0 <= difference <= at_assessment
    lines = (
        Line("council-decided", Said(N_("Decisions, as the council's report of the year published them")),
             council, Said(N_("the council's published count (no case records are kept for the year)"))),
        Line("only-ombudsman-assessment", Said(N_("Difference: only in the ombudsman's count")), difference,
             Said(N_("no more than the %(count)s decisions the ombudsman made at assessment, where it "
                     "need not ask the council"), count=at_assessment) if explained else
             Said(N_("more than the decisions the ombudsman made at assessment can account for")), explained),
        Line("ombudsman-decided", Said(N_("Decisions the ombudsman made in the year, by its count")), total,
             Said(N_("the ombudsman's own count, by the date it decided"))),
    )
    gap = () if explained else (
        Said(N_("In %(year)s the council's report published %(council)s ombudsman decisions and the "
                "ombudsman counted %(total)s: a difference the decisions at assessment (%(count)s) "
                "cannot explain."), year=year, council=council, total=total, count=at_assessment),)
    return lines, gap
