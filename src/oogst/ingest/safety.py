"""Which URLs and addresses may be fetched.

Only http and https. With ``allow_private_addresses=False`` every connection is checked at the
moment it is made: the host name is resolved once, every address it resolves to must be public,
and the socket connects to that checked address. So a redirect to an intranet host, or a DNS
name that answers with 127.0.0.1 (also on a second lookup), is refused before any byte is sent.
"""
from __future__ import annotations

import ipaddress
import re
import socket
import typing
from urllib.parse import urlsplit

import httpcore
import httpx

from oogst.errors import FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class BlockedAddress(FetchError):
    """A URL that leads to an address this run may not fetch from."""


def check_scheme(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs are fetched, not {scheme or 'a URL without a scheme'}")


_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT; some clouds serve metadata here
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # the last 32 bits are an IPv4 address
_NUMERIC_PART = re.compile(r"^(?:0x[0-9a-f]*|[0-9]+)$", re.IGNORECASE)


def blocked_reason(address: str) -> str | None:
    """Why an IP address is not public (loopback, private, link-local …), or None.

    An IPv6 address that carries an IPv4 one (mapped, 6to4 ``2002::/16``, Teredo, NAT64) is
    judged by the IPv4 address inside it as well.
    """
    try:
        ip: IPAddress = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        else:
            inner = [(ip.sixtofour, "a 6to4 address"), (ip in _NAT64 and ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF) or None, "a NAT64 address")]
            if ip.teredo:
                inner += [(ip.teredo[0], "a Teredo address"), (ip.teredo[1], "a Teredo address")]
            for v4, kind in inner:
                reason = blocked_reason(str(v4)) if v4 is not None else None
                if reason:
                    return f"{kind} embedding {v4}, {reason}"
    if isinstance(ip, ipaddress.IPv4Address) and ip in _SHARED:
        return "a carrier-grade NAT address (100.64.0.0/10, not on the public internet)"
    checks = (("is_loopback", "a loopback address (this machine)"),
              ("is_link_local", "a link-local address"),
              ("is_private", "a private-network address"),
              ("is_multicast", "a multicast address"),
              ("is_unspecified", "an unspecified address"),
              ("is_reserved", "a reserved address"))
    for attr, reason in checks:
        if getattr(ip, attr):
            return reason
    if not ip.is_global:
        return "not a public internet address"
    return None


def odd_address(host: str) -> str | None:
    """Why a host written as a number in another form is refused, or None.

    ``0177.0.0.1`` (octal), ``0x7f.1`` (hex), ``127.1`` (short) and ``2130706433`` (one number)
    are not host names: resolvers read them as an IPv4 address (here 127.0.0.1), which a
    check of the written text would miss. Only plain dotted decimal is accepted.
    """
    parts = host.rstrip(".").split(".")
    if not host or not all(_NUMERIC_PART.match(p) for p in parts):
        return None
    try:
        ipaddress.IPv4Address(host)
        return None  # plain dotted decimal
    except ValueError:
        pass
    try:
        read = socket.inet_ntoa(socket.inet_aton(host.rstrip(".")))
    except OSError:
        return f"refused: {host} is not a valid address"
    return (f"refused: {host} is an IP address in octal, hex or short form (read as {read}); "
            "write the address in plain dotted decimal")


def resolve(host: str, port: int) -> list[str]:
    """The addresses a host name resolves to (a separate function so tests can stand in for DNS)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"the host name {host} could not be found ({exc.strerror})") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class _GuardedBackend(httpcore.NetworkBackend):
    """Resolve, check every address, then connect to a checked address (no second lookup)."""

    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: typing.Iterable[typing.Any] | None = None) -> httpcore.NetworkStream:
        addresses = resolve(host, port)
        for address in addresses:
            reason = blocked_reason(address)
            if reason:
                shown = host if host == address else f"{host} ({address})"
                raise BlockedAddress(f"refused: {shown} is {reason}; private addresses are not fetched here")
        last: Exception | None = None
        for address in addresses:
            try:
                return self._inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                last = exc
        raise last or httpcore.ConnectError(f"no address for {host}")

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: typing.Iterable[typing.Any] | None = None) -> httpcore.NetworkStream:
        raise BlockedAddress("refused: Unix sockets are not fetched here")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def transport(allow_private_addresses: bool, max_connections: int) -> httpx.BaseTransport:
    """An httpx transport; without private addresses every new connection goes through the guard."""
    limits = httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections)
    base = httpx.HTTPTransport(limits=limits, trust_env=allow_private_addresses)
    if not allow_private_addresses:
        # the pool is httpx's own, only its network backend differs (httpx has no public hook)
        base._pool = httpcore.ConnectionPool(  # noqa: SLF001
            ssl_context=httpx.create_ssl_context(), max_connections=max_connections,
            max_keepalive_connections=max_connections, network_backend=_GuardedBackend())
    return base


__all__ = ["BlockedAddress", "blocked_reason", "check_scheme", "odd_address", "resolve", "transport"]
