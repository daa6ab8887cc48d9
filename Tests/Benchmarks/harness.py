"""Building blocks of the benchmark: processes, start-up timing, memory, CPU accounting, wrk.

Python standard library only; Linux only (it reads /proc).
"""

import contextlib
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
SERVER_BINARY = os.path.join(ROOT, ".build", "release", "dossier-server")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


class BenchmarkError(Exception):
    """Something did not start or answer as it must; the harness stops with exit 1."""


# MARK: - Small helpers


def listening_socket():
    """A listening TCP socket on 127.0.0.1 at a port of the kernel's choice. It stays open
    until the server that inherits it runs: a port picked and released first could be taken
    by anyone in between."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(socket.SOMAXCONN)
    # As a server's own listening socket is: an accept() that finds nothing must not block.
    listener.setblocking(False)
    return listener


def raise_descriptor_limit():
    """Raises this process's open-file limit to the hard limit (children inherit it)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def require_tools(*names):
    missing = [name for name in names if shutil.which(name) is None]
    if missing:
        raise BenchmarkError(
            f"missing tool(s): {', '.join(missing)} (Debian: apt-get install wrk nginx-light)")


def status_kb(pid, field):
    """A `kB` field of /proc/PID/status (VmRSS, VmHWM), or 0 if the process is gone."""
    try:
        with open(f"/proc/{pid}/status") as file:
            for line in file:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def memfd_kb(pid):
    """Memory in the process's memfds (dossier-server keeps large response bodies there, to
    send them with sendfile): shared memory that RSS only counts where the process touched it."""
    total = 0
    try:
        for entry in os.listdir(f"/proc/{pid}/fd"):
            path = f"/proc/{pid}/fd/{entry}"
            try:
                if os.readlink(path).startswith("/memfd:"):
                    total += os.stat(path).st_blocks * 512
            except OSError:
                continue
    except OSError:
        pass
    return total // 1024


def cpu_seconds(pid):
    """User + system CPU time of a live process, in seconds (0 if it is gone)."""
    try:
        with open(f"/proc/{pid}/stat") as file:
            fields = file.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return 0.0


def children(pid):
    """The pids whose parent is `pid`."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as file:
                if int(file.read().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry))
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
    return found


def cpu_by_process():
    """CPU seconds used so far by every process on the machine, by pid."""
    found = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            seconds = cpu_seconds(int(entry))
            if seconds:
                found[int(entry)] = seconds
    return found


def is_kernel_thread(pid):
    """Kernel threads (ksoftirqd, kworkers) have no command line; their work during a run is
    mostly the run's own network traffic, so it is not counted as noise."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as file:
            return not file.read(1)
    except (FileNotFoundError, ProcessLookupError):
        return False


def other_cpu(before, after, exclude):
    """CPU seconds used between two `cpu_by_process()` snapshots by processes not in
    `exclude` (a process that started in between counts with all it used)."""
    total = 0.0
    for pid, seconds in after.items():
        used = seconds - before.get(pid, 0.0)
        if used > 0 and pid not in exclude and not is_kernel_thread(pid):
            total += used
    return total


def load_average():
    with open("/proc/loadavg") as file:
        return float(file.read().split()[0])


def background_cpu(seconds=1.0, exclude=()):
    """How busy the machine is without us: CPU cores in use over `seconds` by every process
    but the pids in `exclude` and this one (0.0 = idle, 2.0 = both cores of a 2-core machine)."""
    before = cpu_by_process()
    time.sleep(seconds)
    return other_cpu(before, cpu_by_process(), set(exclude) | {os.getpid()}) / seconds


def wait_until_quiet(exclude=(), threshold=0.15, patience=60.0, log=print):
    """Waits (up to `patience` s) until other processes use under `threshold` cores; returns
    the last measurement. The benchmark shares 2 cores with wrk: anything else distorts it."""
    deadline = time.monotonic() + patience
    busy = background_cpu(0.5, exclude)
    while busy > threshold and time.monotonic() < deadline:
        log(f"  (machine busy: {busy:.2f} cores used by other processes; waiting)")
        busy = background_cpu(2.0, exclude)
    return busy


# MARK: - HTTP


def http_request(port, path, method="GET", timeout=5.0, headers=()):
    """One request on a new connection: (status, header text, body bytes)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close", *headers, "", ""]
        connection.sendall("\r\n".join(lines).encode())
        received = bytearray()
        while True:
            chunk = connection.recv(1 << 16)
            if not chunk:
                break
            received += chunk
    head, _, body = bytes(received).partition(b"\r\n\r\n")
    status_line = head.split(b"\r\n", 1)[0].decode()
    return int(status_line.split()[1]), head.decode(errors="replace"), body


LISTENING = re.compile(rb"listening on http://[0-9.]+:(\d+)")


def wait_for_listening(stderr_path, started, process, timeout=60.0):
    """The port dossier-server (started with --port 0) reports on its stderr ("listening on
    http://127.0.0.1:PORT"), polled every 0.5 ms like the first 200 below."""
    deadline = started + timeout
    while time.perf_counter() < deadline:
        with open(stderr_path, "rb") as file:
            match = LISTENING.search(file.read())
        if match:
            return int(match.group(1))
        if process.poll() is not None:
            raise BenchmarkError(f"{process.args[0]} exited with status {process.returncode} during start-up")
        time.sleep(0.0005)
    raise BenchmarkError(f"{process.args[0]} did not say it is listening within {timeout:.0f} s")


def wait_for_200(port, path, started, process, timeout=60.0):
    """Polls `path` until it answers 200; returns seconds since `started` (a perf_counter
    value taken just before the process was spawned). Raises if the process exits first."""
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()
    deadline = started + timeout
    last = "no connection"
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            raise BenchmarkError(f"{process.args[0]} exited with status {process.returncode} during start-up")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1.0) as connection:
                connection.sendall(request)
                status = connection.recv(16)
                if status.startswith(b"HTTP/1.1 200"):
                    return time.perf_counter() - started
                last = status.decode(errors="replace").strip() or "connection closed"
        except OSError as error:
            last = str(error)
        time.sleep(0.0005)
    raise BenchmarkError(f"no 200 from {path} within {timeout:.0f} s (last: {last})")


# MARK: - The servers


class Process:
    """A benchmarked server process (and its children): start-up time, memory, CPU."""

    name = "?"

    def __init__(self):
        self.process = None
        self.port = None
        self.startup_seconds = None

    @property
    def pids(self):
        if self.process is None or self.process.poll() is not None:
            return []
        return [self.process.pid, *children(self.process.pid)]

    def cpu_seconds(self):
        return sum(cpu_seconds(pid) for pid in self.pids)

    def rss_kb(self):
        return sum(status_kb(pid, "VmRSS") for pid in self.pids)

    def memfd_kb(self):
        return sum(memfd_kb(pid) for pid in self.pids)

    def peak_rss_kb(self):
        """Peak resident memory: each process's high-water mark, summed."""
        return sum(status_kb(pid, "VmHWM") for pid in self.pids)

    def stop(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


class DossierServer(Process):
    name = "dossier-server"

    def __init__(self, stderr_path, data=None, access_log=None, probe="/api/v1/dossiers/23292"):
        super().__init__()
        self.stderr_path = stderr_path
        self.data = data
        self.access_log = access_log
        self.probe = probe

    def start(self):
        # Port 0: the server binds a port of the kernel's choice and says which on stderr.
        command = [SERVER_BINARY, "--host", "127.0.0.1", "--port", "0"]
        if self.data:
            command += ["--data", self.data]
        if self.access_log is None:
            command.append("--quiet")
        with contextlib.ExitStack() as files:
            stdout = files.enter_context(open(self.access_log, "wb")) if self.access_log else subprocess.DEVNULL
            stderr = files.enter_context(open(self.stderr_path, "wb"))
            started = time.perf_counter()
            self.process = subprocess.Popen(command, cwd=ROOT, stdout=stdout, stderr=stderr)
        try:
            self.port = wait_for_listening(self.stderr_path, started, self.process)
            self.startup_seconds = wait_for_200(self.port, self.probe, started, self.process)
        except BenchmarkError as error:
            self.stop()
            with open(self.stderr_path, errors="replace") as file:
                raise BenchmarkError(f"{error}\n{file.read().strip()}") from None
        return self


# Per-location directives of the gzip modes (gzip_vary: Vary: Accept-Encoding, as dossier-server).
NGINX_GZIP = {
    "static": " gzip_static on; gzip_vary on;",
    "on": " gzip on; gzip_types application/json; gzip_vary on;",
}


class Nginx(Process):
    name = "nginx"

    def __init__(self, directory, files, probe, gzip=None):
        """`files`: request path → bytes to serve at exactly that path. `gzip`: None (identity
        only), "static" with `files` mapping to (identity bytes, .gz bytes) — `gzip_static on`
        serves the .gz file as it is — or "on": nginx's own `gzip on` for JSON, at its default
        level 1, what most configurations say."""
        super().__init__()
        self.directory = directory
        self.files = files
        self.probe = probe
        self.gzip = gzip

    def start(self):
        os.makedirs(self.directory, exist_ok=True)
        # nginx started as root serves as `nobody`: the files must be world-readable.
        os.chmod(self.directory, 0o755)
        locations = []
        for index, (path, body) in enumerate(sorted(self.files.items())):
            name = os.path.join(self.directory, f"resource-{index}.json")
            if self.gzip == "static":
                body, compressed = body
                with open(name + ".gz", "wb") as file:
                    file.write(compressed)
                os.chmod(name + ".gz", 0o644)
            with open(name, "wb") as file:
                file.write(body)
            os.chmod(name, 0o644)
            locations.append(f"        location = {path} {{ alias {name};{NGINX_GZIP.get(self.gzip, '')} }}")
        # nginx cannot listen on port 0, but it takes over listening sockets named in $NGINX
        # (its binary-upgrade mechanism): it inherits one on a port the kernel chose, and sets
        # its configured backlog on it.
        listener = listening_socket()
        self.port = listener.getsockname()[1]
        with open(os.path.join(HERE, "nginx.conf.template")) as file:
            template = file.read()
        config = (
            template.replace("{prefix}", self.directory)
            .replace("{port}", str(self.port))
            .replace("{locations}", "\n".join(locations)))
        config_path = os.path.join(self.directory, "nginx.conf")
        with open(config_path, "w") as file:
            file.write(config)
        command = [shutil.which("nginx"), "-p", self.directory, "-c", config_path, "-g", "daemon off;"]
        environment = {**os.environ, "NGINX": f"{listener.fileno()};"}
        started = time.perf_counter()
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                        env=environment, pass_fds=(listener.fileno(),))
        listener.close()
        try:
            self.startup_seconds = wait_for_200(self.port, self.probe, started, self.process)
        except BenchmarkError as error:
            process = self.process
            self.stop()
            errors = process.stderr.read().decode(errors="replace")
            raise BenchmarkError(f"nginx did not start: {error} {errors.strip()}") from None
        return self

    def stop(self):
        # SIGQUIT: graceful; the workers exit with the master.
        if self.process is not None and self.process.poll() is None:
            pids = self.pids
            self.process.send_signal(signal.SIGQUIT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                for pid in pids:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)
                self.process.wait()
        self.process = None


class Floor(Process):
    """The floor: floor.c, a minimal epoll responder writing one pre-built response from memory
    per request end (see the file), built here with the system C compiler."""

    name = "floor"

    def __init__(self, binary, response, directory, probe):
        super().__init__()
        self.binary = binary
        self.response = response
        self.directory = directory
        self.probe = probe

    @staticmethod
    def build(workdir):
        """Compiles floor.c into `workdir`; returns the binary's path."""
        compiler = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
        if compiler is None:
            raise BenchmarkError("no C compiler (cc) for the floor responder (Debian: apt-get install gcc)")
        binary = os.path.join(workdir, "floor-responder")
        subprocess.run([compiler, "-O2", "-pthread", "-o", binary, os.path.join(HERE, "floor.c")], check=True)
        return binary

    def start(self):
        os.makedirs(self.directory, exist_ok=True)
        response_path = os.path.join(self.directory, f"response-{len(os.listdir(self.directory))}")
        with open(response_path, "wb") as file:
            file.write(self.response)
        stderr_path = response_path + ".stderr"
        with open(stderr_path, "wb") as stderr:
            started = time.perf_counter()
            self.process = subprocess.Popen([self.binary, response_path, "0"], stdout=subprocess.DEVNULL,
                                            stderr=stderr)
        self.port = wait_for_listening(stderr_path, started, self.process)
        self.startup_seconds = wait_for_200(self.port, self.probe, started, self.process)
        return self


def raw_response(port, path, headers=(), timeout=5.0):
    """One response on a keep-alive request, exactly as sent (head, empty line, body by its
    Content-Length): what the floor replays."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        lines = [f"GET {path} HTTP/1.1", "Host: 127.0.0.1", *headers, "", ""]
        connection.sendall("\r\n".join(lines).encode())
        received = bytearray()
        while b"\r\n\r\n" not in received:
            chunk = connection.recv(1 << 16)
            if not chunk:
                raise BenchmarkError(f"{path}: connection closed before the head")
            received += chunk
        head, _, body = bytes(received).partition(b"\r\n\r\n")
        match = re.search(rb"\r\ncontent-length: *(\d+)", head, re.IGNORECASE)
        if not match:
            raise BenchmarkError(f"{path}: no Content-Length")
        length = int(match.group(1))
        while len(body) < length:
            chunk = connection.recv(1 << 16)
            if not chunk:
                raise BenchmarkError(f"{path}: connection closed in the body")
            body += chunk
    return head + b"\r\n\r\n" + body[:length]


RENDERED = re.compile(rb"(\d+) resources rendered \((\d+) KiB\) ([\d,]+) ms after start")


def wait_for_warm_up(server, timeout=300.0):
    """Waits until dossier-server says it has rendered every resource (its warm-up thread,
    after the socket opened); returns (resources, KiB of identity bodies, ms after start)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with open(server.stderr_path, "rb") as file:
            match = RENDERED.search(file.read())
        if match:
            return int(match.group(1)), int(match.group(2)), int(match.group(3).replace(b",", b""))
        time.sleep(0.05)
    raise BenchmarkError(f"dossier-server did not finish rendering within {timeout:.0f} s")


# MARK: - wrk

REPORT = re.compile(r"WRK-REPORT (.*)")


def run_wrk(port, path, connections, seconds, target=None, script="wrk-report.lua", script_args=(),
            timeout_seconds=5, headers=()):
    """Runs wrk against 127.0.0.1:port/path (with `headers`, "Name: value" strings, on every
    request); returns its figures as a dict (latencies in microseconds), plus the CPU time wrk
    itself used and that other processes used meanwhile."""
    threads = 1 if connections < 2 else min(2, connections)
    command = [
        "wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s",
        "--timeout", f"{timeout_seconds}s", "-s", os.path.join(HERE, script),
        *[argument for header in headers for argument in ("-H", header)],
        f"http://127.0.0.1:{port}{path}",
    ]
    if script_args:
        command += ["--", *script_args]
    ours = set(target.pids if target else []) | {os.getpid()}
    processes_before = cpu_by_process()
    target_before = target.cpu_seconds() if target else 0.0
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    ours.add(process.pid)
    output, errors = process.communicate()
    # communicate() reaped wrk, so its CPU time is now in this process's children usage.
    children_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    processes_after = cpu_by_process()
    target_after = target.cpu_seconds() if target else 0.0
    if process.returncode != 0:
        raise BenchmarkError(f"wrk failed: {errors.decode(errors='replace').strip()}")
    match = REPORT.search(output.decode())
    if not match:
        raise BenchmarkError(f"wrk printed no report:\n{output.decode()}")
    figures = {key: int(value) for key, value in (pair.split("=") for pair in match.group(1).split())}
    figures["rps"] = figures["requests"] / (figures["duration_us"] / 1e6)
    figures["socket_errors"] = figures["connect"] + figures["read"] + figures["write"] + figures["timeout"]
    figures["non2xx"] = figures["status"]
    figures["connections"] = connections
    seconds_run = figures["duration_us"] / 1e6
    wrk_cpu = (children_after.ru_utime + children_after.ru_stime
               - children_before.ru_utime - children_before.ru_stime)
    figures["server_cores"] = (target_after - target_before) / seconds_run
    figures["wrk_cores"] = wrk_cpu / seconds_run
    # What neither the server nor wrk used: other people's processes (noise).
    figures["other_cores"] = other_cpu(processes_before, processes_after, ours) / seconds_run
    return figures
