"""The observatory's server: a REST API under ``/api`` and Arabic web pages under ``/``."""
