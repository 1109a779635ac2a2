"""Figures: what the report states, computed from records (and history) for each reporting year."""
