"""Every kind of page at desktop width (light) and phone width (dark): a screenshot saved for a
reviewer in test-artifacts/screenshots/, nothing wider than the window, and nothing overflowing
or cut off by its container (issue 16 point 1). On a phone a wide table may scroll inside its own
labelled, focusable box, with its first column in view and a visible cue that it scrolls; at
desktop width no report table needs to scroll at all."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import ARTIFACTS, PAGE_KINDS, Server, View, pages_of_kind
from pagecheck import open_page

pytestmark = pytest.mark.browser

SCREENSHOTS = ARTIFACTS / "screenshots"
DESKTOP_WIDTH = 1280

# 1.4.10 Reflow: at 375 px nothing but a table's own scroll box may scroll sideways.
PAGE_WIDTH = "() => [document.documentElement.scrollWidth, window.innerWidth]"

# Every box in the page's content that is cut off: an element reaching past the edge of an ancestor
# that hides its overflow, or a hiding element whose own content is wider than it (text included).
# A box that scrolls is listed apart, with what a reader needs to use it.
OVERFLOW = """() => {
  const describe = (item) => {
    const classes = typeof item.className === 'string' && item.className.trim()
      ? '.' + item.className.trim().split(/\\s+/).join('.') : '';
    const words = (item.innerText || item.getAttribute('alt') || '').trim().split('\\n')[0].slice(0, 50);
    return `${item.tagName.toLowerCase()}${item.id ? '#' + item.id : ''}${classes} "${words}"`;
  };
  const shown = (item) => {
    const style = getComputedStyle(item);
    return item.getClientRects().length > 0 && style.visibility !== 'hidden';
  };
  const content = document.querySelector('.md-content');
  if (!content) return {clipped: [], scrolling: []};
  const clipped = [], scrolling = [];
  for (const item of [content, ...content.querySelectorAll('*')]) {
    if (!shown(item)) continue;
    const style = getComputedStyle(item);
    const box = item.getBoundingClientRect();
    if (['hidden', 'clip'].includes(style.overflowX) && item.scrollWidth > item.clientWidth + 1) {
      clipped.push(`${describe(item)} hides ${item.scrollWidth - item.clientWidth} px of its content`);
    }
    if (['auto', 'scroll'].includes(style.overflowX) && item.scrollWidth > item.clientWidth + 1) {
      const hint = item.parentElement.querySelector(':scope > .candour-scroll-hint');
      const first = item.querySelector('tbody th[scope="row"]');
      const code = item.tagName === 'CODE' && item.parentElement.tagName === 'PRE';
      const report = item.classList.contains('candour-table');
      scrolling.push({
        box: describe(item),
        // the box itself (a named region), or links inside it that bring it into view
        focusable: item.tabIndex >= 0 || Boolean(item.querySelector('a[href], button, input, select')),
        named: item.tabIndex < 0 || code || Boolean((item.getAttribute('aria-label') || '').trim()),
        // a report table says so in words; any other table shows shadows at its edges
        cue: code || (report ? Boolean(hint && shown(hint)) : style.backgroundAttachment.includes('local')),
        firstColumnStays: !report || !first || getComputedStyle(first).position === 'sticky',
        report,
        code,
      });
    }
    // Past the edge of the nearest ancestor that hides or scrolls its overflow.
    let up = item.parentElement;
    while (up && up !== document.body && getComputedStyle(up).overflowX === 'visible') up = up.parentElement;
    if (!up || up === document.body || box.width === 0) continue;
    const limit = up.getBoundingClientRect();
    const hides = ['hidden', 'clip'].includes(getComputedStyle(up).overflowX);
    if (hides && (box.right > limit.right + 1 || box.left < limit.left - 1)) {
      clipped.push(`${describe(item)} reaches past ${describe(up)}`);
    }
  }
  return {clipped, scrolling};
}"""


def overflow_problems(found: dict[str, Any], view: View) -> list[str]:
    problems = list(found["clipped"])
    for box in found["scrolling"]:
        if view.width >= DESKTOP_WIDTH and not box["code"]:
            problems.append(f"{box['box']} must be scrolled sideways to be read at {view.width} px")
        needs = {"focusable": "takes no keyboard focus", "named": "has no accessible name",
                 "cue": "shows no cue that it scrolls", "firstColumnStays": "loses its first column"}
        problems += [f"{box['box']} scrolls but {why}" for key, why in needs.items() if not box[key]]
    return problems


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_screenshot_and_nothing_overflows(kind: str, server: Server, page, view: View) -> None:
    paths = pages_of_kind(server.site.root, kind)
    assert paths, f"the built site has no {kind} page"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems = []
    for path in paths:
        open_page(page, server.url(path), view.dark)
        page.evaluate("() => document.querySelectorAll('img').forEach((img) => { img.loading = 'eager'; })")
        page.wait_for_load_state("networkidle")
        if path == paths[-1]:
            shot = SCREENSHOTS / f"{kind}-{view.id}.png"
            page.screenshot(path=str(shot), full_page=True, timeout=60_000)  # long pages on a busy machine
            assert shot.stat().st_size > 10_000, f"the screenshot {shot} is blank"
        content_width, window_width = page.evaluate(PAGE_WIDTH)
        if content_width > window_width:
            problems.append(f"/{path} is {content_width} px wide in a {window_width} px window: "
                            "the reader must scroll sideways")
        problems += [f"/{path}: {problem}" for problem in overflow_problems(page.evaluate(OVERFLOW), view)]
    assert not problems, f"at {view.width} px ({view.id}):\n" + "\n".join(problems)
