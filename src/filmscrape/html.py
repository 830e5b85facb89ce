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
_SPACE_AROUND_NL = re.compile(r"(?<! ) *\n *")  # entered at the start of a run of spaces only: linear


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
    """Parse ``html`` with lexbor (never raises on malformed markup); hostile nesting is flattened first."""
    return LexborHTMLParser(flatten_deep_nesting(html))


MAX_NESTING = 512
"""Elements nested deeper than this are dropped before parsing (real pages stay under 100; svg aside)."""
_NESTING_WORK = 20_000_000
"""Pages with fewer start tags than the square root of this cannot cost much: no scan."""
_TAG_TOKEN = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,30})|(/>)")
_NOT_NESTING = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr", "keygen", "basefont", "bgsound", "frame",  # void elements
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "rb", "rt",
        "rp", "colgroup", "caption",  # closed by their next sibling: they never nest deep
    }
)  # fmt: skip
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"})


def nesting_depth(html: str) -> int:
    """An estimate of the deepest element nesting of ``html`` from its tags alone (linear, no parsing).

    Void and sibling-closed elements don't count, ``<x/>`` closes itself, raw text (scripts, styles) is
    skipped, and stray end tags never take the depth below 0.
    """
    depth = deepest = 0
    raw = ""
    last_counted = False
    for slash, tag, self_close in _TAG_TOKEN.findall(html):
        if self_close:
            if last_counted and not raw:
                depth -= 1
            last_counted = False
            continue
        name = tag.lower()
        last_counted = False
        if raw:
            if slash and name == raw:
                raw = ""
        elif name in _NOT_NESTING:
            pass
        elif slash:
            depth = max(0, depth - 1)
        elif name in _RAW_TEXT:
            raw = name
        else:
            depth += 1
            deepest = max(deepest, depth)
            last_counted = True
    return deepest


def flatten_deep_nesting(html: str, limit: int = MAX_NESTING) -> str:
    """``html`` without the start and end tags nested deeper than ``limit`` (their text stays).

    An HTML parser walks its stack of open elements at every block tag (the "p in button scope" check),
    so 200,000 nested ``<div>`` take quadratic time: minutes for a 1 MB page. Real pages never nest that
    deep, so they come back unchanged (after a cheap count when they have few tags).
    """
    opens = html.count("<") - html.count("</")
    if opens * opens <= _NESTING_WORK or nesting_depth(html) <= limit:
        return html
    parts: list[str] = []
    depth = 0
    kept = 0  # where the next kept piece starts
    raw = ""
    for match in _TAG_TOKEN.finditer(html):
        slash, name = match.group(1), (match.group(2) or "").lower()
        if match.group(3) or raw:
            if raw and slash and name == raw:
                raw = ""
            continue
        if name in _NOT_NESTING:
            continue
        if not slash and name in _RAW_TEXT:
            raw = name
            continue
        too_deep = depth >= limit if not slash else depth > limit
        depth = max(0, depth - 1) if slash else depth + 1
        if too_deep and match.start() >= kept:
            close = html.find(">", match.end())
            parts.append(html[kept : match.start()])
            kept = len(html) if close < 0 else close + 1
    parts.append(html[kept:])
    return "".join(parts)


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
