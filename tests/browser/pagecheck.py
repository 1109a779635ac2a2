"""Opening a site page the way a reader sees it, and checking it with axe-core."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import axe_playwright_python

# axe-core as shipped inside axe-playwright-python: injected into each page, run directly, so the
# exact rule set is ours to choose.
AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa")
RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations;
}"""

# Material keeps the reader's scheme choice in a palette form of radio inputs; choosing one copies
# its data-md-color-* attributes onto <body>. Doing the same here shows the slate (dark) scheme
# whether or not the palette follows prefers-color-scheme.
CHOOSE_SCHEME = """(scheme) => {
  const form = document.querySelector('[data-md-component="palette"]');
  const option = form && form.querySelector(`input[data-md-color-scheme="${scheme}"]`);
  const names = option ? ['media', 'scheme', 'primary', 'accent'] : ['scheme'];
  for (const name of names) {
    const value = option ? option.getAttribute(`data-md-color-${name}`) : scheme;
    if (value !== null) document.body.setAttribute(`data-md-color-${name}`, value);
  }
  if (option) option.checked = true;
  return document.body.getAttribute('data-md-color-scheme');
}"""


def open_page(page: Any, url: str, dark: bool) -> None:
    """Go to a page, wait for it to settle, and show it in the view's colour scheme."""
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    shown = page.evaluate(CHOOSE_SCHEME, "slate" if dark else "default")
    assert shown == ("slate" if dark else "default"), f"could not show the {url} page's colour scheme"
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
            lines.append(f"    at {', '.join(map(str, node['target']))}: {node['html'][:160]}")
            lines.append(f"      {summary}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    … and {len(violation['nodes']) - 8} more elements")
    return "\n".join(lines)
