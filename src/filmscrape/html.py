"""HTML input: recognise it, strip a saved HTTP response head, and render it to text with selectolax.

The rendering reads like the crawler text dumps the text adapters were written for: block elements on
lines of their own with a blank line between blocks, ``<br>`` as a line break, link texts kept, scripts,
styles and templates dropped, entities decoded. Spans of an HTML page index this rendering.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_TAG = re.compile(r"<(?:html|head|body|div|meta|title|p|table)\b[^>]*>", re.I)
_HTTP_STATUS = re.compile(r"HTTP/\d(?:\.\d)? \d{3}[^\n]*\n")
_HEADER_END = re.compile(r"\r?\n\r?\n")
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)

BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "caption", "dd", "details", "dialog", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
        "table", "tbody", "tfoot", "thead", "tr", "ul", "title", "option", "center",
    }
)  # fmt: skip
SKIP_TAGS = frozenset(
    {"script", "style", "template", "noscript", "svg", "iframe", "object", "head", "select", "button"}
)
_WS = re.compile(r"[ \t\r\n\f\v\u00a0\u200b]+")
_BLANK_RUNS = re.compile(r"\n{3,}")
_SPACE_AROUND_NL = re.compile(r" *\n *")


def split_http_head(text: str) -> tuple[str | None, str]:
    """Split a saved HTTP response (``curl -i``) into its head and body; head is None when absent."""
    if not text.startswith("HTTP/") or not _HTTP_STATUS.match(text):
        return None, text
    end = _HEADER_END.search(text)
    if end is None:
        return text, ""
    head, body = text[: end.start()], text[end.end() :]
    # A 100 Continue or a redirect chain saves several heads one after another.
    while body.startswith("HTTP/") and _HTTP_STATUS.match(body):
        end = _HEADER_END.search(body)
        if end is None:
            break
        head, body = body[: end.start()], body[end.end() :]
    return head, body


def looks_like_html(text: str) -> bool:
    """True when ``text`` (after any HTTP head) is an HTML document rather than plain page text."""
    start = text[:2048]
    if _HTML_START.match(start):
        return True
    # A fragment: several HTML tags near the start of the text.
    return len(_HTML_TAG.findall(start)) >= 3


def declared_charset(data: bytes) -> str | None:
    """The charset an HTTP head or ``<meta charset>`` declares in the first bytes, if any."""
    match = _CHARSET.search(data[:4096])
    if match is None:
        return None
    return match.group(1).decode("ascii", "replace").lower()


def parse(html: str) -> LexborHTMLParser:
    """Parse ``html`` with lexbor (never raises on malformed markup)."""
    return LexborHTMLParser(html)


def render_text(tree: LexborHTMLParser) -> str:
    """Render a parsed page as text the text adapters can read (see the module docstring)."""
    root = tree.body or tree.root
    if root is None:
        return ""
    parts: list[str] = []
    title = tree.css_first("head > title")
    if title is not None:
        title_text = _WS.sub(" ", title.text(deep=True)).strip()
        if title_text:
            parts.extend((title_text, "\n\n"))
    _render_node(root, parts)
    text = "".join(parts)
    text = _SPACE_AROUND_NL.sub("\n", text)
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip() + "\n"


def _render_node(root: LexborNode, parts: list[str]) -> None:
    """Walk the tree without recursion (hostile pages nest deeper than Python's stack)."""
    node: LexborNode | None = root.child
    while node is not None:
        tag = node.tag
        descend = False
        if tag == "-text":
            value = node.text_content
            if value:
                parts.append(_WS.sub(" ", value))
        elif tag == "br":
            parts.append("\n")
        elif tag in SKIP_TAGS or tag == "_comment" or tag is None:
            pass
        else:
            if tag in BLOCK_TAGS:
                parts.append("\n\n")
            elif tag in ("td", "th"):
                parts.append(" ")
            descend = node.child is not None
        if descend:
            node = node.child
            continue
        if tag in BLOCK_TAGS:
            parts.append("\n\n")
        # Climb until a sibling exists, closing the blocks we leave.
        while node is not None and node.next is None:
            node = node.parent
            if node is None or node.mem_id == root.mem_id:
                return
            if node.tag in BLOCK_TAGS:
                parts.append("\n\n")
        if node is None:
            return
        node = node.next
