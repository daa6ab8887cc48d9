"""Stopping the child processes the browser test starts (the server, Chromium)."""

import subprocess

STOP_GRACE_S = 10


def stop_process(proc):
    """Asks a child to stop (SIGTERM), and kills it if it has not within STOP_GRACE_S."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=STOP_GRACE_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
