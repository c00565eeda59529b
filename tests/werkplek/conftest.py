"""The werkplek's tests also run their service functions against another deployment over HTTP."""

from tests.client.conftest import other_deployment

__all__ = ["other_deployment"]
