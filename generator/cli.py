"""`candour`: the officer's command line, a thin face over the library."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# Each name is a module in generator.commands with register(subparsers) -> None.
COMMANDS = ("validate", "new", "init", "imports", "export", "build", "pages", "bench", "cms-config")
# The command each module registers, where it is not the module's own name.
COMMAND_NAMES = {"imports": "import"}


def parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line's parser. Given the arguments, only the command they name is registered:
    importing every command's module (the editor's, the importer's, ...) took a tenth of a warm
    `candour validate`. Without a command among them (`candour --help`), all are."""
    top = argparse.ArgumentParser(
        prog="candour",
        description="Check complaints records and publish the annual report and action tracker.",
    )
    top.add_argument("--version", action=_Version, nargs=0,
                     help="the Candour version and the record model its schemas describe")
    subparsers = top.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in _wanted(argv):
        try:
            module = importlib.import_module(f"generator.commands.{name.replace('-', '_')}")
        except ModuleNotFoundError as missing:
            if missing.name != f"generator.commands.{name.replace('-', '_')}":
                raise
            continue
        module.register(subparsers)
    return top


def _wanted(argv: Sequence[str] | None) -> tuple[str, ...]:
    """The command modules to register: the one the first argument names, else every one."""
    words = list(sys.argv[1:] if argv is None else argv)
    named = next((word for word in words if not word.startswith("-")), None)
    chosen = [name for name in COMMANDS if COMMAND_NAMES.get(name, name) == named]
    return tuple(chosen) or COMMANDS


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
    args = parser(argv).parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        print("candour: stopped", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
