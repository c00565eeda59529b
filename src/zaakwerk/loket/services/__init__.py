"""The loket's rules, as plain functions over the ZGW client: views parse and render, these decide."""
