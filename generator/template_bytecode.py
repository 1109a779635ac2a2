"""Compiled Jinja templates kept for the account, as Python keeps its own in `__pycache__`, so a build
need not compile the theme's and Candour's templates again (about a third of a second).

Compiled templates are code, so they are believed only when signed with this account's key
(`cache_trust`): a file planted in the account's cache folder, or copied from another machine, is
never run. Each is named by Jinja's version and by the settings of the environment that compiled it
(one template compiles differently with other delimiters or whitespace rules); Jinja itself compares
the template's source with the one it was compiled from, so an edited template is compiled afresh.
"""

from __future__ import annotations

import hashlib

import jinja2

from generator.cache_trust import keep_signed_bytes, read_signed_bytes

FOLDER = "templates"


class KeptBytecode(jinja2.BytecodeCache):
    def __init__(self, environment: jinja2.Environment) -> None:
        self.settings = _settings_digest(environment)

    def _name(self, bucket: jinja2.bccache.Bucket) -> str:
        return f"{FOLDER}/{jinja2.__version__}-{self.settings}-{bucket.key}"

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        kept = read_signed_bytes(self._name(bucket))
        if kept is not None:
            bucket.bytecode_from_string(kept)  # Jinja resets the bucket if its source has changed

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        keep_signed_bytes(self._name(bucket), bucket.bytecode_to_string())


def keep_compiled(environment: jinja2.Environment) -> jinja2.Environment:
    """`environment`, its compiled templates kept for the account from now on. Not where
    autoescaping is decided by a function, which may answer differently for another environment."""
    if isinstance(environment.autoescape, bool):
        environment.bytecode_cache = KeptBytecode(environment)
    return environment


def _settings_digest(environment: jinja2.Environment) -> str:
    """The settings that change what a template compiles to."""
    settings = (
        environment.block_start_string, environment.block_end_string,
        environment.variable_start_string, environment.variable_end_string,
        environment.comment_start_string, environment.comment_end_string,
        environment.line_statement_prefix, environment.line_comment_prefix,
        environment.trim_blocks, environment.lstrip_blocks, environment.newline_sequence,
        environment.keep_trailing_newline, environment.optimized, environment.is_async,
        environment.autoescape, sorted(environment.extensions),
    )
    return hashlib.sha256(repr(settings).encode("utf-8")).hexdigest()[:16]
