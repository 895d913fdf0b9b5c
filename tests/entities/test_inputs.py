"""Files and URLs turned into article text: types, sizes, and addresses refused."""

from __future__ import annotations

import io
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
from django.core.exceptions import ValidationError
from django.test import override_settings

from entities import services


def _code(excinfo, field: str) -> str:
    return excinfo.value.error_dict[field][0].code


# -- files ------------------------------------------------------------------------------------


def test_text_and_html_files_are_decoded_as_utf8():
    assert (
        services.article_text_from_upload(name="a.TXT", data="Kyiv – ok".encode()).raw
        == "Kyiv – ok"
    )
    html = "\ufeff<html><p>Seoul</p></html>".encode()
    assert (
        services.article_text_from_upload(name="b.htm", data=html).raw
        == "<html><p>Seoul</p></html>"
    )


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("article.docx", b"PK...", "unsupported"),
        ("article.txt", "Zürich".encode("latin-1"), "undecodable"),
        ("article.pdf", b"not a pdf at all", "unreadable"),
    ],
)
def test_bad_files_are_refused_with_a_reason(name, data, code):
    with pytest.raises(ValidationError) as excinfo:
        services.article_text_from_upload(name=name, data=data)
    assert _code(excinfo, "file") == code
    assert name in str(excinfo.value)


@override_settings(NEWSAPP_MAX_UPLOAD_BYTES=10)
def test_a_file_over_the_size_limit_is_refused():
    with pytest.raises(ValidationError) as excinfo:
        services.article_text_from_upload(name="a.txt", data=b"x" * 11)
    assert _code(excinfo, "file") == "too_large"


def _pdf(text: str) -> bytes:
    """A one-page PDF with `text` on it, written by hand (pypdf writes no text)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def test_the_text_of_a_pdf_is_extracted():
    text = services.article_text_from_upload(
        name="report.pdf", data=_pdf("Peskov said the talks were useful.")
    )
    assert "Peskov said the talks were useful." in text.raw


# -- URLs -------------------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def do_GET(self):
        status, headers, body = self.routes.get(self.path, (404, {}, b"missing"))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    _Handler.routes = {
        "/article": (200, {"Content-Type": "text/html; charset=utf-8"}, "<p>Séoul</p>".encode()),
        "/image": (200, {"Content-Type": "image/png"}, b"\x89PNG"),
        "/big": (200, {"Content-Type": "text/plain"}, b"x" * 5000),
        "/moved": (302, {"Location": "/article"}, b""),
        "/gone": (410, {"Content-Type": "text/plain"}, b"gone"),
    }
    yield base
    server.shutdown()


def test_a_local_address_is_refused_by_default(site):
    with pytest.raises(ValidationError) as excinfo:
        services.article_fetch(url=site + "/article")
    assert _code(excinfo, "url") == "refused"
    assert "NEWSAPP_FETCH_ALLOW_PRIVATE" in str(excinfo.value)


@pytest.mark.parametrize("url", ["http://10.1.2.3/a", "http://[::1]/a", "http://169.254.169.254/"])
def test_private_and_link_local_addresses_are_refused(url):
    with pytest.raises(ValidationError) as excinfo:
        services.article_fetch(url=url)
    assert _code(excinfo, "url") == "refused"


def test_only_http_and_https_are_fetched():
    with pytest.raises(ValidationError) as excinfo:
        services.article_fetch(url="file:///etc/passwd")
    assert _code(excinfo, "url") == "invalid"


@override_settings(NEWSAPP_FETCH_ALLOW_PRIVATE=True)
def test_a_page_is_fetched_and_decoded_following_redirects(site):
    assert services.article_fetch(url=site + "/moved").raw == "<p>Séoul</p>"


@override_settings(NEWSAPP_FETCH_ALLOW_PRIVATE=True, NEWSAPP_FETCH_MAX_BYTES=1000)
@pytest.mark.parametrize(
    ("path", "code"), [("/image", "bad_type"), ("/big", "too_large"), ("/gone", "unreachable")]
)
def test_what_is_not_an_article_page_is_refused(site, path, code):
    with pytest.raises(ValidationError) as excinfo:
        services.article_fetch(url=site + path)
    assert _code(excinfo, "url") == code


def test_a_redirect_to_a_private_address_is_refused(monkeypatch):
    real = socket.getaddrinfo

    def resolve(host, *args, **kwargs):
        if host == "news.example":  # a public address, as a real news site would have
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 80))]
        return real(host, *args, **kwargs)

    redirect = requests.Response()
    redirect.status_code = 302
    redirect.headers["Location"] = "http://127.0.0.1:9/admin"
    redirect.raw = io.BytesIO(b"")
    fetched = []

    def get(self, url, **kwargs):
        fetched.append(url)
        return redirect

    monkeypatch.setattr("entities.services.inputs.socket.getaddrinfo", resolve)
    monkeypatch.setattr(requests.Session, "get", get)
    with pytest.raises(ValidationError) as excinfo:
        services.article_fetch(url="http://news.example/story")
    assert _code(excinfo, "url") == "refused"
    assert fetched == ["http://news.example/story"]  # the private address was never asked


def test_a_host_that_resolves_to_a_private_address_after_the_check_is_refused(site, monkeypatch):
    """DNS rebinding: the name answers a public address to the check, then 127.0.0.1 to the
    connection. The connection must go to the address that was checked, or not at all."""
    real = socket.getaddrinfo
    port = int(site.rsplit(":", 1)[1])
    asked = []

    def resolve(host, *args, **kwargs):
        if host == "rebind.example":
            asked.append(host)
            address = "93.184.216.34" if len(asked) == 1 else "127.0.0.1"
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]
        return real(host, *args, **kwargs)

    monkeypatch.setattr("entities.services.inputs.socket.getaddrinfo", resolve)
    with pytest.raises(ValidationError) as excinfo:
        services.article_fetch(url=f"http://rebind.example:{port}/article")
    assert _code(excinfo, "url") == "refused"


def test_the_connection_goes_to_the_checked_address_with_the_host_name_kept(site, monkeypatch):
    """The TCP connection goes to the address that was checked; the request still names the
    host (and TLS would still verify it)."""
    port = int(site.rsplit(":", 1)[1])
    hosts, connected = [], []
    real = socket.getaddrinfo

    def resolve(host, *args, **kwargs):
        if host == "news.example":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port))]
        return real(host, *args, **kwargs)

    def create_connection(address, *args, **kwargs):
        connected.append(address[0])  # the local test server stands in for that address
        return socket.create_connection(("127.0.0.1", address[1]))

    def do_get(handler):
        hosts.append(handler.headers["Host"])
        handler.send_response(200)
        handler.send_header("Content-Type", "text/plain")
        handler.send_header("Content-Length", "4")
        handler.end_headers()
        handler.wfile.write(b"news")

    monkeypatch.setattr("entities.services.inputs.socket.getaddrinfo", resolve)
    monkeypatch.setattr("urllib3.util.connection.create_connection", create_connection)
    monkeypatch.setattr(_Handler, "do_GET", do_get)
    assert services.article_fetch(url=f"http://news.example:{port}/story").raw == "news"
    assert connected == ["93.184.216.34"]
    assert hosts == [f"news.example:{port}"]


@pytest.mark.parametrize(
    "url", ["http://news.example:99999/a", "http://news.example:0x50/a", "http://[::1/a"]
)
def test_an_invalid_address_is_a_validation_error_not_a_crash(url):
    with pytest.raises(ValidationError) as excinfo:
        services.article_fetch(url=url)
    assert _code(excinfo, "url") == "invalid"


def test_a_redirect_to_an_invalid_address_is_a_validation_error(monkeypatch):
    redirect = requests.Response()
    redirect.status_code = 302
    redirect.headers["Location"] = "http://[::1/admin"
    redirect.raw = io.BytesIO(b"")

    def resolve(host, *args, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 80))]

    monkeypatch.setattr("entities.services.inputs.socket.getaddrinfo", resolve)
    monkeypatch.setattr(requests.Session, "get", lambda self, url, **kwargs: redirect)
    with pytest.raises(ValidationError) as excinfo:
        services.article_fetch(url="http://news.example/story")
    assert _code(excinfo, "url") == "unreachable"


class _SlowHandler(BaseHTTPRequestHandler):
    """/drip: a byte every 0.1 s for 3 s; /stall: headers, then nothing; /cut: half the body
    its Content-Length promises, then the connection closes."""

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        if self.path == "/cut":
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"x" * 500)
            return
        self.send_header("Content-Length", "30")
        self.end_headers()
        self.wfile.flush()
        if self.path == "/stall":
            time.sleep(2)
            return
        for _ in range(30):
            self.wfile.write(b"x")
            self.wfile.flush()
            time.sleep(0.1)

    def log_message(self, *args):
        pass


@pytest.fixture
def slow_site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _SlowHandler)
    server.daemon_threads = True
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@override_settings(NEWSAPP_FETCH_ALLOW_PRIVATE=True, NEWSAPP_FETCH_TIMEOUT=0.6)
@pytest.mark.parametrize("path", ["/drip", "/stall"])
def test_the_timeout_bounds_the_whole_fetch_not_each_read(slow_site, path):
    started = time.monotonic()
    with pytest.raises(ValidationError) as excinfo:
        services.article_fetch(url=slow_site + path)
    assert _code(excinfo, "url") == "unreachable"
    assert "0.6 s" in str(excinfo.value)
    assert time.monotonic() - started < 2


@override_settings(NEWSAPP_FETCH_ALLOW_PRIVATE=True)
def test_a_page_cut_short_is_a_validation_error(slow_site):
    with pytest.raises(ValidationError) as excinfo:
        services.article_fetch(url=slow_site + "/cut")
    assert _code(excinfo, "url") == "unreachable"


@pytest.mark.parametrize(
    "address", ["64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1", "2002:a00:1::1"]
)
def test_an_ipv6_address_carrying_a_private_ipv4_one_is_refused(monkeypatch, address):
    """NAT64 (64:ff9b::/96) and 6to4 (2002::/16) addresses embed an IPv4 address, here
    127.0.0.1, 169.254.169.254 or 10.0.0.1: that one decides."""

    def resolve(host, *args, **kwargs):
        return [(socket.AF_INET6, socket.SOCK_STREAM, 6, "", (address, 80, 0, 0))]

    monkeypatch.setattr("entities.services.inputs.socket.getaddrinfo", resolve)
    with pytest.raises(ValidationError) as excinfo:
        services.article_fetch(url="http://news.example/story")
    assert _code(excinfo, "url") == "refused"


def test_the_next_checked_address_is_tried_when_one_cannot_be_reached(site, monkeypatch):
    """A name with an IPv6 and an IPv4 address on a machine without IPv6: the IPv4 one serves."""
    port = int(site.rsplit(":", 1)[1])
    real = socket.getaddrinfo
    connected = []

    def resolve(host, *args, **kwargs):
        if host == "news.example":
            return [
                (socket.AF_INET6, socket.SOCK_STREAM, 6, "", ("2606:4700::1", port, 0, 0)),
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
            ]
        return real(host, *args, **kwargs)

    def create_connection(address, *args, **kwargs):
        connected.append(address[0])
        if ":" in address[0]:
            raise OSError(101, "Network is unreachable")
        return socket.create_connection(("127.0.0.1", address[1]))

    monkeypatch.setattr("entities.services.inputs.socket.getaddrinfo", resolve)
    monkeypatch.setattr("urllib3.util.connection.create_connection", create_connection)
    assert services.article_fetch(url=f"http://news.example:{port}/article").raw == "<p>Séoul</p>"
    assert connected == ["2606:4700::1", "93.184.216.34"]
