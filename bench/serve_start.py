"""How soon `accord serve` answers: the first start on a fresh data folder (static files collected and
compressed for the first time) and a restart on the same folder (nothing changed: nothing compressed).

    .venv/bin/python bench/serve_start.py [--workers 2] [--restarts 2]

The database is migrated before the clock starts (a start on an unmigrated database would time
`accord migrate`, not the server). Prints the seconds from `accord serve` to the first 200 answer of
/login/ and of a hashed static file (plotly.min.js, brotli-encoded), the CPU the collectstatic step
took, the CPU seconds the server's processes used until then, the number of files collected and their size, and the load average (the machine's 2 cores are
shared). Goal: first start <= 20 s, restart <= 5 s.
"""

import argparse
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from procstat import group_cpu, load

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
ACCORD = [sys.executable, "-m", "accord.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def environment(data_dir: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ACCORD_") and k != "DJANGO_SETTINGS_MODULE"}
    env.update(ACCORD_DATA_DIR=str(data_dir), ACCORD_DEBUG="0", ACCORD_SECURE_COOKIES="0", PYTHONPATH=str(ROOT))
    return env


def get(port: int, path: str, **headers) -> tuple[int, bytes, dict]:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, response.read(), dict(response.getheaders())
    finally:
        connection.close()


def start_and_time(data_dir: Path, workers: int) -> dict:
    port = free_port()
    began = time.monotonic()
    server = subprocess.Popen([*ACCORD, "serve", "--bind", f"{HOST}:{port}", "--workers", str(workers)], cwd=ROOT,
                              env=environment(data_dir), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              start_new_session=True)
    try:
        while True:
            if server.poll() is not None:
                sys.exit(f"accord serve stopped:\n{server.stdout.read().decode()}")
            try:
                status, body, _ = get(port, "/login/")
                if status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.05)
        login = time.monotonic() - began
        cpu = group_cpu(server.pid)
        plotly = (data_dir / "static" / "staticfiles.json").read_text()
        hashed = re.search(r'"vendor/plotly/plotly.min.js": "([^"]+)"', plotly).group(1)
        status, body, headers = get(port, f"/static/{hashed}", **{"Accept-Encoding": "br, gzip"})
        assert status == 200 and headers.get("Content-Encoding") == "br", (status, headers)
        return {"login": login, "static": time.monotonic() - began, "plotly_br_bytes": len(body), "cpu": cpu}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def collect_cpu(data_dir: Path) -> float:
    """CPU seconds of `accord collectstatic` alone on that folder (what serve runs before gunicorn)."""
    before = os.times()
    subprocess.run([*ACCORD, "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=environment(data_dir), check=True)
    after = os.times()
    return (after.children_user - before.children_user) + (after.children_system - before.children_system)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--restarts", type=int, default=2)
    args = parser.parse_args()
    print(f"load average before: {load()} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="accord-serve-bench-") as tmp:
        data = Path(tmp)
        subprocess.run([*ACCORD, "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=environment(data), check=True)
        first = start_and_time(data, args.workers)
        files = [p for p in (data / "static").rglob("*") if p.is_file()]
        print(f"first start on a fresh data folder: /login/ answered after {first['login']:.1f} s ({first['cpu']:.1f} s CPU), "
              f"plotly.min.js (brotli, {first['plotly_br_bytes'] // 1024} KB) after {first['static']:.1f} s; "
              f"{len(files)} files, {sum(p.stat().st_size for p in files) / 1e6:.1f} MB collected; load {load()}")
        for number in range(1, args.restarts + 1):
            again = start_and_time(data, args.workers)
            print(f"restart {number}: /login/ answered after {again['login']:.1f} s ({again['cpu']:.1f} s CPU); "
                  f"load {load()}")
        print(f"collectstatic with nothing changed: {collect_cpu(data):.1f} s CPU")
        print(f"load average after: {load()}")


if __name__ == "__main__":
    main()
