"""`candour pages --out DIR`: the site as a plain docs folder and mkdocs.yml, for any engine.

A thin wrapper over `generator.pages_folder`: what MkDocs builds with Candour's plugin, written out
so that MkDocs, ProperDocs or Zensical can build it without the plugin."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from generator.commands.build import RECORDS, find_root
from generator.commands.site_settings import CONFIG_FILE


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "pages",
        help="write the site's pages into a plain folder any MkDocs-compatible engine can build",
        description="Write every page of the site (the hand-written docs/ and the reports, tracker, "
        "charts and downloads made from the records) into DIR/docs, with DIR/mkdocs.yml, so that "
        "MkDocs, ProperDocs or Zensical can build it without Candour's plugin. Only a new folder, "
        "or one an earlier `candour pages` wrote, is replaced.",
    )
    command.add_argument("--out", type=Path, required=True, metavar="DIR", help="the folder to write")
    command.add_argument("--root", type=Path, default=None,
                         help=f"the repository's top folder, with {CONFIG_FILE} (default: found from here)")
    command.add_argument("--as-of", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                         help="the date the tracker reports as at (default: today)")
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from generator.commands.extras import missing_extra

    root = (args.root or find_root(Path.cwd())).resolve()
    if not (root / CONFIG_FILE).is_file() and not (root / RECORDS).is_dir():
        print(f"candour pages: neither {CONFIG_FILE} nor {RECORDS}/ in {root}; run it from the "
              "repository's top folder, or name it with --root", file=sys.stderr)
        return 1
    if missing := missing_extra("site", "candour pages"):
        print(f"candour pages: {missing}", file=sys.stderr)
        return 1
    from generator.language import NAMES
    from generator.pages_folder import PagesRefused, write_pages

    out = args.out if args.out.is_absolute() else Path.cwd() / args.out
    try:
        written = write_pages(root, out, as_of=args.as_of, environment=os.environ)
    except PagesRefused as refused:
        print(f"candour pages: failed; nothing was changed.\n{refused}", file=sys.stderr)
        return 1
    print(f"candour pages: read {written.settings}")
    print(f"candour pages: {written.files} files ({written.pages} pages made from the records) in "
          f"{written.folder}; build them with `mkdocs build` (or `properdocs build`, `zensical build`) "
          "in that folder")
    for language in written.languages[1:]:
        print(f"candour pages: the site in {NAMES[language]} is in {written.folder / language}; build it "
              f"there after the {NAMES[written.languages[0]]} site, into its {language}/ folder")
    return 0
