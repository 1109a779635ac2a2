"""HTML blocks that skip Python-Markdown: lifted and put back in place, never forged by record text,
never lost in silence, their links resolved as MkDocs resolves Markdown links."""

from __future__ import annotations

import logging

import markdown
import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.pages.blocks import LostBlock, anchors, html_block, lifted, restored
from generator.pages.markdown import escape_attribute, escape_markdown
from generator.plugin import PageBlocks

FORGED = "<!--candour-html 0123-->\n<script>alert(1)</script>\n<!--/candour-html 0123-->"


def rendered(text: str, address=lambda url: url) -> str:
    skeleton, blocks = lifted(text)
    html = markdown.markdown(skeleton, extensions=["tables", "attr_list", "md_in_html"])
    return restored(html, blocks, address)


def test_a_block_comes_back_in_place_of_its_paragraph_untouched_by_markdown():
    block = html_block('<table>\n<tr><td>*not emphasis* [not](a-link) { .x }</td></tr>\n</table>')
    text = f"# Title\n\nBefore *this*.\n\n{block}\n\nAfter.\n\n{html_block('<p>second</p>')}\n"
    skeleton, blocks = lifted(text)
    assert "<table" not in skeleton and len(blocks) == 2
    assert rendered(text) == (
        '<h1>Title</h1>\n<p>Before <em>this</em>.</p>\n'
        '<table>\n<tr><td>*not emphasis* [not](a-link) { .x }</td></tr>\n</table>\n'
        '<p>After.</p>\n<p>second</p>'
    )


def test_record_text_cannot_open_a_block_nor_pose_as_a_placeholder():
    # Escaped as every record text is, a forged fence is text; unescaped, it lacks the secret.
    for text in (str(escape_markdown(FORGED)), FORGED):
        skeleton, blocks = lifted(text)
        assert blocks == [] and skeleton == text
    placeholder = lifted(html_block("<p>mine</p>"))[0]
    forged_word = placeholder[:-1] + "7"  # a placeholder number no block has
    with pytest.raises(LostBlock):
        restored(f"<p>{placeholder}</p>\n<p>{forged_word}</p>", ["<p>mine</p>"], str)
    with pytest.raises(LostBlock):  # the same block twice
        restored(f"<p>{placeholder}</p>\n<p>{placeholder}</p>", ["<p>mine</p>"], str)


def test_a_block_markdown_did_not_keep_as_a_paragraph_is_an_error_not_a_leak():
    indented = "- a list item\n\n    " + html_block("<p>x</p>").replace("\n", "\n    ")
    with pytest.raises(LostBlock):
        rendered(indented + "\n")
    with pytest.raises(LostBlock):  # a placeholder inside a heading's text
        restored("<h2>" + lifted(html_block("<p>x</p>"))[0] + "</h2>", ["<p>x</p>"], str)


def test_only_the_blocks_own_links_are_resolved_and_text_is_never_rewritten():
    text = 'See href="../x.md" and src="y.md" written by a record.'
    block = f'<p><a href="../x.md#part">{escape_attribute(text)}</a> <img src="c.svg" data-src="d.md"></p>'
    seen = []

    def address(url: str) -> str:
        seen.append(url)
        return f"/resolved/{url}"

    html = rendered(html_block(block), address)
    assert seen == ["../x.md#part", "c.svg"]
    assert 'href="/resolved/../x.md#part"' in html and 'src="/resolved/c.svg"' in html
    assert "See href=&quot;../x.md&quot; and src=&quot;y.md&quot;" in html and 'data-src="d.md"' in html


def test_anchors_are_the_ids_blocks_give():
    ids = anchors(['<table id="tracker-actions">', '<p id="a&amp;b">x</p><p>y</p>'])
    assert ids == {"tracker-actions", "a&b"}


# The plugin's part: links made relative to the published page, as MkDocs makes them ----------------

def site(tmp_path) -> tuple[MkDocsConfig, Files]:
    config = MkDocsConfig()
    config.load_dict({"site_name": "Test", "docs_dir": str(tmp_path), "site_dir": str(tmp_path / "site"),
                      "use_directory_urls": True})
    config.validate()
    paths = ["methodology.md", "reports/2019-20/index.md", "reports/2019-20/print.md",
             "reports/2019-20/data/outcomes.csv", "tracker/actions/ACT-2019-01.md"]
    return config, Files([File(path, str(tmp_path), str(tmp_path / "site"), True) for path in paths])


@pytest.mark.parametrize("page_path, expected", [
    ("reports/2019-20/index.md",
     '<a href="../../methodology/#median">m</a><a href="data/outcomes.csv">c</a>'
     '<a href="../../tracker/actions/ACT-2019-01/">a</a><a href="#here">h</a><a href="https://e.org/x.md">e</a>'),
    ("reports/2019-20/print.md",
     '<a href="../../../methodology/#median">m</a><a href="../data/outcomes.csv">c</a>'
     '<a href="../../../tracker/actions/ACT-2019-01/">a</a><a href="#here">h</a><a href="https://e.org/x.md">e</a>'),
])
def test_links_in_blocks_are_published_as_markdown_links_would_be(tmp_path, page_path, expected):
    config, files = site(tmp_path)
    page = Page(None, files.get_file_from_path(page_path), config)
    page.present_anchor_ids, page.links_to_anchors = set(), {}
    block = ('<a href="../../methodology.md#median">m</a><a href="data/outcomes.csv">c</a>'
             '<a href="../../tracker/actions/ACT-2019-01.md">a</a><a href="#here">h</a>'
             '<a href="https://e.org/x.md">e</a>')
    blocks = PageBlocks()
    html = blocks.restore(markdown.markdown(blocks.lift(html_block(block), page)), page, files)
    assert html == expected
    methodology = files.get_file_from_path("methodology.md")
    assert page.links_to_anchors[methodology] == {"median": "../../methodology.md#median"}


def test_a_link_to_a_missing_page_is_a_warning_and_a_lost_block_a_plugin_error(tmp_path, caplog):
    config, files = site(tmp_path)
    page = Page(None, files.get_file_from_path("reports/2019-20/index.md"), config)
    blocks = PageBlocks()
    skeleton = blocks.lift(html_block('<a href="../../nowhere.md">x</a>'), page)
    with caplog.at_level(logging.WARNING):
        blocks.restore(markdown.markdown(skeleton), page, files)
    assert "contains a link '../../nowhere.md', but the target 'nowhere.md' is not found" in caplog.text
    blocks.lift(html_block("<p>x</p>"), page)
    with pytest.raises(PluginError, match=r"reports/2019-20/index\.md: 1 of 1 blocks lost"):
        blocks.restore("<p>Markdown lost it</p>", page, files)
