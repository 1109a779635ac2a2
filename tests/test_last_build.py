"""What one build made is found by the next, and forgotten by the one after if unused."""

from __future__ import annotations

from generator.last_build import LastBuild


def test_a_thing_made_is_found_until_a_build_passes_without_it() -> None:
    made: list[str] = []
    kept: LastBuild[str] = LastBuild()

    def make(name: str):  # type: ignore[no-untyped-def]
        return lambda: made.append(name) or name.upper()

    assert kept.made("a", make("a")) == "A"
    assert kept.made("a", make("a")) == "A" and made == ["a"]  # within one build
    kept.next_build()
    assert kept.made("a", make("a")) == "A" and made == ["a"]  # in the next build
    kept.next_build()
    kept.next_build()  # a build that did not ask for it: it is let go
    assert kept.made("a", make("a")) == "A" and made == ["a", "a"]
