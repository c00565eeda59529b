"""Where the secret key comes from: ``SECRET_KEY``, or the key file of the embedded demo.

There is no built-in fallback key: a key that ships with the code is a published key, and with
it anyone could forge sessions and decrypt the stored client secrets. ``zaakwerk quickstart``
generates a random key into ``<data folder>/secret_key`` once; any other installation sets
``SECRET_KEY``. Without either, the ``zaakwerk`` command refuses to start with one line
(:func:`missing_key_message`) and Django refuses to use the empty key.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

KEY_FILE_NAME = "secret_key"


def key_file(data_dir: Path) -> Path:
    return data_dir / KEY_FILE_NAME


def read_key_file(data_dir: Path) -> str:
    """The key in the data folder's key file, or ``""`` when there is none."""
    path = key_file(data_dir)
    return path.read_text(encoding="utf-8").strip() if path.is_file() else ""


def create_key_file(data_dir: Path) -> bool:
    """Write a new random key file unless one with a key exists; True when it was written.

    The key also encrypts the stored API client secrets, so an existing key is never replaced.
    The file is created readable by its owner only.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    if read_key_file(data_dir):
        return False
    path = key_file(data_dir)
    path.unlink(missing_ok=True)  # an empty file left by an interrupted run
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(secrets.token_urlsafe(50) + "\n")
    return True


def missing_key_message(data_dir: Path) -> str:
    """The one line an operator sees when no key is configured."""
    return (
        f"SECRET_KEY is not set and there is no key file {key_file(data_dir)}: set SECRET_KEY to a long "
        "random value (the same on every server), or run `zaakwerk quickstart` for a demo installation, "
        "which generates the key file."
    )
