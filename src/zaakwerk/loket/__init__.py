"""The loket: forms residents and businesses fill in, and Mijn zaken (docs/loket.md)."""
