"""The failure list every LMS and CASE check writes to (check_exports.py, check_case_references.py
and their self-tests): a check records its message and goes on, so one run reports every failure."""


class Checker:
    """Collects the message of every check whose condition is false."""

    def __init__(self):
        self.failures = []

    def check(self, condition, message):
        if not condition:
            self.failures.append(message)
        return condition
