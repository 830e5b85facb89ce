"""Document: the line/block index with offsets, HTML recognition and rendering."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from filmscrape.document import Document
from filmscrape.html import looks_like_html, split_http_head


@given(st.text(alphabet="ab \n\t", max_size=200))
def test_lines_index_the_text_exactly(text: str) -> None:
    """Every line's offsets cut its own text out of the document, and the lines tile it."""
    doc = Document(text)
    assert all(text[line.start : line.end] == line.text for line in doc.lines)
    assert "\n".join(line.text for line in doc.lines) == text


@given(st.text(alphabet="ab \n", max_size=200))
def test_blocks_are_runs_of_non_blank_lines(text: str) -> None:
    """Blocks start and end on non-blank lines and are separated by blank lines."""
    doc = Document(text)
    for block in doc.blocks:
        lines = doc.lines[block.first : block.last + 1]
        assert all(line.text.strip() for line in lines)
        assert doc.block_text(block) == "\n".join(line.text for line in lines)
    for before, after in zip(doc.blocks, doc.blocks[1:], strict=False):
        assert not doc.lines[before.last + 1].text.strip()
        assert after.first > before.last + 1


def test_line_index_finds_the_line_of_an_offset() -> None:
    """line_index maps an offset to the line that holds it."""
    doc = Document("first\nsecond\n\nfourth")
    assert [doc.line_index(offset) for offset in (0, 5, 6, 12, 13, 14, 19)] == [0, 0, 1, 1, 2, 3, 3]


def test_find_and_trimmed_give_spans() -> None:
    """find() returns the span of a needle; trimmed() drops surrounding whitespace."""
    doc = Document("Average Rating:  8.9/10  \n")
    assert doc.find("8.9/10") == (17, 23)
    assert doc.find("missing") is None
    start, end = doc.trimmed(15, 26)
    assert doc.text[start:end] == "8.9/10"


def test_crlf_input_gets_universal_newlines() -> None:
    """CR and CRLF line ends become LF before any offset is computed."""
    doc = Document.from_source("a\r\nb\rc")
    assert doc.text == "a\nb\nc"


def test_html_is_recognised_and_rendered_as_blocks() -> None:
    """HTML becomes text with blocks on their own lines, scripts dropped, entities decoded."""
    html = (
        "<!DOCTYPE html><html><head><title>Film &amp; Co</title><script>var x = 1;</script></head>"
        "<body><h1>Hiroshima Mon Amour (1959)</h1><div>Average Rating: <b>8.9</b>/10</div>"
        "<p>one<br>two&nbsp;three</p><style>p{}</style></body></html>"
    )
    doc = Document.from_source(html)
    assert doc.input_format == "html"
    assert doc.text == (
        "Film & Co\n\nHiroshima Mon Amour (1959)\n\nAverage Rating: 8.9/10\n\none\ntwo three\n"
    )
    assert doc.tree is not None


def test_saved_http_response_head_is_split_off() -> None:
    """A page saved with curl -i (status line and headers first) is read as the HTML after the head."""
    saved = "HTTP/1.1 200 OK\nContent-Type: text/html; charset=utf-8\n\n<html><body><p>Body</p></body></html>"
    head, body = split_http_head(saved)
    assert head is not None and head.startswith("HTTP/1.1 200")
    assert body.startswith("<html>")
    doc = Document.from_source(saved)
    assert (doc.input_format, doc.text) == ("html", "Body\n")


def test_plain_text_with_angle_brackets_is_not_html() -> None:
    """Text that mentions a tag in passing stays text."""
    assert not looks_like_html("The <b> tag makes text bold.\nThat is all.")
    assert looks_like_html("  <!doctype html><p>x</p>")


def test_deeply_nested_html_renders_without_recursion_error() -> None:
    """Hostile nesting depth does not hit Python's recursion limit."""
    html = "<html><body>" + "<div>" * 5000 + "deep" + "</div>" * 5000 + "</body></html>"
    assert "deep" in Document.from_source(html).text
