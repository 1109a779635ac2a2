"""`candour bench --records N`: time validate and build on a synthetic council of N records."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

# The stages are named here so that `candour validate` does not import the benchmark to start.
STAGES = ("check-jsonschema", "validate", "build", "rebuild", "tracker")


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "bench",
        help="time validate and build on a synthetic council",
        description="Write a synthetic council of N records (the demo's kinds and proportions, over "
        "ten reporting years) in a temporary folder, and time the parse floor, check-jsonschema, "
        "candour validate cold and warm, a full site build and a serve rebuild, with peak memory; "
        "and the tracker on an action plan of 500 actions with 5,000 commits in git.",
    )
    command.add_argument("--records", type=int, default=2000, metavar="N",
                         help="how many records (default 2000)")
    command.add_argument("--repeat", type=int, default=3, metavar="K",
                         help="runs of each stage; the median is reported (default 3)")
    command.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON")
    command.add_argument("--seed", type=int, default=2019,
                         help="seed of the synthetic council (default 2019)")
    command.add_argument("--skip", action="append", choices=STAGES, default=[],
                         help="leave a stage out (may be given more than once)")
    command.add_argument("--keep", type=Path, metavar="FOLDER",
                         help="write the council here and keep it, instead of a temporary folder")
    command.add_argument("--quiet", action="store_true", help="no progress on stderr")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.records < 200 or args.repeat < 1:
        print("candour bench: --records must be at least 200 and --repeat at least 1", file=sys.stderr)
        return 2
    if args.keep is not None and args.keep.exists() and any(args.keep.iterdir()):
        print(f"candour bench: {args.keep} is not empty; give a new or empty folder", file=sys.stderr)
        return 2
    from generator.bench.progress import ProgressBar
    from generator.bench.report import table
    from generator.bench.run import run_bench

    result = run_bench(args.records, repeats=args.repeat, seed=args.seed, skip=tuple(args.skip),
                       folder=args.keep, progress=ProgressBar(quiet=args.quiet))
    print(table(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 1 if result["failures"] else 0
