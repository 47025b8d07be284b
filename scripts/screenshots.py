"""Take the README's screenshots: start the demo on a free port, log in as staff, photograph pages
on a desktop and a phone, in English and in Chinese (name.png, name-phone.png, name-zh.png, name-zh-phone.png).

Usage: .venv/bin/python scripts/screenshots.py [OUTPUT_DIR]   (default docs/screenshots)
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
PAGES = [
    ("dashboard", "/insights/"),
    ("partner-list", "/partners/?continent=EU"),
    ("partner-detail", "/partners/lookup/?q=Bauman"),
    ("map", "/insights/map/"),
    ("agreements", "/agreements/"),
    ("newsroom", "/newsroom/"),
    ("guidance", "/guidance/"),
]
# (file suffix, viewport, language)
VARIANTS = [
    ("", {"width": 1280, "height": 860}, "en"),
    ("-phone", {"width": 390, "height": 844}, "en"),
    ("-zh", {"width": 1280, "height": 860}, "zh-hans"),
    ("-zh-phone", {"width": 390, "height": 844}, "zh-hans"),
]
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    data = tempfile.mkdtemp(prefix="accord-shots-")
    env = {**os.environ, "ACCORD_DATA_DIR": data, "ACCORD_DEBUG": "1"}
    accord = [sys.executable, "-m", "accord.cli"]
    subprocess.run(accord + ["migrate", "-v", "0"], env=env, check=True)
    subprocess.run(accord + ["demo"], env=env, check=True, stdout=subprocess.DEVNULL)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(accord + ["runserver", f"127.0.0.1:{port}", "--noreload"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):  # wait until the server answers
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.5)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for suffix, viewport, language in VARIANTS:
                context = browser.new_context(viewport=viewport, is_mobile=viewport["width"] < 600)
                context.add_cookies([{"name": "django_language", "value": language, "url": base}])
                page = context.new_page()
                page.goto(f"{base}/login/")
                page.fill("input[name=username]", "staff")
                page.fill("input[name=password]", "accord-demo")
                page.click("button[type=submit]")
                page.wait_for_load_state("networkidle")
                for name, path in PAGES:
                    page.goto(base + path)
                    page.wait_for_load_state("networkidle")
                    if name == "partner-detail":
                        link = page.locator("a", has_text="Bauman Moscow State Technical University").first
                        page.goto(base + link.get_attribute("href"))
                        page.wait_for_load_state("networkidle")
                    page.wait_for_timeout(800)
                    page.screenshot(path=str(out / f"{name}{suffix}.png"))
                    print(out / f"{name}{suffix}.png")
                context.close()
            browser.close()
    finally:
        server.terminate()


if __name__ == "__main__":
    main()
