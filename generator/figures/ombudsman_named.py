"""The named figures of the ombudsman's own statistics (see `figures.named`): each read from a cell
of the ombudsman section's tables, so the commentary can never disagree with them.

A name ending in `_rate` cites the rate (a share of two counts), as a `_share` name does.
"""

from __future__ import annotations

from generator.language import N_

OMBUDSMAN_NAMES: dict[str, str] = {
    "ombudsman_own_received": N_("Complaints and enquiries the ombudsman received, by its own count"),
    "ombudsman_own_decided": N_("Decisions the ombudsman made in the year, by its own count"),
    "ombudsman_detailed_investigations": N_("The ombudsman's detailed investigations, by its own count"),
    "ombudsman_uphold_rate": N_(
        "The ombudsman's uphold rate: upheld, as a share of its detailed investigations"),
    "ombudsman_intervention_rate": N_(
        "The ombudsman's intervention rate (PSOW): interventions, as a share of its decisions"),
    "ombudsman_similar_uphold_rate": N_(
        "The average uphold rate of similar authorities, as the ombudsman published it"),
    "ombudsman_uphold_rate_difference": N_(
        "The council's uphold rate less the similar authorities' average, in percentage points"),
    "ombudsman_compliance_rate": N_("Compliance with the ombudsman's recommendations, as it counts them"),
    "ombudsman_similar_compliance_rate": N_("The average compliance of similar authorities"),
    "ombudsman_compliance_rate_difference": N_(
        "The council's compliance less the similar authorities' average, in percentage points"),
    "ombudsman_satisfactory_remedy_rate": N_(
        "Upheld cases where the council had already provided a satisfactory remedy, as a share of "
        "upheld cases (LGSCO)"),
    "ombudsman_similar_satisfactory_remedy_rate": N_(
        "The average satisfactory remedy rate of similar authorities"),
}

# name -> (table id, row key, column), as `figures.named.CELLS`
OMBUDSMAN_CELLS: dict[str, tuple[str, str, str]] = {
    "ombudsman_own_received": ("ombudsman_beside", "received", "ombudsman"),
    "ombudsman_own_decided": ("ombudsman_beside", "decided", "ombudsman"),
    "ombudsman_detailed_investigations": ("ombudsman_beside", "detailed_investigations", "ombudsman"),
    "ombudsman_uphold_rate": ("ombudsman_beside", "uphold_rate", "ombudsman"),
    "ombudsman_intervention_rate": ("ombudsman_beside", "intervention_rate", "ombudsman"),
    "ombudsman_similar_uphold_rate": ("ombudsman_similar", "uphold_rate:similar", "year"),
    "ombudsman_uphold_rate_difference": ("ombudsman_similar", "uphold_rate:difference", "year"),
    "ombudsman_compliance_rate": ("ombudsman_beside", "compliance_rate", "ombudsman"),
    "ombudsman_similar_compliance_rate": ("ombudsman_similar", "compliance_rate:similar", "year"),
    "ombudsman_compliance_rate_difference": ("ombudsman_similar", "compliance_rate:difference", "year"),
    "ombudsman_satisfactory_remedy_rate": ("ombudsman_beside", "satisfactory_remedy_rate", "ombudsman"),
    "ombudsman_similar_satisfactory_remedy_rate": ("ombudsman_similar", "satisfactory_remedy_rate:similar",
                                                   "year"),
}
