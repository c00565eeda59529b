"""Business rules of the Catalogi register, one module per resource (STYLE.md 2, 5)."""
