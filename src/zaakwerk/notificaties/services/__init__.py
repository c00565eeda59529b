"""The Notificaties register's rules: kanalen, abonnementen and accepting notificaties."""
