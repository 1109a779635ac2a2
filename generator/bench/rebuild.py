"""What `mkdocs serve` does after one record changes, timed: run as its own process.

`python -m generator.bench.rebuild ROOT SITE RECORD` builds the site once as `serve` does, changes
RECORD, builds again with the same plugin (MkDocs keeps a plugin that has `on_startup` across
rebuilds), and prints as JSON how long the second build took and how much of it was Candour's
own work: the time spent in the plugin's hooks.
"""

from __future__ import annotations

import functools
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.plugins import CombinedEvent

from generator.bench.edit import change_record


class HookTimer:
    """Adds up the time spent in each `on_*` method of a plugin class while it is installed."""

    def __init__(self, plugin_class: type) -> None:
        self.plugin_class = plugin_class
        self.spent: dict[str, float] = {}
        self._originals: dict[str, Callable[..., Any]] = {}

    def __enter__(self) -> HookTimer:
        for name, method in vars(self.plugin_class).items():
            if not name.startswith("on_"):
                continue
            if isinstance(method, CombinedEvent):  # handlers of one event at several priorities
                self._originals[name] = method
                timed = CombinedEvent(*(self._timed(name, each) for each in method.methods))
                setattr(self.plugin_class, name, timed)
            elif callable(method):
                self._originals[name] = method
                setattr(self.plugin_class, name, self._timed(name, method))
        return self

    def __exit__(self, *_: object) -> None:
        for name, method in self._originals.items():
            setattr(self.plugin_class, name, method)

    def _timed(self, name: str, method: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(method)  # its MkDocs priority too, kept in its __dict__
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                self.spent[name] = self.spent.get(name, 0.0) + time.perf_counter() - started

        return timed

    def reset(self) -> None:
        self.spent.clear()

    @property
    def total(self) -> float:
        return sum(self.spent.values())


def serve_twice(root: Path, site: Path, record: Path) -> dict[str, Any]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator.plugin import CandourPlugin

    def config() -> Any:
        return load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site))

    with HookTimer(CandourPlugin) as hooks:
        first = config()
        first.plugins.on_startup(command="serve", dirty=False)
        started = time.perf_counter()
        build(first)
        first_s = time.perf_counter() - started
        first_hooks = dict(hooks.spent)
        hooks.reset()
        change_record(record)
        started = time.perf_counter()
        build(config())
        rebuild_s = time.perf_counter() - started
    return {
        "first_build_s": round(first_s, 3),
        "first_hooks_s": round(sum(first_hooks.values()), 3),
        "rebuild_total_s": round(rebuild_s, 3),
        "rebuild_s": round(hooks.total, 3),
        "rebuild_hooks": {name: round(spent, 3) for name, spent in sorted(hooks.spent.items())},
    }


def main(argv: list[str]) -> int:
    root, site, record = (Path(arg) for arg in argv[:3])
    print(json.dumps(serve_twice(root, site, record)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
