"""Uploads through the admin: only safe types and sizes, and documents served so they never run."""

import io

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

SCRIPT_PAGE = b"<html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("1", (width, height)).save(buffer, "PNG")
    return buffer.getvalue()


def upload_document(client, name: str, content: bytes):
    return client.post(
        "/admin/documents/add/",
        {
            "title": name,
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content),
        },
    )


def upload_image(client, name: str, content: bytes):
    return client.post(
        "/admin/images/add/",
        {
            "title": name,
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content),
        },
    )


def form_errors(response) -> str:
    assert response.status_code == 200  # the form again, not a redirect to the listing
    soup = BeautifulSoup(response.content, "html.parser")
    return " ".join(e.get_text(" ", strip=True) for e in soup.select(".error-message"))


@pytest.mark.parametrize(
    ("name", "content"),
    [("sida.html", SCRIPT_PAGE), ("bild.svg", SVG), ("sida.htm", SCRIPT_PAGE), ("x.js", b"1")],
)
def test_a_document_that_a_browser_would_run_is_refused(editor_client, name, content):
    response = upload_document(editor_client, name, content)
    assert form_errors(response)
    assert not Document.objects.exists()


def test_a_document_over_the_size_limit_is_refused(editor_client):
    too_big = b"x" * (settings.WAGTAILDOCS_MAX_UPLOAD_SIZE + 1)
    response = upload_document(editor_client, "stor.txt", too_big)
    assert form_errors(response)
    assert not Document.objects.exists()
    response = editor_client.post(
        "/admin/documents/multiple/add/", {"files[]": SimpleUploadedFile("stor.txt", too_big)}
    )
    assert response.json()["success"] is False
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"), [("bild.svg", SVG), ("sida.html", SCRIPT_PAGE), ("bild.png", SVG)]
)
def test_an_image_that_is_not_a_bitmap_is_refused(editor_client, name, content):
    response = upload_image(editor_client, name, content)
    assert form_errors(response)
    assert not Image.objects.exists()


def test_an_image_with_too_many_pixels_is_refused(editor_client):
    """A few kilobytes of PNG that would unpack to more pixels than the server should decode."""
    response = upload_image(editor_client, "bomb.png", png(8000, 5001))
    assert form_errors(response)
    assert not Image.objects.exists()
    response = upload_image(editor_client, "liten.png", png(800, 600))
    assert response.status_code == 302
    assert Image.objects.get().width == 800


def test_a_text_document_with_markup_is_served_as_a_download_that_cannot_run(editor_client):
    response = upload_document(editor_client, "anteckning.txt", SCRIPT_PAGE)
    assert response.status_code == 302
    document = Document.objects.get()
    served = Client().get(document.url)
    assert served.status_code == 200
    assert served["Content-Type"].startswith("text/plain")
    assert served["Content-Disposition"].startswith("attachment")
    assert served["X-Content-Type-Options"] == "nosniff"
    assert served["Content-Security-Policy"] == "default-src 'none'"
    assert b"".join(served.streaming_content) == SCRIPT_PAGE


def test_an_html_document_from_before_the_rules_is_still_only_a_download():
    """A file stored before the type list (or put there by hand) cannot run on the site either."""
    document = Document.objects.create(title="Gammal")
    document.file.save("gammal.html", ContentFile(SCRIPT_PAGE))
    served = Client().get(document.url)
    assert served["Content-Type"].startswith("text/html")
    assert served["Content-Disposition"].startswith("attachment")
    assert served["Content-Security-Policy"] == "default-src 'none'"
    assert served["X-Content-Type-Options"] == "nosniff"


def test_a_pdf_opens_in_the_browser(editor_client):
    response = upload_document(editor_client, "protokoll.pdf", b"%PDF-1.4\n%%EOF\n")
    assert response.status_code == 302
    served = Client().get(Document.objects.get().url)
    assert served["Content-Type"] == "application/pdf"
    assert served["Content-Disposition"].startswith("inline")
    assert served["Content-Security-Policy"] == "default-src 'none'"
