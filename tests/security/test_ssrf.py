"""Import by URL refuses every address that is not globally routable, in whatever form it is
written, judged after normalisation (IPv4 inside IPv6 decoded) and on the address the
connection actually goes to. No test here reaches outside this machine: a refused address is
never connected to, and an accepted one is only looked at, not fetched."""

from __future__ import annotations

import ipaddress
import socket

import pytest
from django.core.exceptions import ValidationError

from entities import services
from entities.services import inputs


def _code(excinfo) -> str:
    return excinfo.value.error_dict["url"][0].code


LOOPBACK_FORMS = [
    "http://[::7f00:1]/",
    "http://[::127.0.0.1]/",
    "http://[::ffff:0:7f00:1]/",
    "http://[64:ff9b:1::7f00:1]/",
    "http://[64:ff9b::7f00:1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]/",
    "http://[2002:7f00:1::]/",
    "http://[::1]/",
    "http://[::]/",
    "http://[0:0:0:0:0:0:0:1]/",
    "http://127.0.0.1/",
    "http://127.1/",
    "http://127.000.000.001/",
    "http://0x7f000001/",
    "http://0x7f.0.0.1/",
    "http://2130706433/",
    "http://017700000001/",
    "http://0/",
    "http://0.0.0.0/",
    "http://localhost/",
]

PRIVATE_FORMS = [
    "http://10.0.0.1/",
    "http://172.16.0.1/",
    "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::ffff:169.254.169.254]/",
    "http://[::a9fe:a9fe]/",
    "http://[64:ff9b::a9fe:a9fe]/",
    "http://[fe80::1]/",
    "http://[fc00::1]/",
    "http://[fd00:ec2::254]/",
    "http://100.64.0.1/",
    "http://192.0.0.170/",
    "http://198.18.0.1/",
    "http://224.0.0.1/",
    "http://255.255.255.255/",
    "http://[ff02::1]/",
    "http://[2001:db8::1]/",
    "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
    "http://[100::1]/",
]


@pytest.mark.parametrize("url", LOOPBACK_FORMS + PRIVATE_FORMS)
def test_a_non_global_address_in_any_form_is_refused(url, settings):
    settings.NEWSAPP_FETCH_ALLOW_PRIVATE = False
    with pytest.raises(ValidationError) as excinfo:
        services.article_fetch(url=url)
    assert _code(excinfo) == "refused"


@pytest.mark.parametrize(
    "address",
    ["::7f00:1", "::127.0.0.1", "::ffff:0:7f00:1", "64:ff9b:1::7f00:1", "::ffff:0:a9fe:a9fe"],
)
def test_a_host_name_resolving_to_such_an_address_at_connection_time_is_refused(
    monkeypatch, settings, address
):
    """DNS rebinding to an IPv6 form of loopback: the name is public for the check, then
    resolves to the embedded loopback for the connection, which must be refused."""
    settings.NEWSAPP_FETCH_ALLOW_PRIVATE = False
    asked, connected = [], []

    def resolve(host, port, *args, **kwargs):
        asked.append(host)
        if len(asked) == 1:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port))]
        return [(socket.AF_INET6, socket.SOCK_STREAM, 6, "", (address, port, 0, 0))]

    def create_connection(where, *args, **kwargs):
        connected.append(where)
        raise OSError("no connection in this test")

    monkeypatch.setattr("entities.services.inputs.socket.getaddrinfo", resolve)
    monkeypatch.setattr("urllib3.util.connection.create_connection", create_connection)
    with pytest.raises(ValidationError) as excinfo:
        services.article_fetch(url="http://rebind.example/story")
    assert _code(excinfo) == "refused"
    assert connected == []


@pytest.mark.parametrize(
    "text",
    [
        "93.184.216.34",
        "8.8.8.8",
        "2606:2800:220:1:248:1893:25c8:1946",
        "::ffff:93.184.216.34",
        "64:ff9b::5db8:d822",
        "2002:5db8:d822::1",
    ],
)
def test_global_addresses_are_accepted(text):
    assert inputs._is_public(ipaddress.ip_address(text))


@pytest.mark.parametrize(
    "text", [url.split("//")[1].split("/")[0].strip("[]") for url in LOOPBACK_FORMS[:9]]
)
def test_embedded_loopback_is_not_public(text):
    assert not inputs._is_public(ipaddress.ip_address(text))
