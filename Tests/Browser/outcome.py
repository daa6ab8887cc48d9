"""What a check of the browser test raises: a failed check, or a test that cannot run."""


class Fail(Exception):
    """A check did not hold; the message says what was expected and what was found."""


class Abort(Exception):
    """The test cannot run at all (no server binary, no Chromium, the server does not start)."""


def expect(condition, message):
    """Fails the check with `message` unless `condition` holds."""
    if not condition:
        raise Fail(message)
