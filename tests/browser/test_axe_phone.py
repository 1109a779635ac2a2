"""Every kind of page passes axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules at 375 px wide in
the dark scheme, as on a phone at night."""

from __future__ import annotations

import pytest
from conftest import PAGE_KINDS, PHONE_DARK, Server, View
from pagecheck import assert_kind_passes, assert_open_search_passes

pytestmark = [pytest.mark.browser, pytest.mark.parametrize("view", [PHONE_DARK], ids=["phone-dark"])]


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_kind_of_page_has_no_violations(kind: str, server: Server, page, view: View) -> None:
    assert_kind_passes(kind, server, page, view)


def test_open_search_dialog_has_no_violations(server: Server, page, view: View) -> None:
    assert_open_search_passes(server, page, view)
