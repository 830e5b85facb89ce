"""HTML input: structured data (JSON-LD, meta, embedded JSON), charsets, and hostile HTML."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import filmscrape
from filmscrape import InputError
from filmscrape.document import Document
from filmscrape.structured import parse_json_block, types_of

from conftest import FIXTURES, corpus_files, requires_corpus

ORCHARD = FIXTURES / "schemaorg" / "movie-jsonld.html"


def page_with_jsonld(block: str) -> Document:
    script = f'<script type="application/ld+json">{block}</script>'
    return Document.from_source(f"<html><head>{script}</head><body><p>x</p></body></html>")


@pytest.mark.parametrize(
    "block",
    [
        '{"@type": "Movie", "name": "A"}',
        '{"@type": "Movie", "name": "A",}',
        '// comment\n{"@type": "Movie", /* inline */ "name": "A"}',
        '<!--\n{"@type": "Movie", "name": "A"}\n-->',
        "{&quot;@type&quot;: &quot;Movie&quot;, &quot;name&quot;: &quot;A&quot;,}",
        '{"@context": "https://schema.org",'
        ' "@graph": [{"@type": "WebSite"}, {"@type": "Movie", "name": "A"}]}',
        '[{"@type": "Organization"}, {"@type": ["Movie", "CreativeWork"], "name": "A"}]',
        '{"@type": "Organization"}\n{"@type": "Movie", "name": "A"}',
        '{"@type": "Movie", "name": "A", "description": "line one\nline two"}',
    ],
    ids=["valid", "trailing-comma", "comments", "html-comment", "html-escaped", "graph", "list",
         "two-objects", "raw-newline"],
)  # fmt: skip
def test_invalid_jsonld_found_in_the_wild_is_read(block: str) -> None:
    """Trailing commas, comments, HTML escaping, @graph, lists and several objects all give the Movie."""
    movies = [item for item in page_with_jsonld(block).json_ld if "Movie" in types_of(item)]
    assert [movie["name"] for movie in movies] == ["A"]


def test_unreadable_jsonld_is_skipped() -> None:
    """JSON-LD that cannot be repaired is skipped, never raised."""
    assert parse_json_block('{"@type": "Movie", "name": ') == []
    assert page_with_jsonld("not json at all {").json_ld == []


def test_json_ld_is_never_executed() -> None:
    """Script content is parsed as data only (a script-looking block is simply not JSON)."""
    assert page_with_jsonld("alert(document.cookie)").json_ld == []


def test_meta_and_embedded_json() -> None:
    """OpenGraph/meta tags and __NEXT_DATA__-style application JSON are on the Document."""
    doc = Document.from_source(
        '<html><head><meta property="og:title" content="The Film"><meta name="description" content="D">'
        '<script id="__NEXT_DATA__" type="application/json">{"props": {"id": "tt1"}}</script></head>'
        "<body><p>x</p></body></html>"
    )
    assert doc.meta["og:title"] == "The Film" and doc.meta["description"] == "D"
    assert {"props": {"id": "tt1"}} == doc.embedded_json["__NEXT_DATA__"]


def test_text_input_has_no_structured_data() -> None:
    """Plain text has no tree, no JSON-LD, no meta."""
    doc = Document.from_source("just text")
    assert (doc.tree, doc.json_ld, doc.meta, doc.embedded_json) == (None, [], {}, {})


def test_schemaorg_adapter_reports_only_what_the_page_prints() -> None:
    """The generic adapter reads the Movie but leaves out a JSON-LD actor the page never shows."""
    page = filmscrape.extract(ORCHARD.read_bytes())
    assert page.source.adapter == "schemaorg"
    assert [credit.name for credit in page.credits] == ["Ines Valcourt", "Tomas Ferreira", "Aiko Brandt"]
    assert any("not printed on the page" in warning for warning in page.warnings)
    for credit in page.credits:
        assert page.text[credit.span[0] : credit.span[1]] == credit.name


@pytest.mark.parametrize(
    ("declared", "encoding"),
    [("windows-1251", "cp1251"), ("iso-8859-2", "iso-8859-2"), ("shift_jis", "shift_jis")],
)
def test_declared_charset_is_used(declared: str, encoding: str) -> None:
    """A page in a legacy charset declared by <meta charset> decodes right."""
    title = {"cp1251": "Летят журавли", "iso-8859-2": "Popiół i diament", "shift_jis": "東京物語"}[encoding]
    head = f'<meta charset="{declared}"><title>{title}</title>'
    html = f"<html><head>{head}</head><body><p>{title}</p></body></html>"
    page = filmscrape.extract(html.encode(encoding))
    assert page.text.startswith(title)


def test_http_header_charset_is_used() -> None:
    """The charset of a saved HTTP head (curl -i) decodes the body."""
    body = "<html><body><p>Popiół i diament</p></body></html>".encode("iso-8859-2")
    saved = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-2\r\n\r\n" + body
    assert filmscrape.extract(saved).text == "Popiół i diament\n"


def test_wrongly_declared_charset_falls_back() -> None:
    """UTF-8 bytes declared as latin-1 still decode as UTF-8; undecodable declared bytes fall back."""
    html = '<html><head><meta charset="iso-8859-1"></head><body><p>Amélie</p></body></html>'
    assert filmscrape.extract(html.encode("utf-8")).text == "Amélie\n"
    bogus = '<html><head><meta charset="no-such-charset"></head><body><p>Amélie</p></body></html>'
    assert filmscrape.extract(bogus.encode("cp1252")).text == "Amélie\n"


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><div><p>unclosed <b>tags <i>everywhere",
        "<html><head><title>T</title></head><body><table><tr><td>cell</td></table></p></div></span>",
        "<<<>>><html><</body>",
        "<html><body>" + "<p>" * 20_000 + "</html>",
        '<html><body><script type="application/ld+json">{"@type": "Movie", "name": "X"',
    ],
    ids=["unclosed", "stray-end-tags", "angle-soup", "many-open-p", "truncated-jsonld"],
)
def test_malformed_and_truncated_html_gives_a_page(html: str) -> None:
    """Malformed or truncated HTML gives a Page, for every adapter forced too."""
    assert isinstance(filmscrape.extract(html), filmscrape.Page)
    for name in filmscrape.adapters():
        assert isinstance(filmscrape.extract(html, adapter=name), filmscrape.Page)


def test_five_megabyte_page_is_read_in_reasonable_time() -> None:
    """A 5 MB HTML page goes through (the guard is generous: a hang, not speed, is what fails)."""
    row = "<tr><td>Reviews Counted: 22</td><td>Average Rating: 8.9/10</td><td>“Fresh”</td></tr>\n"
    html = "<html><body><table>" + row * (5_000_000 // len(row)) + "</table></body></html>"
    start = time.perf_counter()
    page = filmscrape.extract(html.encode("utf-8"))
    assert isinstance(page, filmscrape.Page)
    assert time.perf_counter() - start < 60


def test_binary_with_html_suffix_is_an_input_error() -> None:
    """Binary bytes are refused even when they contain an HTML-looking start."""
    with pytest.raises(InputError):
        filmscrape.extract(b"<html>" + bytes(range(256)) * 50)


@requires_corpus
@pytest.mark.parametrize("path", corpus_files("rt", "imdb", "blog", "other"), ids=lambda p: p.name)
def test_every_corpus_html_page_renders(path: Path) -> None:
    """Every corpus page decodes and renders to non-empty text without a traceback."""
    page = filmscrape.extract(path.read_bytes())
    assert page.text.strip()


@requires_corpus
@pytest.mark.parametrize("path", corpus_files("rt", "imdb"), ids=lambda p: p.name)
def test_html_and_its_text_rendering_agree(path: Path) -> None:
    """Every score and credit read from a page's text rendering is also read, equal, from its HTML."""
    from_html = filmscrape.extract(path.read_bytes())
    from_text = filmscrape.extract(from_html.text, adapter=from_html.source.adapter)
    html_scores = {(s.kind, s.metric, s.value, s.count, s.positive, s.negative) for s in from_html.scores}
    text_scores = {(s.kind, s.metric, s.value, s.count, s.positive, s.negative) for s in from_text.scores}
    html_credits = {(c.name, c.role, c.job, c.character) for c in from_html.credits}
    text_credits = {(c.name, c.role, c.job, c.character) for c in from_text.credits}
    assert set() == text_scores - html_scores
    assert set() == text_credits - html_credits


def test_any_lxml_parser_has_entities_and_network_off() -> None:
    """No XXE: a module that uses lxml must build its parsers with resolve_entities=False, no_network=True."""
    from conftest import ROOT

    for module in sorted((ROOT / "src" / "filmscrape").rglob("*.py")):
        source = module.read_text(encoding="utf-8")
        if "lxml" in source:
            assert "resolve_entities=False" in source and "no_network=True" in source, module
