"""Browser tests (a package, so its module names do not clash with tests/test_*.py)."""
