"""Turning what a user hands over (a file, a URL) into the raw text article_create takes, with
the title and date the document itself gives (a PDF's metadata, its heading, its dateline)."""

from __future__ import annotations

import ipaddress
import logging
import re
import socket
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import PurePath
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    NewConnectionError,
    ReadTimeoutError,
)

from entities.nlp.dateline import dateline_date
from entities.nlp.pdftext import PRINT_STAMP, pdf_text, pdf_title
from entities.nlp.words import vocabulary
from entities.services.parsing import pdf_document
from entities.validators import clean_text, decode_text, validate_publication_date

logger = logging.getLogger(__name__)

# the one list of what an upload takes: the form's accept= and the error messages use it too
UPLOAD_SUFFIXES = (".txt", ".html", ".htm", ".pdf")
# what `import_articles` reads from a folder (an upload takes PDFs too)
IMPORT_SUFFIXES = frozenset({".txt", ".html", ".htm"})
_FETCH_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/pdf")
_MAX_REDIRECTS = 5
_CHUNK = 64 * 1024


# Programs that print a web page to PDF: their /CreationDate is the moment of printing.
_PRINT_PRODUCERS = re.compile(
    r"skia|chrom|mozilla|firefox|gecko|webkit|safari|quartz|print to pdf|cairo|wkhtmltopdf"
    r"|headless|edge",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ArticleInput:
    """What a file or a page holds: its raw text (HTML or plain) and, for a PDF, the title and
    publication date the document gives; empty when it gives none (article_create then reads
    the text's first line and dateline, or the HTML's metadata)."""

    raw: str
    title: str = ""
    published: date | None = None


def accepted_suffixes() -> str:
    """ ".txt, .html, .htm or .pdf": for messages."""
    return ", ".join(UPLOAD_SUFFIXES[:-1]) + " or " + UPLOAD_SUFFIXES[-1]


def _error(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def article_text_from_upload(*, name: str, data: bytes) -> ArticleInput:
    """The text of an uploaded .txt, .html or .pdf file (and a PDF's own title and date)."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise _error("file", f"{name} is not a {accepted_suffixes()} file.", "unsupported")
    if not data:
        raise _error("file", f"{name} is empty (0 bytes).", "empty")
    limit = settings.NEWSAPP_MAX_UPLOAD_BYTES
    if len(data) > limit:
        raise _error(
            "file",
            f"{name} is {len(data):,} bytes; files up to {limit:,} bytes are accepted.",
            "too_large",
        )
    if suffix == ".pdf":
        return _pdf_input(name, data)
    text = decode_text(data)
    if text is None:
        raise _error("file", f"{name} is not UTF-8 text.", "undecodable")
    return ArticleInput(raw=text)


def _pdf_input(name: str, data: bytes, field: str = "file") -> ArticleInput:
    # parsed in a child process under a time and memory bound: never in the web worker itself
    document = pdf_document(name=name, data=data, field=field)
    pages = [clean_text(page) for page in document.pages]
    if not any(p.strip() for p in pages):
        raise _error(
            field, f"{name} has no text layer (a scanned PDF?); paste its text instead.", "empty"
        )
    heading = clean_text(document.heading)
    title = pdf_title(metadata_title=clean_text(document.title), heading=heading)
    text = pdf_text(pages, words=vocabulary(settings.SPACY_MODEL), heading=title)
    if not text.strip():
        raise _error(
            field,
            f"{name} has no article text: only print headers and footers (a blank page?).",
            "no_article",
        )
    created = _creation_date(document.created, document.producer, pages)
    published = dateline_date(text, today=created or timezone.localdate()) or created
    return ArticleInput(raw=text, title=title, published=published)


def _creation_date(created: datetime | None, producer: str, pages: list[str]) -> date | None:
    """The PDF's creation date when it can be the publication's: not when a browser or the
    system's print dialog made the file (then it is the moment of printing), nor when a page
    carries a print time stamp, nor when it is no possible publication date."""
    if created is None or _PRINT_PRODUCERS.search(producer):
        return None
    if any(PRINT_STAMP.match(line) for page in pages for line in page.splitlines()[:3]):
        return None
    day = created.date()
    try:
        validate_publication_date(day)
    except ValidationError:
        return None
    return day


def article_fetch(*, url: str) -> ArticleInput:
    """The page at `url` (HTML, plain text or PDF text), fetched with a timeout and a size cap.
    Addresses on this machine or its private networks are refused, at every redirect, unless
    NEWSAPP_FETCH_ALLOW_PRIVATE is set.

    NEWSAPP_FETCH_TIMEOUT bounds the whole fetch, redirects and body included: requests' own
    timeout is per socket operation, so a server sending a byte every few seconds would hold
    the upload (and a web worker) for as long as it liked."""
    timeout = settings.NEWSAPP_FETCH_TIMEOUT
    deadline = time.monotonic() + timeout
    current = url
    session = requests.Session()
    session.trust_env = False  # no proxy from the environment: the address check must hold
    adapter = _PublicOnlyAdapter()
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    for _ in range(_MAX_REDIRECTS + 1):
        _check_address(current)
        try:
            response = session.get(
                current,
                timeout=max(deadline - time.monotonic(), 0.001),
                stream=True,
                allow_redirects=False,
                headers={"User-Agent": "newsapp/0.1 (article import)"},
            )
        except _Refused as exc:
            raise _refused(_host(current), exc.address) from exc
        except requests.Timeout as exc:
            raise _too_slow(current) from exc
        except requests.RequestException as exc:
            raise _error(
                "url", f"{_host(current)} could not be reached ({type(exc).__name__}).",
                "unreachable",
            ) from exc  # fmt: skip
        with response:
            if response.is_redirect and response.headers.get("location"):
                try:
                    current = urljoin(current, response.headers["location"])
                except ValueError as exc:  # "http://[::1", a port out of range...
                    raise _error(
                        "url", f"{_host(current)} redirects to an invalid address.", "unreachable"
                    ) from exc
                continue
            return _read(current, response, deadline)
    raise _error("url", f"{url} redirects more than {_MAX_REDIRECTS} times.", "unreachable")


def _too_slow(url: str) -> ValidationError:
    return _error(
        "url",
        f"{_host(url)} did not send the page within {settings.NEWSAPP_FETCH_TIMEOUT:g} s.",
        "unreachable",
    )


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


def _check_address(url: str) -> None:
    try:
        parts = urlsplit(url)
        port = parts.port  # a port out of range is a ValueError here
    except ValueError as exc:
        raise _error("url", f"{url} is not a valid address.", "invalid") from exc
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _error("url", f"{url} is not an http or https address.", "invalid")
    if settings.NEWSAPP_FETCH_ALLOW_PRIVATE:
        return
    try:
        _public_addresses(parts.hostname, port or (443 if parts.scheme == "https" else 80))
    except _Refused as exc:
        raise _refused(parts.hostname, exc.address) from exc
    except (socket.gaierror, UnicodeError) as exc:
        raise _error("url", f"{parts.hostname} is not a known host name.", "unreachable") from exc


class _Refused(Exception):
    """A host name that resolves to a local or private address. Not an OSError, so that
    urllib3 neither retries nor wraps it."""

    def __init__(self, address) -> None:
        super().__init__(str(address))
        self.address = address


def _refused(host: str, address) -> ValidationError:
    return _error(
        "url",
        f"{host} is a local or private address ({address}); importing from "
        "such addresses is turned off (NEWSAPP_FETCH_ALLOW_PRIVATE).",
        "refused",
    )


def _public_addresses(host: str, port: int) -> list[str]:
    """The addresses `host` resolves to, all of them public; _Refused if any is not."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses = []
    for info in infos:
        text = str(info[4][0]).split("%", 1)[0]
        address = ipaddress.ip_address(text)
        if not _is_public(address):
            raise _Refused(address)
        addresses.append(text)
    return addresses


_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # the well-known prefix: the last 32 bits
# Never globally routable, whatever the ipaddress tables of the running Python say (they follow
# the IANA registries as of each release: Python 3.11 calls ::7f00:1 and 64:ff9b:1::1 global).
_NOT_GLOBAL = tuple(
    ipaddress.ip_network(net)
    for net in (
        "0.0.0.0/8",  # "this network": 0.0.0.0 reaches this machine
        "100.64.0.0/10",  # shared address space (carrier-grade NAT)
        "192.0.0.0/24",  # IETF protocol assignments
        "192.88.99.0/24",  # 6to4 relay anycast (deprecated)
        "198.18.0.0/15",  # benchmarking
        "240.0.0.0/4",  # reserved, and the broadcast address
        "::/96",  # IPv4-compatible (deprecated): ::7f00:1 is 127.0.0.1 to some stacks
        "::ffff:0:0:0/96",  # IPv4-translated (SIIT): ::ffff:0:7f00:1
        "64:ff9b:1::/48",  # local-use NAT64: 64:ff9b:1::7f00:1
        "100::/64",  # discard-only
        "2001::/23",  # IETF protocol assignments, Teredo among them
        "2001:db8::/32",  # documentation
        "3fff::/20",  # documentation
        "5f00::/16",  # segment routing SIDs
        "fc00::/7",  # unique local
        "fe80::/10",  # link-local
        "fec0::/10",  # site-local (deprecated)
    )
)


def _is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """A global unicast address. An IPv6 address that carries an IPv4 one (mapped, NAT64,
    6to4) is judged by that one: 64:ff9b::7f00:1 is 127.0.0.1 behind a NAT64. Every other
    form is judged as it is, against Python's tables and the ranges above."""
    inner = _embedded_ipv4(address)
    if inner is not None:
        return _is_public(inner)
    if not address.is_global or address.is_multicast:
        return False
    return not any(address in network for network in _NOT_GLOBAL)


def _embedded_ipv4(address: ipaddress.IPv4Address | ipaddress.IPv6Address):
    if isinstance(address, ipaddress.IPv4Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address.sixtofour


class _PinnedConnection:
    """A connection that resolves its host itself, refuses private addresses and connects to
    the address it checked. Without it a host name could resolve to a public address for the
    check and to 127.0.0.1 for the connection (DNS rebinding). TLS still verifies and sends
    the host name: only the address of the TCP connection is pinned."""

    def _new_conn(self):
        if settings.NEWSAPP_FETCH_ALLOW_PRIVATE:
            return super()._new_conn()
        host = self._dns_host
        addresses = _public_addresses(host.strip("[]"), self.port)
        failure = None
        for address in addresses:  # each in turn, as urllib3 would: an IPv6 one may be unroutable
            self._dns_host = address
            try:
                return super()._new_conn()
            except (NewConnectionError, ConnectTimeoutError) as exc:
                failure = exc
            finally:
                self._dns_host = host
        if failure is None:
            raise NewConnectionError(self, f"{host} has no address")
        raise failure


class _PinnedHTTPConnection(_PinnedConnection, HTTPConnection):
    pass


class _PinnedHTTPSConnection(_PinnedConnection, HTTPSConnection):
    pass


class _PinnedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _PinnedHTTPConnection


class _PinnedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _PinnedHTTPSConnection


class _PublicOnlyAdapter(HTTPAdapter):
    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _PinnedHTTPPool,
            "https": _PinnedHTTPSPool,
        }


def _read(url: str, response: requests.Response, deadline: float) -> ArticleInput:
    if response.status_code >= 400:
        raise _error(
            "url", f"{url} answered {response.status_code} {response.reason}.", "unreachable"
        )
    content_type = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if content_type and content_type not in _FETCH_TYPES:
        raise _error("url", f"{url} is {content_type}, not a web page, text or PDF.", "bad_type")
    limit = settings.NEWSAPP_FETCH_MAX_BYTES
    declared = response.headers.get("content-length", "")
    if declared.isascii() and declared.isdigit() and int(declared) > limit:
        raise _error("url", f"{url} is larger than {limit:,} bytes.", "too_large")
    body = bytearray()
    try:
        # read1: whatever has arrived, so that the deadline is looked at between small reads
        # (iter_content waits for a whole chunk, one slow byte at a time)
        while chunk := response.raw.read1(_CHUNK, decode_content=True):
            body.extend(chunk)
            if len(body) > limit:
                raise _error("url", f"{url} is larger than {limit:,} bytes.", "too_large")
            if time.monotonic() > deadline:
                raise _too_slow(url)
    except ReadTimeoutError as exc:
        raise _too_slow(url) from exc
    except (HTTPError, OSError) as exc:  # the connection broke off mid-page
        raise _error(
            "url", f"{_host(url)} broke off the page ({type(exc).__name__}).", "unreachable"
        ) from exc
    if content_type == "application/pdf" or bytes(body[:5]) == b"%PDF-":
        return _pdf_input(url, bytes(body), field="url")
    encoding = response.encoding if "charset" in response.headers.get("content-type", "") else None
    try:
        return ArticleInput(clean_text(bytes(body).decode(encoding or "utf-8", errors="replace")))
    except LookupError:  # a charset Python does not know
        return ArticleInput(clean_text(bytes(body).decode("utf-8", errors="replace")))
