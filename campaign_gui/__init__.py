"""Campaign Manager: SMS and call-center campaign contacts across five providers."""

__version__ = "0.1.0"
