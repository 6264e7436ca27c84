"""The search index's size against the site's visible text. Run through bench/run.

Visible text: the words of every page's <body> a reader can see, each
whitespace run counted as one space; scripts, styles, drawings and elements
marked `hidden` or `aria-hidden="true"` left out. Prints both ratios: the
index (what loads when the box is first used) against all visible text, and
against the text of the pages in the index (the facilitator guide and the
handout are not)."""

import os
import re
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SKIP = {"script", "style", "svg", "template", "head"}


class Visible(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.skipping, self.parts = [], 0, []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        a = dict(attrs)
        skip = self.skipping > 0 or tag in SKIP or "hidden" in a or a.get("aria-hidden") == "true"
        self.stack.append((tag, skip))
        self.skipping += skip
        self.parts.append(" ")

    def handle_endtag(self, tag):
        while self.stack:
            t, skip = self.stack.pop()
            self.skipping -= skip
            if t == tag:
                break
        self.parts.append(" ")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)

    def text(self):
        return re.sub(r"\s+", " ", "".join(self.parts)).strip()


def visible_bytes(path):
    p = Visible()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    return len(p.text().encode())


def main(site):
    pages = [os.path.join(d, f) for d, _, fs in os.walk(site) for f in fs if f.endswith(".html")]
    total = sum(visible_bytes(p) for p in pages)
    search = os.path.join(site, "search")
    files = os.listdir(search)
    index = sum(os.path.getsize(os.path.join(search, f)) for f in files if f.startswith("index."))
    texts = sum(os.path.getsize(os.path.join(search, f)) for f in files if f.startswith("text."))
    print(f"  visible text of {len(pages)} pages: {total / 1024:.1f} KiB")
    print(f"  search index (loaded on first use): {index / 1024:.1f} KiB = {100 * index / total:.0f}% of the visible text")
    print(f"  snippet texts (loaded a chunk at a time, for results shown): {texts / 1024:.1f} KiB, {100 * index / texts:.0f}% of which the index is")


if __name__ == "__main__":
    main(sys.argv[1])
