"""Rules of ombudsman statistics records: the ombudsman named is the organisation's, each figure is
one that ombudsman publishes (the schema's `x-published-by`), and the counts hang together (no
more upheld than investigated; each published rate agrees with its counts).

The rate checks allow for the ombudsman's own rounding: a published rate may differ from the one
its counts give by less than `ROUNDING` points, the most rounding to a whole percentage can move it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.check.repository import Taxonomy, value_at
from generator.check.wording import number_shown, shown
from generator.load import RecordFile
from generator.nations import NATIONS
from generator.ombudsman_published import NESTED, OMBUDSMEN, categories, groups, published_by
from generator.problems import Problem

ROUNDING = 1  # percentage points: published rates are whole numbers, or one decimal place
SCHEMA_SHOWN = "schemas/ombudsman-statistics.schema.json"
# (rate, part, whole): each published rate and the counts it is a share of, for every ombudsman.
RATES = (
    ("uphold_rate", "upheld", "detailed_investigations"),
    ("compliance_rate", "complied", "compliance_outcomes"),
    ("satisfactory_remedy_rate", "satisfactory_remedy", "upheld"),
)
# (part, whole, what the part is, what the whole is): a part can never exceed its whole.
PARTS = (
    ("upheld", "detailed_investigations", "upheld", "detailed investigations"),
    ("complied", "compliance_outcomes", "complied with", "recommendations with a compliance outcome"),
    ("satisfactory_remedy", "upheld", "with a satisfactory remedy", "upheld"),
)


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def ombudsman_name(ombudsman: str) -> str:
    for nation in NATIONS.values():
        if nation.ombudsman_id == ombudsman:
            return nation.ombudsman_name
    return ombudsman


def statistics_problems(record: RecordFile, taxonomy: Taxonomy | None) -> Iterator[Problem]:
    values = record.values
    ombudsman = values.get("ombudsman")
    if not isinstance(ombudsman, str) or ombudsman not in OMBUDSMEN:
        return  # the schema says so
    yield from _whose(record, ombudsman, taxonomy)
    yield from _published(record, ombudsman)
    yield from _parts(record)
    yield from _rates(record, ombudsman)
    yield from _category_sums(record, ombudsman)
    group = value_at(values, "similar_authorities", "group")
    if isinstance(group, str) and group not in groups(ombudsman) and groups(ombudsman):
        yield record.problem(
            ("similar_authorities", "group"),
            f"{shown(group)} is not a comparison group of the {ombudsman_name(ombudsman)}: "
            f"choose one of {', '.join(groups(ombudsman))}",
        )


def _whose(record: RecordFile, ombudsman: str, taxonomy: Taxonomy | None) -> Iterator[Problem]:
    expected = taxonomy.ombudsman if taxonomy is not None else None
    if expected is not None and expected in OMBUDSMEN and ombudsman != expected:
        yield record.problem(
            ("ombudsman",),
            f"{shown(ombudsman)} is not the ombudsman of this council: records/organisation.yaml "
            f"gives its jurisdiction as {taxonomy.nation_name if taxonomy else ''}, whose ombudsman is "
            f"{expected} ({ombudsman_name(expected)})",
        )


def _published(record: RecordFile, ombudsman: str) -> Iterator[Problem]:
    """Each field the record gives must be one this ombudsman publishes."""
    for name, value in record.values.items():
        where = published_by(name)
        if where is not None and ombudsman not in where:
            yield _not_published(record, (name,), ombudsman, where)
            continue
        if name in NESTED and isinstance(value, dict):
            for inner in value:
                inside = published_by(name, str(inner))
                if inside is not None and ombudsman not in inside:
                    yield _not_published(record, (name, str(inner)), ombudsman, inside)


def _not_published(record: RecordFile, location: tuple[str, ...], ombudsman: str,
                   where: tuple[str, ...]) -> Problem:
    return record.problem(
        location,
        f"the {ombudsman_name(ombudsman)} does not publish this figure: leave it out "
        f"(published by {', '.join(where)}: x-published-by in {SCHEMA_SHOWN})",
        key=True,
    )


def _parts(record: RecordFile) -> Iterator[Problem]:
    values = record.values
    for part, whole, part_words, whole_words in PARTS:
        counted, of = _count(values.get(part)), _count(values.get(whole))
        if counted is not None and of is not None and counted > of:
            yield record.problem(
                (part,),
                f"{counted} {part_words} is more than the {of} {whole_words}: "
                f"the {part_words} are counted among the {whole_words}",
            )


def _rates(record: RecordFile, ombudsman: str) -> Iterator[Problem]:
    values = record.values
    rates = [*RATES, ("intervention_rate", "interventions", None)]
    for rate_name, part, whole in rates:
        rate, counted = _number(values.get(rate_name)), _count(values.get(part))
        of = _count(values.get(whole)) if whole else _decisions_total(values)
        if rate is None or counted is None or not of or counted > of:
            continue
        exact = 100 * counted / of
        if abs(rate - exact) >= ROUNDING:
            whole_words = whole.replace("_", " ") if whole else "decisions"
            yield record.problem(
                (rate_name,),
                f"{number_shown(values[rate_name])}% does not agree with its counts: {counted} "
                f"{part.replace('_', ' ')} of {of} {whole_words} is {exact:.1f}%: "
                "copy the rate and the counts from the same letter",
            )


def _decisions_total(values: dict[str, Any]) -> int | None:
    decisions = values.get("decisions")
    if not isinstance(decisions, dict):
        return None
    counts = [_count(count) for count in decisions.values()]
    return sum(count for count in counts if count is not None) if counts else None


def _category_sums(record: RecordFile, ombudsman: str) -> Iterator[Problem]:
    """The decisions by category, where given, give the detailed investigations and the upheld."""
    decisions = record.values.get("decisions")
    if not isinstance(decisions, dict):
        return
    own = categories(ombudsman)
    for total_name, wanted, words in (
        ("detailed_investigations", [c.id for c in own if c.investigated], "detailed investigations"),
        ("upheld", [c.id for c in own if c.upheld], "upheld"),
    ):
        total = _count(record.values.get(total_name))
        given = [_count(decisions.get(category)) for category in wanted if category in decisions]
        if total is None or not given or None in given or len(given) != len(wanted):
            continue
        added = sum(count for count in given if count is not None)
        if added != total:
            yield record.problem(
                (total_name,),
                f"{total} {words}, but the decisions by category give {added} "
                f"({' + '.join(wanted)}): correct one or the other",
            )
