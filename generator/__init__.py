"""Candour: complaints records in git, published as an annual report and an action-plan tracker.

The package follows one direction of flow, a module per stage:
load -> check -> model -> figures -> views -> pages; the CLI and the MkDocs plugin sit on top.
"""

__version__ = "0.1.0"
