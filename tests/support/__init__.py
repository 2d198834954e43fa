"""What several test modules share: builders, HTTP and mail peers, processes, polling.

Fixtures live in tests/conftest.py; plain helpers here, imported by name.
"""
