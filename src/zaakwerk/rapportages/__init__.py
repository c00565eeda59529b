"""Rapportages: live reports on the werkplek's read model (docs/rapportages.md)."""
