"""Keyboard use: a skip link first, and a visible focus on every element the Tab key reaches."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import DESKTOP_LIGHT, Server, View, pages_of_kind
from pagecheck import open_page

pytestmark = pytest.mark.browser

MAX_TAB_STOPS = 600

# The focused element's look, read while it has focus; it is tagged so its look can be read again
# once the next Tab has moved focus on. A visually hidden input (Material's palette toggle) shows its
# focus on the visible <label> beside it, so that is the element measured. Fade-ins (the skip link,
# heading permalinks) are let finish before a look is read.
SETTLE = """
  const settle = () => Promise.race([
    Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => null))),
    new Promise((resolve) => setTimeout(resolve, 600)),
  ]);"""

FOCUSED = "async (step) => {" + SETTLE + """
  const active = document.activeElement;
  if (!active || active === document.body || active === document.documentElement) return null;
  let shown = active;
  const box = active.getBoundingClientRect();
  if (box.width < 2 || box.height < 2 || getComputedStyle(active).opacity === '0') {
    const label = [...active.parentElement.children].find((item) => item.tagName === 'LABEL' && !item.hidden);
    if (label) shown = label;
  }
  shown.setAttribute('data-tab-step', String(step));
  await settle();
  const text = (active.innerText || active.value || active.getAttribute('aria-label') || '').trim();
  return {
    describe: `${active.tagName.toLowerCase()}${active.id ? '#' + active.id : ''}`
      + (typeof active.className === 'string' && active.className.trim()
        ? '.' + active.className.trim().split(/\\s+/).join('.') : '')
      + ` "${text.slice(0, 40)}"`,
    element: active.outerHTML.slice(0, 50),
  };
}"""

LOOK = "async (step) => {" + SETTLE + """
  const shown = document.querySelector(`[data-tab-step="${step}"]`);
  if (!shown) return null;
  await settle();
  const style = getComputedStyle(shown);
  const box = shown.getBoundingClientRect();
  return {
    outline: style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 1
      || /rgba\\(.*, 0\\)$/.test(style.outlineColor) ? 'none'
      : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
    boxShadow: style.boxShadow,
    border: ['Top', 'Right', 'Bottom', 'Left'].map((side) => ['Width', 'Style', 'Color']
      .map((part) => style[`border${side}${part}`]).join(' ')).join(' '),
    background: style.backgroundColor,
    underline: style.textDecorationLine,
    size: box.width >= 1 && box.height >= 1 && style.visibility !== 'hidden' && style.opacity !== '0',
  };
}"""


def focus_shows(focused: dict[str, Any], unfocused: dict[str, Any]) -> bool:
    """A visible focus: the element can be seen, and an outline, shadow, border, background or
    underline appears or changes when it has focus. A change of text colour alone is not enough."""
    if not focused["size"]:
        return False
    if focused["outline"] != "none" and focused["outline"] != unfocused["outline"]:
        return True
    return any(focused[key] != unfocused[key] for key in ("boxShadow", "border", "background", "underline"))


def tab_through(page: Any) -> tuple[list[str], list[str]]:
    """Press Tab until focus leaves the page or comes round again; the elements reached, and those
    among them with no visible focus."""
    reached: list[str] = []
    invisible: list[str] = []
    previous: dict[str, Any] | None = None
    seen: set[str] = set()
    for step in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        if previous is not None:
            unfocused = page.evaluate(LOOK, step - 1)
            if unfocused is not None and not focus_shows(previous["look"], unfocused):
                invisible.append(previous["describe"])
        current = page.evaluate(FOCUSED, step)
        if current is None or current["describe"] + current["element"] in seen:
            break
        seen.add(current["describe"] + current["element"])
        reached.append(current["describe"])
        previous = {"describe": current["describe"], "look": page.evaluate(LOOK, step)}
    else:
        pytest.fail(f"focus did not leave the page after {MAX_TAB_STOPS} presses of Tab")
    return reached, invisible


@pytest.mark.parametrize("kind", ["report", "tracker"])
def test_every_tab_stop_shows_focus(kind: str, view: View, server: Server, page) -> None:
    path = pages_of_kind(server.site.root, kind)
    assert path, f"the built site has no {kind} page"
    open_page(page, server.url(path[-1]), view.dark)
    reached, invisible = tab_through(page)
    assert len(reached) > 5, f"the Tab key reached only {reached} on /{path[-1]}"
    assert not invisible, (
        f"on /{path[-1]} ({view.id}), {len(invisible)} of the {len(reached)} elements reached with Tab "
        "show no visible focus:\n  " + "\n  ".join(invisible)
    )


@pytest.mark.parametrize("kind", ["report", "tracker"])
def test_skip_link_moves_focus_to_the_content(kind: str, server: Server, page, view: View) -> None:
    path = pages_of_kind(server.site.root, kind)
    assert path, f"the built site has no {kind} page"
    open_page(page, server.url(path[-1]), view.dark)
    page.keyboard.press("Tab")
    skip = page.evaluate("""() => {
      const link = document.activeElement;
      const box = link.getBoundingClientRect();
      return {text: link.textContent.trim(), href: link.getAttribute('href') || '',
              inView: box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0
                      && box.bottom <= innerHeight && box.right <= innerWidth};
    }""")
    assert skip["text"] == "Skip to content", f"the first Tab reached {skip['text']!r}, not the skip link"
    page.wait_for_timeout(400)  # the link slides in
    assert skip["inView"], "the skip link is not visible when it has focus"
    assert skip["href"].startswith("#"), f"the skip link goes to {skip['href']!r}, not into this page"
    page.keyboard.press("Enter")
    page.wait_for_function("(hash) => location.hash === hash", arg=skip["href"])
    page.keyboard.press("Tab")
    inside = page.evaluate("() => !!document.activeElement.closest('main, [role=main], .md-content')")
    where = page.evaluate("() => document.activeElement.outerHTML.slice(0, 120)")
    assert inside, f"after the skip link, Tab went to {where}, outside the main content"


def tab_to(page: Any, selector: str) -> None:
    """Press Tab until the element matching `selector` has focus, as a keyboard user would reach it."""
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        if page.evaluate("(selector) => document.activeElement.matches(selector)", selector):
            return
    pytest.fail(f"the Tab key never reached {selector}")


SHOWN_ROWS = """() => [...document.querySelectorAll('table[data-tracker] tbody tr')]
  .filter((row) => !row.hidden).length"""
COUNT = "() => document.querySelector('.candour-tracker-count').textContent"


@pytest.mark.parametrize("view", [DESKTOP_LIGHT], ids=["desktop-light"])
def test_tracker_filters_work_from_the_keyboard(server: Server, page, view: View) -> None:
    path = pages_of_kind(server.site.root, "tracker")
    assert path, "the built site has no tracker overview"
    open_page(page, server.url(path[0]), view.dark)
    page.wait_for_selector("form.candour-tracker-filters select")
    every = page.evaluate(SHOWN_ROWS)
    assert every > 1, "the tracker shows too few actions to filter"

    # A select chosen with the arrow keys narrows the rows, and the live region says how many.
    tab_to(page, "form.candour-tracker-filters select")
    page.keyboard.press("ArrowDown")
    page.wait_for_function(f"() => ({SHOWN_ROWS})() < {every}")
    shown = page.evaluate(SHOWN_ROWS)
    page.wait_for_function(f"() => ({COUNT})().includes('Showing {shown} of {every}')")

    # Words typed in the search box narrow them too.
    tab_to(page, "form.candour-tracker-filters input[type=search]")
    page.keyboard.type("zzzz-no-such-words")
    page.wait_for_function(f"() => ({SHOWN_ROWS})() === 0")

    # The clear button, pressed with Enter, brings every action back.
    tab_to(page, "form.candour-tracker-filters button")
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => ({SHOWN_ROWS})() === {every}")

    # A column heading's sort button, pressed with Space, sorts and says so.
    tab_to(page, "table[data-tracker] thead button")
    page.keyboard.press("Space")
    page.wait_for_function("() => document.activeElement.closest('th').ariaSort === 'ascending'")
