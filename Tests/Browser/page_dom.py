"""A tiny DOM over Chromium's --dump-dom output, to assert on the rendered page."""

import html.parser

from outcome import Fail

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def norm_text(self):
        return " ".join(self.text().split())

    def walk(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.walk()

    def all(self, tag=None, **attrs):
        """Descendants with this tag (or any) whose attributes equal the given values;
        an attribute given as True only has to be present. Use data_x for data-x."""
        want = {k.replace("_", "-"): v for k, v in attrs.items()}
        return [
            n for n in self.walk()
            if (tag is None or n.tag == tag)
            and all((k in n.attrs) if v is True else n.attrs.get(k) == v for k, v in want.items())
        ]

    def one(self, tag=None, what="", **attrs):
        found = self.all(tag, **attrs)
        if not found:
            raise Fail(f"no element {tag or '*'} {attrs} {what}".rstrip())
        return found[0]

    def ancestors(self):
        n = self.parent
        while n is not None:
            yield n
            n = n.parent


class DomBuilder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, [(k, v if v is not None else "") for k, v in attrs], self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, [(k, v or "") for k, v in attrs], self.cur))

    def handle_endtag(self, tag):
        # Chromium's serialisation closes every non-void element, so walking up to the
        # matching tag is enough.
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def parse_dom(text):
    b = DomBuilder()
    b.feed(text)
    b.close()
    return b.root


def visible(node):
    """Not inside a collapsed tree branch or anything else marked hidden."""
    return "hidden" not in node.attrs and not any("hidden" in a.attrs for a in node.ancestors())
