"""What the site engine says is deprecated or ending, shown by `candour build` as `mkdocs build`
shows it, instead of lost because MkDocs runs inside Candour's own process.

Two kinds of notice: Python's deprecation warnings from MkDocs, its theme and plugins (hidden by
Python unless asked for; `mkdocs build` asks, once per place in the code), and Material for
MkDocs' end-of-life notice, which the theme prints when it is loaded, but only when it sees the
`mkdocs` command running (it looks at the program's name). For as long as the build runs, this
process is named as that command, so the theme says to the officer what it says to anyone running
`mkdocs build`. Setting $NO_MKDOCS_2_WARNING silences it, as it does for `mkdocs build`.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

DEPRECATIONS = (DeprecationWarning, PendingDeprecationWarning, FutureWarning)
COMMAND = "mkdocs"  # the name Material looks for in sys.argv[0]


@contextmanager
def engine_notices() -> Iterator[None]:
    """Within it, the engine's notices of deprecation reach stderr, each once."""
    program = sys.argv[0] if sys.argv else ""
    with warnings.catch_warnings():  # restores the filters and showwarning after
        for category in DEPRECATIONS:
            warnings.simplefilter("default", category)
        warnings.showwarning = _shown
        if sys.argv:
            sys.argv[0] = str(Path(program).with_name(COMMAND))
        try:
            yield
        finally:
            if sys.argv:
                sys.argv[0] = program


def _shown(message: Warning | str, category: type[Warning], filename: str, lineno: int,
           file: TextIO | None = None, line: str | None = None, **_: Any) -> None:
    label = "deprecated" if issubclass(category, DEPRECATIONS) else category.__name__
    print(f"  {label}: {message} ({filename}:{lineno})", file=file or sys.stderr)
