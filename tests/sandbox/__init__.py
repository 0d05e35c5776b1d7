"""Tests of the provider simulator (a package, so test module names do not clash with tests/providers)."""
