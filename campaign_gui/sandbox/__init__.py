"""A faithful local simulator of the five provider APIs (``server.SandboxServer``, ``control.SandboxControl``)."""
