"""The sandbox a commentary is rendered in, once `generator.check.citations` has found nothing in
it but figures, their parts and comparisons: Jinja's immutable sandbox with no globals, filters
or tests, which allows only the figures' parts to be read. A second wall, should the first ever
let something through.
"""

from __future__ import annotations

from typing import Any

from jinja2.sandbox import ImmutableSandboxedEnvironment

from generator.check.citations import PARTS
from generator.pages.figure_text import FigureText


def environment() -> ImmutableSandboxedEnvironment:
    """The sandbox commentary renders in: no globals (lipsum, cycler, joiner, namespace, range,
    dict), no filters, no tests, and only a figure's parts readable."""
    sandbox = _FiguresOnly(keep_trailing_newline=True, autoescape=False, finalize=_finalize)
    sandbox.globals.clear()
    sandbox.filters.clear()
    sandbox.tests.clear()
    return sandbox


class _FiguresOnly(ImmutableSandboxedEnvironment):
    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return isinstance(obj, FigureText) and attr in PARTS

    def is_safe_callable(self, obj: Any) -> bool:
        return False


def _finalize(value: object) -> object:
    return value.__html__() if isinstance(value, FigureText) else value
