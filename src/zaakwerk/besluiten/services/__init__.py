"""Business rules of the Besluiten register (RULES.md 5): one module per resource."""
