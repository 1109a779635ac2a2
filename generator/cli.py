"""`candour`: the officer's command line, a thin face over the library."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# Each name is a module in generator.commands with register(subparsers) -> None.
COMMANDS = ("validate", "new", "init", "imports", "export", "build", "pages", "bench", "cms-config")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="candour",
        description="Check complaints records and publish the annual report and action tracker.",
    )
    top.add_argument("--version", action=_Version, nargs=0,
                     help="the Candour version and the record model its schemas describe")
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


class _Version(argparse.Action):
    """Worked out only when asked for, so no other command reads the schemas to start."""

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        parser.exit(message=_version() + "\n")


def _version() -> str:
    from pathlib import Path

    from generator.check.schema_files import schema_versions, schemas_folder
    from generator.commands.extras import candour_version

    models = sorted({v for v in schema_versions(schemas_folder(Path.cwd())).values() if v is not None})
    return f"candour {candour_version()} (record model {', '.join(map(str, models)) or 'unknown'})"


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        print("candour: stopped", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
