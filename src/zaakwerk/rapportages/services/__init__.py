"""The rapportages' rules: who sees which zaaktypen, the figures, the norms and the exports."""
