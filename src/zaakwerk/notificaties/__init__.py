"""The Notificaties register (Notificaties API 1.0.1) and durable delivery to its subscribers."""
