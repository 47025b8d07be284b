"""Load: Accord under `accord serve --workers 2 --no-collectstatic` (gunicorn; its default one thread per
worker, the sync worker) on 127.0.0.1 with the demo plus the world-universities import, driven by client
threads (keep-alive when the server keeps connections) for a fixed time per endpoint.

    .venv/bin/python bench/api_load.py [--seconds 10] [--threads 8] [--server-threads 1] [--data DIR]

--data DIR keeps the prepared database (migrated again on each run) and collected static files in DIR
and reuses them on the next run (preparing takes minutes).

Prints requests/s, p50 and p99 latency and errors for the API list endpoint, a detail endpoint and
the dashboard (/insights/ when it exists, else the partner list page), and the CPU time per request
of the server's workers and of this load generator (they share the machine's cores, so req/s depends
on what else runs; the load average is printed first). Goal for the list endpoint:
>= 300 requests/s, p99 <= 100 ms, no errors.
"""

import argparse
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from accord.operations.management.commands import serve  # noqa: E402  (its defaults; needs no settings)

SHARED = ROOT.parent / "shared"
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def prepare(data_dir: Path) -> tuple[dict, str, str]:
    """Migrate, load the demo and the hipo import; return the environment, a staff token and a session cookie."""
    env = environment(data_dir)
    credentials = data_dir / "bench-credentials"
    accord = [sys.executable, "-m", "accord.cli"]
    if credentials.exists() and (data_dir / "accord.sqlite3").exists():
        # a kept database: bring it up to the code's migrations
        subprocess.run([*accord, "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True, capture_output=True)
        token, session = credentials.read_text().split()
        return env, token, session
    for args in (["migrate", "--noinput", "-v", "0"], ["demo"],
                 ["import", "hipo", str(SHARED / "data" / "world_universities_and_domains.json")],
                 ["collectstatic", "--noinput", "-v", "0"]):
        subprocess.run([*accord, *args], cwd=ROOT, env=env, check=True, capture_output=True)
    script = (
        "import django; django.setup()\n"
        "from django.contrib.auth.models import User\nfrom accord.accounts.apitokens import ApiToken\n"
        "from django.contrib.sessions.backends.db import SessionStore\n"
        "from django.contrib.auth import SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY\n"
        "u = User.objects.get(username='staff')\nprint(ApiToken.issue(u, 'bench')[1])\n"
        "s = SessionStore(); s[SESSION_KEY] = str(u.pk); s[BACKEND_SESSION_KEY] = 'django.contrib.auth.backends.ModelBackend'\n"
        "s[HASH_SESSION_KEY] = u.get_session_auth_hash(); s.set_expiry(30 * 24 * 3600); s.create(); print(s.session_key)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    token, session = out.stdout.split()[-2:]
    credentials.write_text(f"{token} {session}")
    return env, token, session


def environment(data_dir: Path) -> dict:
    return {**os.environ, "ACCORD_DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "accord.settings",
           "ACCORD_DEBUG": "0", "ACCORD_SECRET_KEY": "bench-" + "k" * 60, "ACCORD_SECURE_COOKIES": "0"}


class Connection:
    """A minimal keep-alive HTTP/1.1 client (http.client's header parsing would cost the server CPU it shares)."""

    def __init__(self, port):
        self.port, self.sock, self.buffer = port, None, b""

    def get(self, request: bytes) -> int:
        if self.sock is None:
            self.sock = socket.create_connection((HOST, self.port), timeout=10)
            self.buffer = b""
        self.sock.sendall(request)
        while b"\r\n\r\n" not in self.buffer:
            self._read()
        head, _, self.buffer = self.buffer.partition(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        status = int(lines[0].split()[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(b":") for line in lines[1:])}
        length = int(headers.get(b"content-length", b"0"))
        while len(self.buffer) < length:
            self._read()
        self.buffer = self.buffer[length:]
        if headers.get(b"connection", b"").lower() == b"close":
            self.close()
        return status

    def _read(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise ConnectionError("the server closed the connection")
        self.buffer += chunk

    def close(self):
        if self.sock is not None:
            self.sock.close()
        self.sock = None


def worker_pids(master: int) -> list[int]:
    """The gunicorn master's child processes (its workers)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == master:
                pids.append(int(entry.name))
    return pids


def cpu_seconds(pids) -> float:
    """User + system CPU time of these processes (all their threads)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


def machine_busy_seconds() -> float:
    """CPU time all cores spent on anything but idling and waiting for I/O (/proc/stat)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


IN_PROCESS = """
import sys, time
import django
django.setup()
from io import BytesIO
from django.core.handlers.wsgi import WSGIHandler
app = WSGIHandler()
for path, header, value, n in eval(sys.argv[1]):
    path, _, query = path.partition("?")
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query, "SERVER_NAME": "127.0.0.1",
               "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1", "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.url_scheme": "http",
               "wsgi.errors": sys.stderr, header: value}
    def call():
        status = []
        b"".join(app({**environ, "wsgi.input": BytesIO()}, lambda s, h: status.append(s)))
        assert status[0].startswith("200"), status
    for _ in range(max(n // 10, 2)):
        call()
    best = []
    for _ in range(5):  # the best of five rounds: the least disturbed by whatever else runs
        start = time.process_time()
        for _ in range(n // 5):
            call()
        best.append((time.process_time() - start) / (n // 5))
    print(f"{1000 * min(best):.2f}")
"""


def in_process_cpu(env, targets) -> list[str]:
    """CPU ms per request of each target called in one process straight through WSGI (no HTTP, no
    other process): the server's own cost, comparable across runs whatever else the machine does."""
    spec = [(path, "HTTP_" + next(iter(headers)).upper(), next(iter(headers.values())), n)
            for _label, path, headers, n in targets]
    out = subprocess.run([sys.executable, "-c", IN_PROCESS, repr(spec)], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True)
    return out.stdout.split()


def drive(port, path, headers, seconds, threads, workers=()):
    latencies, errors, lock = [], [], threading.Lock()
    deadline = time.perf_counter() + seconds
    request = "".join([f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\n",
                       *(f"{k}: {v}\r\n" for k, v in headers.items()), "\r\n"]).encode()

    def worker():
        conn = Connection(port)
        mine, bad = [], 0
        while time.perf_counter() < deadline:
            start = time.perf_counter()
            try:
                if conn.get(request) != 200:
                    bad += 1
            except OSError:
                bad += 1
                conn.close()
                continue
            mine.append(time.perf_counter() - start)
        conn.close()
        with lock:
            latencies.extend(mine)
            errors.append(bad)

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    server_cpu, client_cpu, busy = cpu_seconds(workers), time.process_time(), machine_busy_seconds()
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    server_cpu, client_cpu = cpu_seconds(workers) - server_cpu, time.process_time() - client_cpu
    others = machine_busy_seconds() - busy - server_cpu - client_cpu
    latencies.sort()
    n = len(latencies)
    return {
        "requests": n, "rps": n / seconds, "p50_ms": 1000 * statistics.median(latencies) if n else 0,
        "p99_ms": 1000 * latencies[min(n - 1, int(n * 0.99))] if n else 0, "errors": sum(errors),
        "server_ms": 1000 * server_cpu / max(n, 1), "client_ms": 1000 * client_cpu / max(n, 1),
        "others_ms": max(0.0, 1000 * others / max(n, 1)),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--threads", type=int, default=8, help="client threads")
    parser.add_argument("--server-threads", type=int, default=serve.THREADS,
                        help=f"threads per gunicorn worker (default {serve.THREADS}, as `accord serve`; 1 = sync worker)")
    parser.add_argument("--data", type=Path, help="prepare the database here once and reuse it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="accord-load-") as tmp:
        data = args.data or Path(tmp)
        data.mkdir(parents=True, exist_ok=True)
        print("preparing the database (migrate, demo, hipo import)...", flush=True)
        env, token, session = prepare(data)
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "accord.cli", "serve", "--bind", f"{HOST}:{port}", "--workers", "2",
                                   "--threads", str(args.server_threads), "--no-collectstatic"],
                                  cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  start_new_session=True)
        try:
            for _ in range(600):
                try:
                    http.client.HTTPConnection(HOST, port, timeout=1).request("GET", "/login/")
                    break
                except OSError:
                    time.sleep(0.1)
            api = {"Authorization": f"Bearer {token}"}
            page = {"Cookie": f"sessionid={session}"}
            probe = http.client.HTTPConnection(HOST, port)
            probe.request("GET", "/insights/", headers=page)
            status = probe.getresponse().status
            dashboard = "/insights/" if status == 200 else "/partners/"
            if status != 200:
                print(f"/insights/ answered {status}: measuring /partners/ instead")
            probe.close()
            targets = [("API list", "/api/v1/institutions/?page=3", api, 500),
                       ("API detail", "/api/v1/institutions/100", api, 500),
                       (f"dashboard {dashboard}", dashboard, page, 20)]
            workers = worker_pids(server.pid)
            print(f"gunicorn, {len(workers)} workers x {args.server_threads} threads, {args.threads} client threads, "
                  f"{args.seconds:g} s per endpoint; {os.cpu_count()} cores, load average before "
                  + " ".join(f"{x:.2f}" for x in os.getloadavg()))
            print(f"{'':<26}{'':>7}{'':>8}{'':>8}{'':>7}{'CPU ms per request: server, client, others':>46}")
            print(f"{'endpoint':<26}{'req/s':>7}{'p50 ms':>8}{'p99 ms':>8}{'errors':>7}"
                  f"{'server':>16}{'client':>15}{'others':>15}")
            for label, path, headers, _n in targets:
                drive(port, path, headers, 1, args.threads)  # warm up the workers
                r = drive(port, path, headers, args.seconds, args.threads, workers)
                print(f"{label:<26}{r['rps']:>7.0f}{r['p50_ms']:>8.1f}{r['p99_ms']:>8.1f}{r['errors']:>7}"
                      f"{r['server_ms']:>16.2f}{r['client_ms']:>15.2f}{r['others_ms']:>15.2f}")
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        print("in one process, straight through WSGI (best of 5 rounds): CPU ms per request: "
              + ", ".join(f"{label} {ms}" for (label, *_), ms in zip(targets, in_process_cpu(env, targets))))


if __name__ == "__main__":
    main()
