"""Commentary runs nothing: every known way out of a Jinja template stops at its file and line.

Each payload, were it run, would create a file in the test's folder (or read the process's
globals); it must instead raise CommentaryError naming the line it is on, and leave no file.
The first test shows the payloads are live: an ordinary Jinja environment runs them.
"""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
import pytest

from generator.figures.table import Change, Share
from generator.pages.commentary import CommentaryError, render_figures

PATH = "docs/commentary/2019-20.md"
FIGURES = {"complaints": 35, "complaints_change": Change(30, 35), "upheld_share": Share(8, 35)}
MARK = "ran"  # the file a payload would create

ESCAPES = {
    "lipsum globals": "{{ lipsum.__globals__['os'].system('touch ran') }}",
    "lipsum globals by attribute": "{{ lipsum.__globals__.os.popen('touch ran').read() }}",
    "cycler globals": "{{ cycler.__init__.__globals__.os.system('touch ran') }}",
    "joiner globals": "{{ joiner.__init__.__globals__.os.system('touch ran') }}",
    "namespace globals": "{{ namespace.__init__.__globals__.os.system('touch ran') }}",
    "range and list": "{{ range(10**8)|list }}",
    "dict global": "{{ dict(a=1) }}",
    "class mro of text": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "class mro of a figure": "{{ complaints.__class__.__mro__[1].__subclasses__() }}",
    "dunder class of a figure": "{{ complaints.__class__ }}",
    "init globals of a figure": "{{ complaints.__init__.__globals__ }}",
    "dunder of a part": "{{ complaints.count.__class__ }}",
    "the figure's cell": "{{ complaints.value }}",
    "private attribute": "{{ complaints._signed }}",
    "attr filter": "{{ complaints|attr('__class__') }}",
    "attr filter to globals": "{{ lipsum|attr('__globals__') }}",
    "format filter": "{{ '%s'|format(complaints.__class__) }}",
    "string format": "{{ '{0.__class__.__init__.__globals__}'.format(complaints) }}",
    "format method of a part": "{{ complaints.direction.format(complaints) }}",
    "self": "{{ self.__init__.__globals__.__builtins__.__import__('os').system('touch ran') }}",
    "self context": "{{ self._TemplateReference__context.cycler.__init__.__globals__.os.system(1) }}",
    "config": "{{ config.__class__.__init__.__globals__['os'].popen('touch ran') }}",
    "request": "{{ request.application.__globals__.__builtins__.__import__('os').popen('touch ran') }}",
    "url_for": "{{ url_for.__globals__.os.popen('touch ran') }}",
    "get_flashed_messages": "{{ get_flashed_messages.__globals__ }}",
    "loop": "{{ loop }}",
    "varargs and kwargs": "{{ varargs }}{{ kwargs }}",
    "caller": "{{ caller() }}",
    "index": "{{ complaints['__class__'] }}",
    "call of a part": "{{ complaints.direction.upper() }}",
    "html method": "{{ complaints.__html__() }}",
    "set": "{% set escape = complaints.__class__ %}",
    "set block": "{% set x %}{{ lipsum }}{% endset %}",
    "for over subclasses": "{% for c in ().__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "include": "{% include '/etc/passwd' %}",
    "import": "{% import 'os' as os %}",
    "from import": "{% from 'x' import y %}",
    "extends": "{% extends '/etc/passwd' %}",
    "block": "{% block body %}x{% endblock %}",
    "macro": "{% macro m() %}x{% endmacro %}",
    "call block": "{% call lipsum() %}x{% endcall %}",
    "filter block": "{% filter upper %}x{% endfilter %}",
    "with": "{% with a = lipsum %}{{ a }}{% endwith %}",
    "autoescape": "{% autoescape false %}x{% endautoescape %}",
    "arithmetic": "{{ 9**9**9 }}",
    "arithmetic on a figure": "{{ complaints.count * 1000000 }}",
    "concatenation": "{{ complaints ~ lipsum }}",
    "inline if": "{{ lipsum if complaints > 1 else 0 }}",
    "text on its own": "{{ '<script>alert(1)</script>' }}",
    "list": "{{ [1, 2] }}",
    "if with a call": "{% if lipsum() %}x{% endif %}",
    "if with an attribute": "{% if complaints.__class__ > 1 %}x{% endif %}",
    "if with a test": "{% if complaints is defined %}x{% endif %}",
    "if with in": "{% if 'os' in lipsum.__globals__ %}x{% endif %}",
    "if comparing text": "{% if complaints > '1' %}x{% endif %}",
    "elif with a call": "{% if complaints > 1 %}a{% elif cycler() %}b{% endif %}",
    "inside an if": "{% if complaints > 1 %}{{ lipsum.__globals__ }}{% endif %}",
    "inside an else": "{% if complaints > 1 %}a{% else %}{{ joiner() }}{% endif %}",
}


def _source(payload: str) -> str:
    """The payload on line 3 of an ordinary commentary."""
    return f"In 2019-20 we had {{{{ complaints }}}} complaints.\n\n{payload}\n\nMore text.\n"


def test_the_payloads_are_live_in_an_ordinary_jinja(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    jinja2.Environment().from_string(ESCAPES["lipsum globals"]).render()
    assert (tmp_path / MARK).exists()


@pytest.mark.parametrize("payload", ESCAPES.values(), ids=ESCAPES.keys())
def test_every_escape_route_stops_at_its_line_and_runs_nothing(
    payload: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CommentaryError) as refused:
        render_figures(_source(payload), PATH, FIGURES)
    assert (refused.value.path, refused.value.line) == (PATH, 3), str(refused.value)
    assert str(refused.value).startswith(f"{PATH}:3: ")
    assert "Traceback" not in str(refused.value) and "<function" not in str(refused.value)
    assert os.listdir(tmp_path) == []


def test_a_name_that_is_not_a_figure_says_what_to_do():
    with pytest.raises(CommentaryError) as refused:
        render_figures("a\n{{ lipsum }}", PATH, FIGURES)
    assert refused.value.message.startswith("'lipsum' is not a figure name.")


def test_a_filter_is_named_as_one():
    with pytest.raises(CommentaryError) as refused:
        render_figures("{{ complaints|attr('__class__') }}", PATH, FIGURES)
    assert refused.value.message.startswith("a filter (|) cannot be used in a commentary: only figure names")


def test_an_attribute_that_is_not_a_part_is_named():
    with pytest.raises(CommentaryError) as refused:
        render_figures("{{ complaints.__class__ }}", PATH, FIGURES)
    assert refused.value.message.startswith("a figure has no part '__class__'")


def test_what_the_writers_page_teaches_still_works():
    source = ("{{ complaints }} complaints, {{ complaints_change.direction }} of {{ complaints_change.size }}"
              "{% if upheld_share > 20 and not complaints < 10 %}; high{% elif upheld_share >= -1 %}; low"
              "{% else %}; none{% endif %}{% if complaints.number == 35 %}; exactly{% endif %}"
              "{% if complaints_change > complaints_change %}never{% endif %}"
              "{% raw %} {{ shown as written }}{% endraw %}{# a comment #}.")
    assert render_figures(source, PATH, FIGURES) == (
        "35 complaints, an increase of 17%; high; exactly {{ shown as written }}.")


def test_a_figure_compared_for_equality_is_asked_for_its_number():
    with pytest.raises(CommentaryError) as refused:
        render_figures("{% if complaints == 35 %}x{% endif %}", PATH, FIGURES)
    assert "complaints.number" in refused.value.message


# What validate cannot refuse: names that are not figures (only the figures computed from the
# records say which names are), which the build then refuses as above.
ONLY_NAMES = ("loop", "varargs and kwargs")


@pytest.mark.parametrize("payload", [ESCAPES[name] for name in ESCAPES if name not in ONLY_NAMES],
                         ids=[name for name in ESCAPES if name not in ONLY_NAMES])
def test_validate_refuses_every_escape_route_at_its_line(payload: str) -> None:
    from generator.check.citations import commentary_problems

    found = commentary_problems(_source(payload), PATH)
    assert [(problem.path, problem.line, problem.column) for problem in found] == [(PATH, 3, 1)]
    with pytest.raises(CommentaryError) as refused:  # the build's message, where it is not the name's
        render_figures(_source(payload), PATH, FIGURES)
    if "is not a figure name" not in refused.value.message:
        assert found[0].message == refused.value.message


def test_validate_leaves_names_to_the_build() -> None:
    from generator.check.citations import commentary_problems

    for name in ONLY_NAMES:
        assert commentary_problems(_source(ESCAPES[name]), PATH) == []
    assert commentary_problems(_source("{{ complaints_change.size }}{% if upheld_share > 25 %}x{% endif %}"),
                               PATH) == []


def test_candour_validate_reads_each_commentary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A year's commentary and its Welsh, in a repository: refused at file:line:column, exit 1."""
    import shutil

    from generator.cli import main

    project = Path(__file__).resolve().parents[1]
    for folder in ("records", "schemas"):
        shutil.copytree(project / folder, tmp_path / folder)
    (tmp_path / "docs/commentary/cy").mkdir(parents=True)
    (tmp_path / "docs/commentary/2019-20.md").write_text(_source(ESCAPES["lipsum globals"]), encoding="utf-8")
    (tmp_path / "docs/commentary/cy/2019-20.md").write_text("Cwynion: {{ complaints|upper }}\n",
                                                             encoding="utf-8")
    (tmp_path / "docs/introduction.md").write_text("{{ lipsum() }} is shown as written here.\n",
                                                   encoding="utf-8")
    assert main(["validate", "--root", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "docs/commentary/2019-20.md:3:1: a call (…) cannot be used in a commentary" in out
    assert "docs/commentary/cy/2019-20.md:1:1: a filter (|) cannot be used in a commentary" in out
    assert "docs/introduction.md" not in out  # not a commentary: its braces are text
    assert not (tmp_path / MARK).exists()


def test_without_jinja_validate_says_the_commentary_was_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Jinja comes with the site's extra: a checker installed without it says what it left to the
    build, and does not take the commentary for clean."""
    import shutil
    import sys

    from generator.check import check_paths
    from generator.check import citations as check_citations_module

    project = Path(__file__).resolve().parents[1]
    for folder in ("records", "schemas"):
        shutil.copytree(project / folder, tmp_path / folder)
    (tmp_path / "docs/commentary").mkdir(parents=True)
    (tmp_path / "docs/commentary/2019-20.md").write_text(_source(ESCAPES["set"]), encoding="utf-8")
    (tmp_path / ".gitignore").write_text(".candour-cache/\n", encoding="utf-8")
    monkeypatch.delitem(sys.modules, check_citations_module.__name__)
    monkeypatch.setitem(sys.modules, "jinja2", None)  # an import of it fails, as where it is missing
    found = check_paths(tmp_path, keep_values=False, cache=True)
    assert found.problems == []
    assert found.notes == ["1 commentary file(s) not read for their figures: Jinja2, which comes with "
                           "candour[site], is not installed here; the build reads them"]
    monkeypatch.undo()
    again = check_paths(tmp_path, keep_values=False, cache=True)
    assert [str(problem) for problem in again.problems] == [
        f"{PATH}:3:1: {{% set %}} cannot be used in a commentary: only figure names ({{{{ complaints }}}}), "
        "their parts ({{ complaints_change.size }}) and {% if %} comparisons "
        "({% if upheld_share > 25 %}…{% endif %})"]
