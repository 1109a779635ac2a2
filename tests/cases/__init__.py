"""Small record repositories for the check and validate tests, and helpers to break them."""
