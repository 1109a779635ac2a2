"""Figures for the learning action-plan tracker: when each action is due, its RAG rating by the
stated rule, the facets a councillor follows, and what changed since the last meeting."""
