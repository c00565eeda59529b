"""Operator commands behind ``zaakwerk``: one module per command, called by :mod:`zaakwerk.cli`."""
