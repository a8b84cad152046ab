"""Reading our feeds as XML, the way a feed reader decodes them before it renders any HTML."""

from xml.etree import ElementTree

from bs4 import BeautifulSoup

ATOM = "{http://www.w3.org/2005/Atom}"
# Plain text an editor might type, which must reach a reader as text and never as markup.
HOSTILE_TEXT = "Se <script>alert(1)</script> och <img src=x onerror=alert(1)> & mer"


def entry_html(content: bytes) -> list[str]:
    """Each entry's RSS <description> or Atom <summary> after XML decoding: HTML to a reader."""
    root = ElementTree.fromstring(content)  # noqa: S314 (our own feed, not untrusted XML)
    elements = root.findall("./channel/item/description") + root.findall(
        f"./{ATOM}entry/{ATOM}summary"
    )
    return [element.text or "" for element in elements]


def assert_shown_as_text(html: str, text: str) -> None:
    """The HTML holds no element at all, and a reader shows exactly `text`."""
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find() is None, html
    assert soup.get_text() == text
