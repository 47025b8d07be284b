"""`accord serve` runs Accord under gunicorn with the production settings."""

import http.client
import os
import signal
import socket
import subprocess
import time

from tests.api.processes import ACCORD, ROOT, copy_database, environment, migrated_template


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_accord_serve_answers_the_api_under_the_production_settings(tmp_path_factory, tmp_path):
    data = copy_database(migrated_template(tmp_path_factory), tmp_path / "db")
    port = free_port()
    env = {**environment(data), "ACCORD_DEBUG": "0", "ACCORD_SECRET_KEY": "serve-test-" + "k" * 50,
           "ACCORD_SECURE_COOKIES": "0"}
    server = subprocess.Popen([*ACCORD, "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1", "--no-collectstatic"],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "accord serve did not start"
                time.sleep(0.1)
        answers = {}
        for path in ("/api/v1/public/partners", "/api/v1/institutions/"):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", path)
            response = connection.getresponse()
            answers[path] = (response.status, response.getheader("Content-Type"), response.read())
            assert response.getheader("Server", "").startswith("gunicorn")
            assert response.getheader("X-Content-Type-Options") == "nosniff"
            connection.close()
        assert answers["/api/v1/public/partners"] == (200, "application/json; charset=utf-8", b"[]")
        status, content_type, body = answers["/api/v1/institutions/"]
        assert (status, content_type) == (401, "application/json; charset=utf-8") and b"detail" in body
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
