"""Durable, at-least-once delivery of notificaties to abonnementen (the ``zaakwerk worker``)."""
