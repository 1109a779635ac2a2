"""HTML blocks that skip Python-Markdown: lifted and put back in place, never forged by record text,
never lost in silence, their links resolved as MkDocs resolves Markdown links."""

from __future__ import annotations

import markdown
import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from generator.pages.blocks import LostBlock, anchors, fenced_blocks, html_block, lifted, restored
from generator.pages.markdown import escape_attribute, escape_markdown
from generator.plugin_blocks import PageBlocks
from generator.published import BlockLink, plain_page, published_address, ready_pages, relative_address
from generator.sitefiles import SiteFile

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


# Links made relative to the published page, as MkDocs makes them (generator.published) ----------

PATHS = ["methodology.md", "reports/2019-20/index.md", "reports/2019-20/print.md",
         "reports/2019-20/data/outcomes.csv", "tracker/actions/ACT-2019-01.md", "README.md", "a/README.md",
         "admin/index.html", "admin/config.yml"]
BLOCK = ('<a href="../../methodology.md#median">m</a><a href="data/outcomes.csv">c</a>'
         '<a href="../../tracker/actions/ACT-2019-01.md">a</a><a href="#here">h</a>'
         '<a href="https://e.org/x.md">e</a>')


def site(tmp_path) -> tuple[MkDocsConfig, Files]:
    config = MkDocsConfig()
    config.load_dict({"site_name": "Test", "docs_dir": str(tmp_path), "site_dir": str(tmp_path / "site"),
                      "use_directory_urls": True})
    config.validate()
    return config, Files([File(path, str(tmp_path), str(tmp_path / "site"), True) for path in PATHS])


def ready(page_path: str, block: str, directory_urls: bool = True):  # type: ignore[no-untyped-def]
    pages = [SiteFile(page_path, f"# Page\n\n{html_block(block)}\n")]
    return ready_pages(pages, [p for p in PATHS if p != page_path], directory_urls)


@pytest.mark.parametrize("page_path, expected", [
    ("reports/2019-20/index.md",
     '<a href="../../methodology/#median">m</a><a href="data/outcomes.csv">c</a>'
     '<a href="../../tracker/actions/ACT-2019-01/">a</a><a href="#here">h</a><a href="https://e.org/x.md">e</a>'),
    ("reports/2019-20/print.md",
     '<a href="../../../methodology/#median">m</a><a href="../data/outcomes.csv">c</a>'
     '<a href="../../../tracker/actions/ACT-2019-01/">a</a><a href="#here">h</a><a href="https://e.org/x.md">e</a>'),
])
def test_links_in_blocks_are_published_as_markdown_links_would_be(page_path, expected):
    published = ready(page_path, BLOCK)
    assert fenced_blocks(published.files[0].content) == [expected]
    assert published.links[page_path] == [
        BlockLink("methodology.md", "median", "../../methodology.md#median"),
        BlockLink(page_path, "here", "#here")]
    assert not published.missing


@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_address_is_the_one_mkdocs_gives(tmp_path, directory_urls):
    """MkDocs itself is the judge: each file's published address relative to each page's."""
    files = [File(path, str(tmp_path), str(tmp_path / "site"), directory_urls) for path in PATHS]
    for page in (file for file in files if file.is_documentation_page()):
        for target in files:
            mine = relative_address(published_address(target.src_uri, directory_urls),
                                    published_address(page.src_uri, directory_urls))
            assert mine == get_relative_url(target.url, page.url), (page.src_uri, target.src_uri)


def test_blocks_are_sanitised_before_any_engine_sees_them():
    block = '<p onclick="x()">a</p><script>alert(1)</script><a href="javascript:x">b</a>'
    published = ready("methodology.md", block)
    assert fenced_blocks(published.files[0].content) == ["<p>a</p><a>b</a>"]


def test_a_link_to_a_missing_page_is_a_warning_and_a_lost_block_a_plugin_error(tmp_path):
    published = ready("reports/2019-20/index.md", '<a href="../../nowhere.md">x</a>')
    assert [str(missing) for missing in published.missing] == [
        "Doc file 'reports/2019-20/index.md' contains a link '../../nowhere.md', but the target "
        "'nowhere.md' is not found among documentation files."]
    config, files = site(tmp_path)
    page = Page(None, files.get_file_from_path("reports/2019-20/index.md"), config)
    blocks = PageBlocks()
    blocks.lift(html_block("<p>x</p>"), page)
    with pytest.raises(PluginError, match=r"reports/2019-20/index\.md: 1 of 1 blocks lost"):
        blocks.restore("<p>Markdown lost it</p>", page, [], files)


def test_the_plugin_hands_mkdocs_the_blocks_anchors_and_links_to_anchors(tmp_path):
    config, files = site(tmp_path)
    page = Page(None, files.get_file_from_path("reports/2019-20/index.md"), config)
    page.present_anchor_ids, page.links_to_anchors = set(), {}
    published = ready("reports/2019-20/index.md", f'<p id="top">t</p>{BLOCK}')
    blocks = PageBlocks()
    skeleton = blocks.lift(published.files[0].content, page)
    links = published.links["reports/2019-20/index.md"]
    html = blocks.restore(markdown.markdown(skeleton), page, links, files)
    assert 'href="../../methodology/#median"' in html and "top" in page.present_anchor_ids
    methodology = files.get_file_from_path("methodology.md")
    assert page.links_to_anchors[methodology] == {"median": "../../methodology.md#median"}
    assert page.links_to_anchors[page.file] == {"here": "#here"}


def test_a_plain_page_keeps_its_blocks_from_python_markdown():
    block = '<table>\n<tr><td>*not emphasis* [not](a-link)</td></tr>\n\n<tr><td>2</td></tr>\n</table>'
    text = f"# Title\n\n{html_block(block)}\n\nAfter *this*.\n"
    html = markdown.markdown(plain_page(text), extensions=["tables", "attr_list", "md_in_html"])
    assert f'<div class="candour-block">\n{block}\n</div>' in html
    assert "<em>this</em>" in html
