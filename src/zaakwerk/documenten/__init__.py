"""The Documenten register: informatieobjecten, their versions and contents (Documenten API 1.7.0)."""
