"""The visible text of a built site's pages, page by page: what a reader sees in each page's main
content (the theme's header, navigation and footer left out), to compare sites built by different
engines from the same records."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

MAIN = "article.md-content__inner"  # Material's content area, which Zensical keeps


def main_text(page: Path) -> str:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    main = soup.select_one(MAIN)
    assert main is not None, f"{page} has no {MAIN}"
    return main.get_text(" ", strip=True)


def site_text(site: Path) -> dict[str, str]:
    """Each page's main text by its path in the site (the records editor's page, admin/ of each
    language's site, is not the theme's)."""
    pages = sorted(path for path in site.rglob("*.html") if "admin" not in path.relative_to(site).parts[:-1])
    return {page.relative_to(site).as_posix(): main_text(page) for page in pages}


def differences(built: dict[str, str], other: dict[str, str]) -> list[str]:
    """Each page whose text differs, with where it starts to differ."""
    found = [f"only in one site: {sorted(set(built) ^ set(other))}"] if set(built) != set(other) else []
    for path in sorted(set(built) & set(other)):
        mine, theirs = built[path], other[path]
        if mine != theirs:
            at = next((i for i, (a, b) in enumerate(zip(mine, theirs, strict=False)) if a != b),
                      min(len(mine), len(theirs)))
            start = max(0, at - 60)
            found.append(f"{path}: ...{mine[start:at + 60]!r} against ...{theirs[start:at + 60]!r}")
    return found
