"""Rules of ombudsman case records as the ombudsman decides them: the category is one of the
council's ombudsman's own, a service group is one of the organisation's, and a recommendation's
compliance agrees with its dates."""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.repository import Taxonomy, as_list, day
from generator.check.wording import shown
from generator.load import RecordFile
from generator.ombudsman_published import categories
from generator.problems import Problem


def ombudsman_case_problems(record: RecordFile, taxonomy: Taxonomy | None) -> Iterator[Problem]:
    values = record.values
    category = values.get("category")
    if taxonomy is not None and taxonomy.ombudsman and isinstance(category, str):
        own = [found.id for found in categories(taxonomy.ombudsman)]
        if own and category not in own:
            yield record.problem(
                ("category",),
                f"{shown(category)} is not one of the categories the {taxonomy.ombudsman} counts "
                f"decisions under: choose one of {', '.join(own)}",
            )
    group = values.get("service_group")
    if taxonomy is not None and isinstance(group, str):
        groups = taxonomy.ids.get("service_groups", [])
        if group not in groups:
            where = f"choose one of {', '.join(groups)}" if groups else (
                "no service area in records/organisation.yaml names a group")
            yield record.problem(("service_group",), f"{shown(group)} is not a service group: {where}")
    for index, recommendation in enumerate(as_list(values.get("recommendations"))):
        if not isinstance(recommendation, dict):
            continue
        due, completed = day(recommendation.get("due")), day(recommendation.get("completed"))
        complied = recommendation.get("complied")
        if due and completed and complied == "on-time" and completed > due:
            yield record.problem(
                ("recommendations", index, "complied"),
                f"on-time, but completed on {completed}, after the due date {due}: write late",
            )
        if due and completed and complied == "late" and completed <= due:
            yield record.problem(
                ("recommendations", index, "complied"),
                f"late, but completed on {completed}, by the due date {due}: write on-time",
            )
