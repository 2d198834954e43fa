"""Polling for something another process or thread does, bounded so a hang fails the test."""

import time


def until(check, seconds: float = 10.0, every: float = 0.05, explain=None):
    """Poll `check` until it returns something true (returned), or fail after `seconds`
    (with what `explain()` says, say another process's output)."""
    deadline = time.monotonic() + seconds
    while True:
        if result := check():
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {seconds}s: {explain() if explain else check}")
        time.sleep(every)
