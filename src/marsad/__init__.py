"""marsad (مرصد): an offline-first, Arabic-first news intelligence engine."""

__version__ = "0.1.0"
