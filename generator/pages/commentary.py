"""The hand-written commentary of a year, with its named figures filled in.

A commentary file is Markdown in which `{{ name }}` cites a computed figure. Level-two headings
that name a report section ('## Outcomes') place the text after them in that section; text before
the first such heading opens the report. A name that is not a figure stops the build with the
file and line, so the narrative can never quietly disagree with the tables. Nothing written in a
commentary runs: only figures, their parts and comparisons are allowed between braces, checked
before the text is compiled, and it renders in Jinja's sandbox (see `citations`).
"""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass

import jinja2

from generator.check.citations import NotACitation, check_citations
from generator.figures.table import Cell
from generator.language import _
from generator.pages.citations import environment
from generator.pages.figure_text import figure_texts
from generator.pages.markdown import slug

OPENING = ""  # the section key of the text before the first heading
_HEADING = re.compile(r"^##\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


class CommentaryError(Exception):
    """A commentary file that cannot be rendered: where, and what to do about it."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")


@dataclass(frozen=True)
class Commentary:
    path: str
    sections: dict[str, str]  # section id (or OPENING) -> rendered Markdown

    def text(self, section_id: str) -> str:
        return self.sections.get(section_id, "")


def _line_of(error: BaseException, path: str) -> int | None:
    line = getattr(error, "lineno", None)
    if line:
        return line
    frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename == path]
    return frames[-1].lineno if frames else None


def render_figures(source: str, path: str, figures: dict[str, Cell]) -> str:
    """Fill in the figure names of a commentary file; CommentaryError, with the line, for anything
    between braces that is not a figure, a part of one or a comparison (nothing in it is run)."""
    sandbox = environment()
    try:
        parsed = sandbox.parse(source, path, path)
        check_citations(parsed, figures)
        # Compiled from the checked text by name, so an error's frames carry the file's lines.
        sandbox.loader = jinja2.DictLoader({path: source})
        return sandbox.get_template(path).render(figure_texts(figures))
    except NotACitation as refused:
        raise CommentaryError(path, refused.line, refused.message) from None
    except jinja2.TemplateSyntaxError as error:
        raise CommentaryError(path, error.lineno, f"cannot read a figure here: {error.message}") from None
    except jinja2.UndefinedError as error:  # not reached once checked; kept so it can never be a traceback
        raise CommentaryError(path, _line_of(error, path), str(error)) from None
    except (TypeError, ValueError, ArithmeticError, jinja2.TemplateError) as error:
        raise CommentaryError(path, _line_of(error, path), str(error)) from None


def split_sections(text: str, path: str, titles: dict[str, str]) -> dict[str, str]:
    """Cut rendered commentary at level-two headings naming a section: by its title in English, by
    its title in the site's language (`## Canlyniadau` in a Welsh commentary), or by its id."""
    headings = {slug(title): key for key, title in titles.items()} | {key: key for key in titles}
    headings |= {slug(_(title)): key for key, title in titles.items()}
    sections: dict[str, list[str]] = {OPENING: []}
    current = OPENING
    fenced = False
    for number, line in enumerate(text.splitlines(), start=1):
        if _FENCE.match(line):
            fenced = not fenced
        heading = None if fenced else _HEADING.match(line)
        if heading:
            key = slug(heading[1])
            if key not in headings:
                known = ", ".join(f"'## {_(title)}'" for title in titles.values())
                raise CommentaryError(
                    path, number, f"'## {heading[1]}' is not a section of the report; use one of {known}"
                )
            current = headings[key]
            sections.setdefault(current, [])
            continue
        sections[current].append(line)
    return {key: "\n".join(lines).strip() for key, lines in sections.items() if "".join(lines).strip()}


def commentary(source: str, path: str, figures: dict[str, Cell], titles: dict[str, str]) -> Commentary:
    """Render a commentary file and place its parts in the sections `titles` names (id -> title)."""
    return Commentary(path, split_sections(render_figures(source, path, figures), path, titles))
