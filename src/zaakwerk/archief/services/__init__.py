"""The archief's rules: selection, the reviewed workflow, destruction, the verklaring and transfer."""
