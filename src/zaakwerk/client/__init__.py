"""One ZGW client for everything Zaakwerk sends to an API (docs/adr/0038).

- :class:`ZGWClient` (:mod:`.api`): the typed client applications use, with resource models
  (:mod:`.models`), page iteration, ``expand`` and ``_zoek``;
- :class:`Http` (:mod:`.http`): JSON requests as one party, with the shared cache of published
  catalogue objects (:mod:`.cache`), used by the registers for URL references and remote registers;
- :func:`~.transport.send` (:mod:`.transport`): every request, in-process for this deployment's
  URLs and over the network for others, under the outgoing-request policy (:mod:`.policy`) with one
  deadline per call (:mod:`.network`).

This package imports nothing of Zaakwerk but the settings, so the registers can use it and it can
never take a shortcut into a register: it only speaks the ZGW APIs.
"""

from zaakwerk.client.api import ZGWClient
from zaakwerk.client.auth import ClientCredentials
from zaakwerk.client.errors import (
    ClientError,
    DeadlineExceeded,
    HTTPStatusError,
    InvalidResponse,
    NotAllowed,
    ResponseTooLarge,
    Unreachable,
)
from zaakwerk.client.http import Fetched, Http

__all__ = [
    "ClientCredentials",
    "ClientError",
    "DeadlineExceeded",
    "Fetched",
    "HTTPStatusError",
    "Http",
    "InvalidResponse",
    "NotAllowed",
    "ResponseTooLarge",
    "Unreachable",
    "ZGWClient",
]
