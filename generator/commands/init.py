"""`candour init DIR`: start a council's own repository, ready to check and build.

Asks a few questions at a terminal (or takes them as flags; `--yes` takes the defaults for the
rest), writes the files (generator/council_repository.py) and makes a first commit where git is
present. Refuses a folder that is not empty.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from generator.commands.extras import candour_version
from generator.council_repository import CANDOUR_REPOSITORY, InitError, start_repository
from generator.nations import NATIONS
from generator.organisation_file import Answers

SERVICES = {"adults": ("adults",), "children": ("children",), "both": ("adults", "children")}


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "init",
        help="start a council's own records repository",
        description="Start a council's repository in DIR (new or empty): organisation file, site "
        "settings and pages, workflows, pre-commit hook, pinned versions and a README for officers. "
        "Asks what it is not told, unless --yes.",
    )
    command.add_argument("folder", type=Path, metavar="DIR", help="the new repository's folder")
    command.add_argument("--council", help="the council's name, as the public reads it")
    command.add_argument(
        "--nation", choices=sorted(NATIONS), help="whose regulations apply (default england)"
    )
    command.add_argument(
        "--services", choices=sorted(SERVICES), help="what the report covers (default adults)"
    )
    command.add_argument("--ombudsman-id", help="a short id for the ombudsman (default: the nation's)")
    command.add_argument("--ombudsman-name", help="the ombudsman's full name (default: the nation's)")
    command.add_argument("--site-url", help="where the site will be published, https://...")
    command.add_argument("--repository-url", help="where this repository will be kept, https://...")
    command.add_argument(
        "--branch", default=None, help="the branch the site is published from (default main)"
    )
    command.add_argument("--year", help="the first reporting year, such as 2024-25 (default: this year)")
    command.add_argument(
        "--candour-repository",
        default=CANDOUR_REPOSITORY,
        help=f"where Candour's source and hook are fetched from (default {CANDOUR_REPOSITORY})",
    )
    command.add_argument("--no-git", action="store_true", help="do not run git init or commit")
    command.add_argument("--yes", action="store_true", help="ask nothing: defaults for what is not given")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    asking = not args.yes and sys.stdin.isatty()
    try:
        answers = _answers(args, input if asking else None)
        started = start_repository(
            args.folder.resolve(),
            answers,
            version=candour_version(),
            year=args.year,
            candour_repository=args.candour_repository,
            git=not args.no_git,
        )
    except (InitError, ValueError) as error:
        print(f"candour init: {error}", file=sys.stderr)
        return 1
    except EOFError:
        print(
            "candour init: stopped before every question was answered; nothing was written", file=sys.stderr
        )
        return 1
    print(f"candour init: started {answers.council}'s repository in {started.folder}")
    print(
        f"  {len(started.written)} files written" + (", and a first commit made" if started.committed else "")
    )
    for note in started.notes:
        print(f"  note: {note}")
    print(
        "Next: read README.md there, then change records/organisation.yaml to the council's own lists,\n"
        "and run candour validate and candour build in that folder."
    )
    return 0


def _answers(args: argparse.Namespace, ask: Callable[[str], str] | None) -> Answers:
    """The answers from the flags, asking at a terminal for what they leave out."""

    def answer(
        given: str | None, question: str, default: str | None, choices: list[str] | None = None
    ) -> str | None:
        if given is not None or ask is None:
            return given if given is not None else default
        hint = f" ({'/'.join(choices)})" if choices else ""
        while True:
            said = ask(f"{question}{hint}" + (f" [{default}]" if default else "") + ": ").strip()
            said = said or (default or "")
            if not said and default is None:
                return None
            if choices is None or said in choices:
                return said
            print(f"  please answer one of {', '.join(choices)}")

    council = answer(args.council, "The council's name, as the public reads it", None)
    if not council:
        raise InitError(
            "give the council's name with --council (for example --council 'Northshire County Council')"
        )
    nation = answer(args.nation, "Nation", "england", sorted(NATIONS)) or "england"
    services = answer(args.services, "Services the report covers", "adults", sorted(SERVICES)) or "adults"
    site_url = answer(
        args.site_url, "Address the site will be published at (Enter to leave it for later)", None
    )
    repository_url = answer(
        args.repository_url, "Address of this repository (Enter to leave it for later)", None
    )
    return Answers(
        council=council,
        nation=nation,
        services=SERVICES[services],
        ombudsman_id=args.ombudsman_id,
        ombudsman_name=args.ombudsman_name,
        site_url=site_url or None,
        repository_url=repository_url or None,
        branch=args.branch or "main",
    )
