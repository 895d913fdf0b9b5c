"""Turning what a user hands over (a file, a URL) into the raw text article_create takes."""

from __future__ import annotations

import io
import ipaddress
import logging
import socket
from pathlib import PurePath
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings
from django.core.exceptions import ValidationError

logger = logging.getLogger(__name__)

UPLOAD_SUFFIXES = (".txt", ".html", ".htm", ".pdf")
_FETCH_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/pdf")
_MAX_REDIRECTS = 5
_CHUNK = 64 * 1024


def _error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def article_text_from_upload(*, name: str, data: bytes) -> str:
    """The text of an uploaded .txt, .html or .pdf file."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise _error("file", f"{name} is not a .txt, .html or .pdf file.", "unsupported")
    limit = settings.NEWSAPP_MAX_UPLOAD_BYTES
    if len(data) > limit:
        raise _error(
            "file",
            f"{name} is {len(data):,} bytes; files up to {limit:,} bytes are accepted.",
            "too_large",
        )
    if suffix == ".pdf":
        return _pdf_text(name, data)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _error("file", f"{name} is not UTF-8 text.", "undecodable") from exc


def _pdf_text(name: str, data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError) as exc:
        raise _error("file", f"{name} is not a readable PDF ({exc}).", "unreadable") from exc
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        raise _error(
            "file", f"{name} has no text layer (a scanned PDF?); paste its text instead.", "empty"
        )
    return text


def article_fetch(*, url: str) -> str:
    """The page at `url` (HTML, plain text or PDF text), fetched with a timeout and a size cap.
    Addresses on this machine or its private networks are refused, at every redirect, unless
    NEWSAPP_FETCH_ALLOW_PRIVATE is set."""
    current = url
    session = requests.Session()
    session.trust_env = False  # no proxy from the environment: the address check must hold
    for _ in range(_MAX_REDIRECTS + 1):
        _check_address(current)
        try:
            response = session.get(
                current,
                timeout=settings.NEWSAPP_FETCH_TIMEOUT,
                stream=True,
                allow_redirects=False,
                headers={"User-Agent": "newsapp/0.1 (article import)"},
            )
        except requests.Timeout as exc:
            raise _error(
                "url",
                f"{_host(current)} did not answer within {settings.NEWSAPP_FETCH_TIMEOUT:g} s.",
                "unreachable",
            ) from exc
        except requests.RequestException as exc:
            raise _error(
                "url", f"{_host(current)} could not be reached ({type(exc).__name__}).",
                "unreachable",
            ) from exc  # fmt: skip
        with response:
            if response.is_redirect and response.headers.get("location"):
                current = urljoin(current, response.headers["location"])
                continue
            return _read(current, response)
    raise _error("url", f"{url} redirects more than {_MAX_REDIRECTS} times.", "unreachable")


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


def _check_address(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _error("url", f"{url} is not an http or https address.", "invalid")
    if settings.NEWSAPP_FETCH_ALLOW_PRIVATE:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise _error("url", f"{parts.hostname} is not a known host name.", "unreachable") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if not address.is_global or address.is_multicast:
            raise _error(
                "url",
                f"{parts.hostname} is a local or private address ({address}); importing from "
                "such addresses is turned off (NEWSAPP_FETCH_ALLOW_PRIVATE).",
                "refused",
            )


def _read(url: str, response: requests.Response) -> str:
    if response.status_code >= 400:
        raise _error(
            "url", f"{url} answered {response.status_code} {response.reason}.", "unreachable"
        )
    content_type = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if content_type and content_type not in _FETCH_TYPES:
        raise _error("url", f"{url} is {content_type}, not a web page, text or PDF.", "bad_type")
    limit = settings.NEWSAPP_FETCH_MAX_BYTES
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _error("url", f"{url} is larger than {limit:,} bytes.", "too_large")
    body = bytearray()
    for chunk in response.iter_content(_CHUNK):
        body.extend(chunk)
        if len(body) > limit:
            raise _error("url", f"{url} is larger than {limit:,} bytes.", "too_large")
    if content_type == "application/pdf" or bytes(body[:5]) == b"%PDF-":
        return _pdf_text(url, bytes(body)).replace("\x00", "")
    encoding = response.encoding if "charset" in response.headers.get("content-type", "") else None
    return bytes(body).decode(encoding or "utf-8", errors="replace")
