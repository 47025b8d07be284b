"""Load: Accord under gunicorn (2 workers, `accord serve`) on 127.0.0.1 with the demo plus the
world-universities import, driven by keep-alive client threads for a fixed time per endpoint.

    .venv/bin/python bench/api_load.py [--seconds 10] [--threads 8] [--server-threads 1] [--data DIR]

--data DIR keeps the prepared database in DIR and reuses it on the next run (preparing takes minutes).

Prints requests/s, p50 and p99 latency and errors for the API list endpoint, a detail endpoint and
the dashboard (/insights/ when it exists, else the partner list page). Goal for the list endpoint:
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
    if credentials.exists() and (data_dir / "accord.sqlite3").exists():
        token, session = credentials.read_text().split()
        return env, token, session
    accord = [sys.executable, "-m", "accord.cli"]
    for args in (["migrate", "--noinput", "-v", "0"], ["demo"],
                 ["import", "hipo", str(SHARED / "data" / "world_universities_and_domains.json")],
                 ["collectstatic", "--noinput", "-v", "0"]):
        subprocess.run([*accord, *args], cwd=ROOT, env=env, check=True, capture_output=True)
    script = (
        "import django; django.setup()\n"
        "from django.contrib.auth.models import User\nfrom accord.api.models import ApiToken\n"
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


def drive(port, path, headers, seconds, threads):
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
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    latencies.sort()
    n = len(latencies)
    return {
        "requests": n, "rps": n / seconds, "p50_ms": 1000 * statistics.median(latencies) if n else 0,
        "p99_ms": 1000 * latencies[min(n - 1, int(n * 0.99))] if n else 0, "errors": sum(errors),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--threads", type=int, default=8, help="client threads")
    parser.add_argument("--server-threads", type=int, default=1, help="threads per gunicorn worker (gthread if > 1)")
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
            dashboard = "/insights/" if probe.getresponse().status == 200 else "/partners/"
            probe.close()
            targets = [("API list", "/api/v1/institutions/?page=3", api),
                       ("API detail", "/api/v1/institutions/100", api),
                       (f"dashboard {dashboard}", dashboard, page)]
            print(f"gunicorn, 2 workers x {args.server_threads} threads, {args.threads} client threads, {args.seconds:g} s per endpoint")
            print(f"{'endpoint':<28}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
            for label, path, headers in targets:
                drive(port, path, headers, 1, args.threads)  # warm up the workers
                r = drive(port, path, headers, args.seconds, args.threads)
                print(f"{label:<28}{r['rps']:>9.0f}{r['p50_ms']:>9.1f}{r['p99_ms']:>9.1f}{r['errors']:>8}")
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
