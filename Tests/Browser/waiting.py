"""Waiting for a condition with a deadline, instead of sleeping a fixed time."""

import time

from outcome import Fail

POLL_INTERVAL_S = 0.05


def wait_until(condition, timeout, what, error=Fail):
    """Polls `condition()` until it returns a truthy value, and returns that value. Raises
    `error` naming `what` if the deadline passes first."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise error(f"{what}: not within {timeout:g} s")
        time.sleep(POLL_INTERVAL_S)
