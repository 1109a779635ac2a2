"""`candour cms-config`: the records editor's configuration (Decap CMS's config.yml).

Every build writes the same configuration to admin/config.yml; this command shows it, or writes
it to a file, so a council can read what the form will offer before publishing it.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from generator.check import RECORDS, schemas_folder
from generator.cms.admin import EditorError, EditorSource, editor_config
from generator.cms.config import config_text
from generator.commands.validate import find_root


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "cms-config",
        help="print the records editor's configuration (admin/config.yml)",
        description="Make the configuration of the records editor at admin/ (Decap CMS) from the "
        "schemas and records/organisation.yaml: a collection for each kind of record and "
        "reporting year. The build writes it to admin/config.yml of the site.",
    )
    command.add_argument("--root", type=Path, default=None, help="the repository's top folder")
    command.add_argument("--output", "-o", type=Path, default=None,
                         help="write it to this file instead of printing it")
    command.add_argument("--branch", default=None,
                         help="propose records against this branch (default: site.branch, else main)")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    root = args.root.resolve() if args.root else find_root(Path.cwd())
    if not (root / RECORDS).is_dir():
        print(f"candour cms-config: there is no {RECORDS}/ folder in {root}; run it from the "
              "repository's top folder or give --root", file=sys.stderr)
        return 1
    source = EditorSource(root / RECORDS, schemas_folder(root), RECORDS, args.branch)
    try:
        config, _ = editor_config(source, date.today())
    except EditorError as error:
        print(f"candour cms-config: {error}", file=sys.stderr)
        return 1
    text = config_text(config)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as error:
        print(f"candour cms-config: cannot write {args.output}: {error}", file=sys.stderr)
        return 1
    print(f"wrote {args.output} ({len(config['collections'])} collections)")
    return 0
