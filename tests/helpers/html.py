"""A strict HTML parser for checking rendered pages: every element with its parents and
text, and an error for any tag that is not properly nested."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

#: Elements that never have a closing tag.
VOID = {
    "meta",
    "br",
    "hr",
    "img",
    "input",
    "link",
    "area",
    "base",
    "col",
    "embed",
    "source",
    "track",
    "wbr",
}
#: SVG elements written self-closing.
SVG_EMPTY = {"line", "rect", "circle", "polygon", "path", "polyline", "ellipse", "stop"}


@dataclass
class Element:
    """One element of a page: its tag, attributes, enclosing tags and text."""

    tag: str
    attrs: dict[str, str | None]
    parents: tuple[str, ...]
    text: list[str] = field(default_factory=list)


class StrictParser(HTMLParser):
    """Collects every element and fails on tags that are not properly nested."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[Element] = []
        self.elements: list[Element] = []
        self.errors: list[str] = []
        self.doctype = ""
        self.text: list[str] = []

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs), tuple(e.tag for e in self.stack))
        self.elements.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID and tag not in SVG_EMPTY:
            self.errors.append(f"self-closing <{tag}/>")
        self.elements.append(Element(tag, dict(attrs), tuple(e.tag for e in self.stack)))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1].tag != tag:
            open_tag = self.stack[-1].tag if self.stack else "nothing"
            self.errors.append(f"</{tag}> closes <{open_tag}>")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.stack:
            self.stack[-1].text.append(data)


def parse(page: str) -> StrictParser:
    """``page`` parsed, checked to be well nested and closed."""
    parser = StrictParser()
    parser.feed(page)
    parser.close()
    assert not parser.errors, parser.errors[:5]
    assert not parser.stack, [e.tag for e in parser.stack]
    return parser


def find(parser: StrictParser, tag: str, **attrs: str) -> list[Element]:
    """The elements with ``tag`` and these attribute values (``class_`` matches one class)."""
    return [
        e
        for e in parser.elements
        if e.tag == tag
        and all(
            (e.attrs.get(k.rstrip("_")) or "").split().count(v)
            if k.rstrip("_") == "class"
            else e.attrs.get(k) == v
            for k, v in attrs.items()
        )
    ]
