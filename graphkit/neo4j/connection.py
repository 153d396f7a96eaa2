"""Connection settings and the translation of driver failures into one-line errors.

Settings come from options, then NEO4J_URI / NEO4J_USER / NEO4J_DATABASE. The password comes
only from NEO4J_PASSWORD or an interactive prompt: never from argv (visible in ``ps`` and
shell history), and it is never part of a message, a repr or a log line.
"""

from __future__ import annotations

import getpass
import logging
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

from neo4j import Driver, GraphDatabase
from neo4j.exceptions import (
    AuthError,
    ConfigurationError,
    DriverError,
    Forbidden,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from graphkit import __version__
from graphkit.errors import GraphkitError

__all__ = [
    "DEFAULT_URI",
    "DEFAULT_USER",
    "Settings",
    "connect",
    "driver_logging",
    "neo4j_errors",
    "resolve_settings",
]

DEFAULT_URI = "bolt://localhost:7687"
DEFAULT_USER = "neo4j"
_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


@dataclass(frozen=True)
class Settings:
    """Where and as whom to connect. ``repr`` leaves the password out."""

    uri: str
    user: str
    password: str = field(repr=False)
    database: str | None = None

    @property
    def where(self) -> str:
        return f"{self.uri} (database {self.database or 'default'})"


def resolve_settings(
    uri: str | None = None,
    user: str | None = None,
    database: str | None = None,
    *,
    env: Mapping[str, str] | None = None,
    ask: Callable[[str], str] | None = None,
) -> Settings:
    """Options first, then the environment, then defaults; prompts for a missing password."""
    env = os.environ if env is None else env
    uri = uri or env.get("NEO4J_URI") or DEFAULT_URI
    scheme = uri.split("://", 1)[0] if "://" in uri else ""
    if scheme not in _SCHEMES:
        schemes = ", ".join(_SCHEMES)
        raise GraphkitError(
            f"invalid Neo4j URI {uri!r}: use one of {schemes} as in bolt://HOST:PORT"
        )
    user = user or env.get("NEO4J_USER") or DEFAULT_USER
    password = env.get("NEO4J_PASSWORD")
    if password is None:
        if ask is None and not sys.stdin.isatty():
            raise GraphkitError("set NEO4J_PASSWORD (there is no terminal to ask for the password)")
        password = (ask or getpass.getpass)(f"Neo4j password for {user} at {uri}: ")
    database = database or env.get("NEO4J_DATABASE") or None
    return Settings(uri=uri, user=user, password=password, database=database)


def _first_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[0].strip() if lines else ""


def _message(err: Exception, settings: Settings) -> str:
    if isinstance(err, AuthError):
        return (
            f"Neo4j at {settings.uri} rejected user {settings.user!r}: "
            "wrong user or password (NEO4J_USER, NEO4J_PASSWORD)"
        )
    if isinstance(err, (ServiceUnavailable, SessionExpired)):
        return (
            f"cannot reach Neo4j at {settings.uri}: is the server running? (scripts/neo4j.sh start)"
        )
    if isinstance(err, Forbidden):
        return f"user {settings.user!r} is not allowed to do this on {settings.where}"
    if isinstance(err, Neo4jError):
        code = err.code or type(err).__name__
        if code.endswith("DatabaseNotFound"):
            return f"Neo4j at {settings.uri} has no database {settings.database!r} (--database)"
        if code.endswith("DatabaseUnavailable"):
            return f"database {settings.database or 'default'} at {settings.uri} is not available"
        return f"Neo4j error on {settings.where}: {code}: {_first_line(err.message or str(err))}"
    if isinstance(err, ConfigurationError):
        return f"invalid Neo4j settings for {settings.uri}: {_first_line(str(err))}"
    return f"Neo4j driver error on {settings.where}: {type(err).__name__}: {_first_line(str(err))}"


_DRIVER_HANDLERS: list[logging.Handler] = []


def driver_logging(verbose: bool = False) -> None:
    """Where the driver's own log lines go, for the commands. By default nowhere: when the
    server dies mid-load the driver logs raw connection errors ("[#AEA4] _: <CONNECTION>
    error: Failed to read from defunct connection ...") that logging's last-resort handler
    would print before graphkit's one-line error. ``verbose``: its INFO and above on stderr.
    """
    logger = logging.getLogger("neo4j")
    for handler in _DRIVER_HANDLERS:
        logger.removeHandler(handler)
    _DRIVER_HANDLERS.clear()
    chosen: logging.Handler
    if verbose:
        chosen = logging.StreamHandler(sys.stderr)
        chosen.setFormatter(logging.Formatter("graphkit: neo4j driver: %(levelname)s %(message)s"))
        logger.setLevel(logging.INFO)
    else:
        chosen = logging.NullHandler()
    logger.addHandler(chosen)
    _DRIVER_HANDLERS.append(chosen)
    logger.propagate = False  # nor through handlers an embedding application set on root


@contextmanager
def neo4j_errors(settings: Settings) -> Iterator[None]:
    """Turn any driver or server failure raised inside the block into a GraphkitError."""
    try:
        yield
    except (DriverError, Neo4jError) as err:
        raise GraphkitError(_message(err, settings)) from None
    except ValueError as err:  # the driver's answer to a malformed address
        raise GraphkitError(f"invalid Neo4j URI {settings.uri!r}: {err}") from None


@contextmanager
def connect(settings: Settings) -> Iterator[Driver]:
    """An open driver whose connection and credentials have been checked; errors as above."""
    with neo4j_errors(settings):
        driver = GraphDatabase.driver(
            settings.uri,
            auth=(settings.user, settings.password),
            user_agent=f"graphkit/{__version__}",
            # Fail fast: a CLI user waiting 30 s for retries against a dead server learns nothing.
            connection_timeout=10.0,
            max_transaction_retry_time=10.0,
        )
        try:
            driver.verify_connectivity()
            yield driver
        finally:
            driver.close()
