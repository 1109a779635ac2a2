"""`candour`: the officer's command line, a thin face over the library."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# Each name is a module in generator.commands with register(subparsers) -> None.
COMMANDS = ("validate", "new", "init", "imports", "export", "build", "bench", "cms-config")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="candour",
        description="Check complaints records and publish the annual report and action tracker.",
    )
    subparsers = top.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"generator.commands.{name.replace('-', '_')}")
        except ModuleNotFoundError as missing:
            if missing.name != f"generator.commands.{name.replace('-', '_')}":
                raise
            continue
        module.register(subparsers)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        print("candour: stopped", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
