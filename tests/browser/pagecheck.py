"""Opening a site page the way a reader sees it, and checking it with axe-core."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import axe_playwright_python
from conftest import Server, View, pages_of_kind

# axe-core as shipped inside axe-playwright-python: injected into each page, run directly, so the
# exact rule set is ours to choose.
AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa")
RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations;
}"""

# Material keeps the reader's scheme in a palette form: radio inputs, each followed by the visible
# toggle for the next scheme. Pressing the toggle, as a reader would, until the wanted scheme shows
# works whether or not the palette follows prefers-color-scheme. A site with no toggle gets the
# scheme set directly.
CHOOSE_SCHEME = """async (scheme) => {
  const form = document.querySelector('[data-md-component="palette"]');
  if (!form) document.body.setAttribute('data-md-color-scheme', scheme);
  let press = 0;
  for (; form && press < 4; press++) {
    if (document.body.getAttribute('data-md-color-scheme') === scheme) break;
    const toggle = [...form.querySelectorAll('label')].find((label) => !label.hidden);
    if (!toggle) break;
    toggle.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {shown: document.body.getAttribute('data-md-color-scheme'), pressed: press > 0};
}"""


def open_page(page: Any, url: str, dark: bool) -> None:
    """Go to a page, wait for it to settle, and show it in the view's colour scheme."""
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    wanted = "slate" if dark else "default"
    chosen = page.evaluate(CHOOSE_SCHEME, wanted)
    if chosen["pressed"]:
        # Material remembers the choice; reloading starts keyboard focus from the top of the page again.
        page.reload(wait_until="load")
        page.wait_for_load_state("networkidle")
        chosen = page.evaluate(CHOOSE_SCHEME, wanted)
    assert chosen["shown"] == wanted, f"could not show {url} in the {wanted} colour scheme"
    page.wait_for_timeout(50)  # let the style recalculation and any transitions finish


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """The WCAG 2.0-2.2 A and AA violations axe-core finds on the page as it is now."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(content=AXE_SOURCE)
    return page.evaluate(RUN_AXE, list(WCAG_TAGS))


def describe(violations: list[dict[str, Any]]) -> str:
    """Violations as a reader can act on them: the rule, why, and each element with its fix."""
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"][:8]:
            summary = " ".join(node.get("failureSummary", "").split())
            html = " ".join(node["html"].split())[:160]
            lines.append(f"    at {', '.join(map(str, node['target']))}: {html}")
            lines.append(f"      {summary}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    … and {len(violation['nodes']) - 8} more elements")
    return "\n".join(lines)


def assert_kind_passes(kind: str, server: Server, page: Any, view: View) -> None:
    """Every page of a kind, in the view, has no axe-core violations; the build must have one."""
    paths = pages_of_kind(server.site.root, kind)
    assert paths, f"the built site has no {kind} page to check"
    failures = []
    for path in paths:
        open_page(page, server.url(path), view.dark)
        violations = axe_violations(page)
        if violations:
            failures.append(f"/{path} ({view.id}):\n{describe(violations)}")
    assert not failures, "axe-core found accessibility violations:\n" + "\n".join(failures)


def assert_open_search_passes(server: Server, page: Any, view: View) -> None:
    """The search dialog, open with results showing, has a name and no violations."""
    open_page(page, server.url(""), view.dark)
    page.keyboard.press("/")  # Material's shortcut to open search
    query = page.locator("input.md-search__input")
    query.wait_for(state="visible")
    query.press_sequentially("complaint", delay=30)
    # The count replaces "Type to start searching" once the search index has answered.
    page.wait_for_function("() => /\\d/.test(document.querySelector('.md-search-result__meta').textContent)")
    dialog = page.locator('[data-md-component="search"]')
    assert dialog.get_attribute("role") == "dialog"
    assert (dialog.get_attribute("aria-label") or "").strip(), "the search dialog has no accessible name"
    violations = axe_violations(page)
    assert not violations, f"axe-core found violations with search open ({view.id}):\n" + describe(violations)
