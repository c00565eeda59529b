"""The loket's forms: definitions per zaaktype, drafts residents fill in step by step, and their
registration as zaken through the ZGW APIs (docs/formulieren.md)."""
