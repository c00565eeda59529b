"""Beheer's pages: views parse and render, the services in ``beheer.services`` decide."""
