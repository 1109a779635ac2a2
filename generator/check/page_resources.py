"""What a hand-written page would load from another host, or run: each place at its line.

A page of the site loads nothing from elsewhere (a reader's visit is nobody else's business) and
runs no script it did not come with. Found: Markdown images (inline and by reference), HTML
elements that load something (`img`, `script`, `link`, `iframe`, `video`, `audio`, `source`,
`object`, `embed`, ...), `url(...)` and `@import` in styles, every `<script>` and every `on...=`
attribute. Text in code blocks and code spans is shown, not loaded, and is left alone. HTML is
read with the standard library's parser, which undoes character references (`&#104;ttps:`) as a
browser would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

# Attributes that make the element they are on load something.
_LOADING = {
    "img": ("src", "srcset"), "script": ("src",), "iframe": ("src",), "frame": ("src",),
    "video": ("src", "poster"), "audio": ("src",), "source": ("src", "srcset"), "track": ("src",),
    "embed": ("src",), "object": ("data",), "input": ("src",), "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"), "link": ("href",), "body": ("background",), "table": ("background",),
    "td": ("background",), "meta": ("content",),
}
_WHAT = {"img": "an image", "image": "an image", "script": "a script", "link": "a style or icon",
         "video": "a video", "audio": "a sound", "source": "a video or image", "track": "captions",
         "iframe": "a page", "frame": "a page", "object": "an object", "embed": "an object"}
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_INLINE_IMAGE = re.compile(r"!\[[^\]\n]*\]\(\s*<?([^)\s>]+)")
_REFERENCE_IMAGE = re.compile(r"!\[([^\]\n]*)\](?:\[([^\]\n]*)\])?")
_DEFINITION = re.compile(r"^ {0,3}\[([^\]\n]+)\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_STYLE_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]+)|@import\s+(?:url\()?\s*['\"]?\s*([^'\")\s;]+)",
                        re.IGNORECASE)
_REFRESH = re.compile(r"url\s*=\s*(\S+)", re.IGNORECASE)


@dataclass(frozen=True)
class Loaded:
    """Something a page loads or runs: where (1-based line and column) and what, in words."""

    line: int
    column: int
    message: str


def elsewhere(address: str, own_host: str | None) -> str | None:
    """The other host an address loads from, or None for the site's own files (a relative path, a
    `data:` address, or the site's own host)."""
    cleaned = address.strip().replace("\\", "/")
    cleaned = re.sub(r"[\x00-\x20]", "", cleaned)  # as a browser does, before it reads the scheme
    if not cleaned or cleaned.lower().startswith("data:"):
        return None
    parts = urlsplit(cleaned)
    if not parts.scheme and not cleaned.startswith("//"):
        return None
    host = (parts.hostname or "").lower()
    if host and own_host and host == own_host.lower() and parts.scheme in ("https", "http", ""):
        return None
    return host or parts.scheme or cleaned[:40]


def loaded(text: str, own_host: str | None = None) -> list[Loaded]:
    """Everything the page would load from another host or run, in reading order."""
    shown = without_code(text)
    found = _markdown_images(shown, own_host) + _styles(shown, own_host)
    parser = _Elements(own_host)
    parser.feed(shown)
    parser.close()
    return sorted(found + parser.found, key=lambda each: (each.line, each.column))


def without_code(text: str) -> str:
    """The text with fenced code blocks and code spans blanked, so that positions stay the same."""
    lines = text.split("\n")
    fence: str | None = None
    for number, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening[1][0] == fence[0] and len(opening[1]) >= len(fence):
                fence = None
            lines[number] = " " * len(line)
        elif opening:
            fence = opening[1]
            lines[number] = " " * len(line)
        else:
            lines[number] = _CODE_SPAN.sub(lambda span: " " * len(span[0]), line)
    return "\n".join(lines)


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _from(what: str, host: str) -> str:
    return (f"loads {what} from another host ({host}): a page of the site loads nothing from "
            "elsewhere; put the file under docs/ and give its path instead")


def _markdown_images(text: str, own_host: str | None) -> list[Loaded]:
    found = []
    for match in _INLINE_IMAGE.finditer(text):
        host = elsewhere(match[1], own_host)
        if host:
            found.append(Loaded(*_position(text, match.start()), _from("an image", host)))
    definitions = {label.lower(): address for label, address in _DEFINITION.findall(text)}
    for match in _REFERENCE_IMAGE.finditer(text):
        if text.startswith("(", match.end()):
            continue  # an inline image, seen above
        label = (match[2] or match[1]).lower()
        host = elsewhere(definitions[label], own_host) if label in definitions else None
        if host:
            found.append(Loaded(*_position(text, match.start()), _from("an image", host)))
    return found


def styles_loaded(text: str, own_host: str | None) -> list[Loaded]:
    """What a stylesheet would load from another host."""
    return _styles(text, own_host)


def _styles(text: str, own_host: str | None) -> list[Loaded]:
    found = []
    for match in _STYLE_URL.finditer(text):
        host = elsewhere(match[1] or match[2], own_host)
        if host:
            found.append(Loaded(*_position(text, match.start()), _from("a style or image", host)))
    return found


class _Elements(HTMLParser):
    """The elements of the page's own HTML that load something, or run a script."""

    def __init__(self, own_host: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.own_host = own_host
        self.found: list[Loaded] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, offset = self.getpos()
        where = (line, offset + 1)
        if tag == "script" and not dict(attrs).get("src"):
            self.found.append(Loaded(*where, "holds a script: a hand-written page may not run one; "
                                     "remove the <script> element"))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(Loaded(*where, f"runs a script from its {name} attribute: a hand-written "
                                         "page may not run one; remove the attribute"))
            elif value and name in ("href", "src", "action", "formaction") and (
                    value.strip().lower().startswith(("javascript:", "vbscript:"))):
                self.found.append(Loaded(*where, f"runs a script from its {name} address: a hand-written "
                                         "page may not run one; give a web address instead"))
        for name, value in attrs:
            if name not in _LOADING.get(tag, ()) or not value:
                continue
            if tag == "meta":
                refresh = _REFRESH.search(value)
                value = refresh[1] if refresh else ""
            addresses = [part.split()[0] for part in value.split(",") if part.split()] if (
                name == "srcset") else [value]
            for address in addresses:
                host = elsewhere(address, self.own_host)
                if host and (tag != "link" or _loads(attrs)):
                    self.found.append(Loaded(*where, _from(_WHAT.get(tag, "a file"), host)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def _loads(attrs: list[tuple[str, str | None]]) -> bool:
    """Whether a <link> loads its address: every rel but a plain link to another page does."""
    rel = " ".join(value or "" for name, value in attrs if name == "rel").lower().split()
    return not rel or not set(rel) <= {"alternate", "author", "help", "license", "next", "prev", "search",
                                       "canonical", "me", "noopener", "noreferrer", "nofollow"}
