"""What a commentary may write between braces, checked before anything is run.

Commentary is written by officers and arrives by pull request, so it is never trusted as a
template. Jinja parses it (for its syntax, comments and `{% raw %}`), then every node of the
parsed text is checked against the little language the page 'Figure names for writers' teaches:

- `{{ complaints }}`, a figure by name, and `{{ complaints_change.size }}`, one of its parts;
- `{% if upheld_share > 25 %} … {% elif … %} … {% else %} … {% endif %}`, comparing figures and
  parts with each other or with a number, joined by `and`, `or` and `not`.

Anything else (a call, a filter, an index, `{% set %}`, `{% for %}`, `{% include %}`, arithmetic,
a name that is not a figure, an attribute that is not a part) stops the build at its line before
the text is compiled, so nothing in it ever runs; the text is then rendered in a sandbox
(`generator.pages.citations`). `candour validate` checks the same, but for the figures' names,
which only the figures computed from the records give (`commentary_problems`).
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterator

from jinja2 import nodes

from generator.problems import Problem

# The parts of a figure (the properties of `generator.pages.figure_text.FigureText`) a commentary
# may cite.
PARTS = ("count", "whole", "percent", "size", "direction", "number")
_COMPARISONS = {"lt": "<", "lteq": "<=", "gt": ">", "gteq": ">="}
_EQUALITY = {"eq": "==", "ne": "!="}
ALLOWED = ("figure names ({{ complaints }}), their parts ({{ complaints_change.size }}) and "
           "{% if %} comparisons ({% if upheld_share > 25 %}…{% endif %})")

# What each refused kind of node is called in a message, in the writer's terms.
_REFUSED = {
    nodes.Call: "a call (…)", nodes.Filter: "a filter (|)", nodes.Test: "a test (is …)",
    nodes.Getitem: "an index ([…])", nodes.Slice: "a slice", nodes.For: "{% for %}",
    nodes.Assign: "{% set %}", nodes.AssignBlock: "{% set %}", nodes.Macro: "{% macro %}",
    nodes.CallBlock: "{% call %}", nodes.FilterBlock: "{% filter %}", nodes.With: "{% with %}",
    nodes.Include: "{% include %}", nodes.Import: "{% import %}", nodes.FromImport: "{% from … import %}",
    nodes.Extends: "{% extends %}", nodes.Block: "{% block %}", nodes.CondExpr: "an inline if",
    nodes.Concat: "joining with ~", nodes.BinExpr: "arithmetic", nodes.List: "a list",
    nodes.Tuple: "a list", nodes.Dict: "a dict", nodes.ScopedEvalContextModifier: "{% autoescape %}",
    nodes.EvalContextModifier: "{% autoescape %}", nodes.Scope: "{% autoescape %}",
    nodes.ExprStmt: "{% do %}",
}


class NotACitation(Exception):
    """Something between braces that is not a figure, a part or a comparison: where, and why."""

    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(f"{line}: {message}")


def check_citations(template: nodes.Template, figures: Collection[str]) -> None:
    """NotACitation for the first node of `template` outside the commentary's language."""
    for node in template.body:
        _statement(node, figures)


def _statement(node: nodes.Node, figures: Collection[str]) -> None:
    if isinstance(node, nodes.Output):
        for part in node.nodes:
            if not isinstance(part, nodes.TemplateData):
                _citation(part, figures)
    elif isinstance(node, nodes.If):
        _test(node.test, figures)
        for inner in [*node.body, *node.elif_, *node.else_]:
            _statement(inner, figures)
    else:
        _refuse(node)


def _citation(node: nodes.Node, figures: Collection[str]) -> None:
    """A figure, or one part of a figure."""
    if isinstance(node, nodes.Name):
        if node.name not in figures:
            raise NotACitation(node.lineno, unknown_name(node.name, figures))
    elif isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name):
        _citation(node.node, figures)
        if node.attr not in PARTS:
            raise NotACitation(node.lineno, unknown_part(node.attr))
    elif isinstance(node, nodes.Getattr):
        raise NotACitation(node.lineno, f"a part of a part ('.{node.attr}') cannot be cited; use one "
                           f"of a figure's parts: {', '.join(PARTS)}")
    elif isinstance(node, nodes.Const | nodes.Neg | nodes.Pos):
        raise NotACitation(node.lineno, f"only a figure can be written between {{{{ and }}}}; {ALLOWED}")
    else:
        _refuse(node)


def _test(node: nodes.Node, figures: Collection[str]) -> None:
    """The condition of an {% if %}: comparisons joined by and, or and not."""
    if isinstance(node, nodes.And | nodes.Or):
        _test(node.left, figures)
        _test(node.right, figures)
    elif isinstance(node, nodes.Not):
        _test(node.node, figures)
    elif isinstance(node, nodes.Compare):
        operands = [node.expr, *(operand.expr for operand in node.ops)]
        for operand in node.ops:
            if operand.op not in _COMPARISONS and operand.op not in _EQUALITY:
                raise NotACitation(node.lineno, f"'{operand.op}' is not a comparison a commentary can "
                                   "make; compare with <, <=, >, >=, == or !=")
        equality = any(operand.op in _EQUALITY for operand in node.ops)
        for operand in operands:
            _compared(operand, figures, equality=equality)
    elif isinstance(node, nodes.Name | nodes.Getattr):
        _citation(node, figures)
        raise NotACitation(node.lineno, "an {% if %} compares a figure with a number or another figure, "
                           "for example {% if upheld_share > 25 %}")
    else:
        _refuse(node)


def _compared(node: nodes.Node, figures: Collection[str], *, equality: bool) -> None:
    number = node.node if isinstance(node, nodes.Neg | nodes.Pos) else node
    if isinstance(number, nodes.Const):
        if isinstance(number.value, bool) or not isinstance(number.value, int | float):
            raise NotACitation(node.lineno, f"a figure is compared with a number, not {number.value!r}")
        return
    _citation(node, figures)
    if equality and isinstance(node, nodes.Name):
        # A figure is text on the page; its number is a part of it.
        raise NotACitation(node.lineno, f"compare the figure's number: write {node.name}.number with "
                           "== or !=")


def _refuse(node: nodes.Node) -> None:
    kind = next((name for cls, name in _REFUSED.items() if isinstance(node, cls)), type(node).__name__)
    raise NotACitation(_line(node), f"{kind} cannot be used in a commentary: only {ALLOWED}")


def _line(node: nodes.Node) -> int:
    """A node's line; a few (the scope of {% autoescape %}) have none, but their contents do."""
    if getattr(node, "lineno", None):
        return node.lineno
    return next((inner.lineno for inner in node.find_all(nodes.Node) if getattr(inner, "lineno", None)), 1)


def unknown_name(name: str, figures: Collection[str]) -> str:
    close = difflib.get_close_matches(name, sorted(figures), n=3)
    hint = f" Did you mean {', '.join(close)}?" if close else ""
    return f"'{name}' is not a figure name.{hint} The page 'Figure names' lists every figure."


def unknown_part(part: str) -> str:
    return f"a figure has no part '{part}'; a figure has {', '.join(PARTS[:-1])} and {PARTS[-1]}"



class _AnyName(Collection[str]):
    """Every name taken for a figure's: which names are figures only the figures computed from the
    records can say, and the check stage computes none."""

    def __contains__(self, name: object) -> bool:
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


def commentary_problems(text: str, shown: str) -> list[Problem]:
    """What a build would refuse in a commentary file, but for a name that is not a figure's: at
    its line, as the build says it. The text is parsed, never compiled or run."""
    from jinja2 import Environment, TemplateSyntaxError  # only when a commentary is to be read

    try:
        check_citations(Environment().parse(text, shown, shown), _AnyName())
    except NotACitation as refused:
        return [Problem(shown, refused.line, 1, "", refused.message)]
    except TemplateSyntaxError as error:
        return [Problem(shown, error.lineno or 1, 1, "", f"cannot read a figure here: {error.message}")]
    return []
