# ruff: noqa: T201, S603  (a command-line tool: it prints, and runs gunicorn and lighthouse)
"""`make lighthouse`: Lighthouse's mobile preset on the main page types, production settings.

Builds a demo site in its own SQLite database (migrate, load_demo), collects the static files as
production does (hashed names, gzip and Brotli), starts gunicorn with production settings behind
a small front server that serves /media/ from disk (as nginx or object storage does in
production), then runs npm's lighthouse in Debian's Chromium on each page, three times (a shared machine's
load moves single runs by a few points). Prints the median of the four scores per page, writes
bench/out/lighthouse.json and fails if any required score is below 95.
"""

from __future__ import annotations

import argparse
import http.client
import json
import mimetypes
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PYTHON = sys.executable
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MINIMUM = 95
PAGES = {
    "home": "/sv/",
    "news index": "/sv/nyheter/",
    "story": "/sv/nyheter/nastan-alla-medborgarloften-for-2021-ar-uppfyllda/",
    "agreement": "/sv/medborgarloften-2021/",
    "permalink": "/sv/medborgarloften-2021/trygghetsvandringar/",
    "search": "/sv/sok/",
    "accessibility statement": "/sv/tillganglighetsredogorelse/",
    # Measured too: result pages carry noindex on purpose, which Lighthouse's SEO score counts
    # against them, so only their other three scores are held to the minimum.
    "search results": "/sv/sok/?q=trygghetsvandringar",
}
NOINDEX_PAGES = {"search results"}


def run(cmd: list[str], env: dict, **kwargs) -> subprocess.CompletedProcess:
    print("$", " ".join(cmd), flush=True)
    return subprocess.run(cmd, env=env, cwd=ROOT, check=True, **kwargs)


def front_server(port: int, app_port: int, media_root: Path) -> ThreadingHTTPServer:
    """Serves /media/ from disk and passes everything else to gunicorn, Host header and all."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:
            if self.path.startswith("/media/"):
                self.media()
            else:
                self.proxy()

        def media(self) -> None:
            path = (media_root / self.path.split("?")[0].removeprefix("/media/")).resolve()
            if media_root.resolve() not in path.parents or not path.is_file():
                self.send_error(404)
                return
            body = path.read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", mimetypes.guess_type(path.name)[0] or "")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
            self.end_headers()
            self.wfile.write(body)

        def proxy(self) -> None:
            upstream = http.client.HTTPConnection("127.0.0.1", app_port, timeout=60)
            headers = {k: v for k, v in self.headers.items() if k.lower() != "connection"}
            upstream.request("GET", self.path, headers=headers)
            response = upstream.getresponse()
            body = response.read()
            self.send_response(response.status)
            for name, value in response.getheaders():
                if name.lower() not in ("connection", "transfer-encoding", "content-length"):
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            upstream.close()

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=5).read()  # noqa: S310 (our own local server)
            return
        except OSError:
            if time.time() > deadline:
                raise
            time.sleep(0.5)


def lighthouse(url: str, report: Path) -> dict[str, int]:
    flags = (
        "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
        "--disable-background-networking --disable-component-update --no-first-run"
    )
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    command = [
        str(LIGHTHOUSE),
        url,
        f"--chrome-flags={flags}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        f"--output-path={report}",
        "--quiet",
    ]
    for attempt in range(3):
        # Lighthouse now and then loses the trace of a load (NO_NAVSTART): run it again.
        try:
            run(command, env)
            break
        except subprocess.CalledProcessError:
            if attempt == 2:
                raise
    data = json.loads(report.read_text())
    return {c: round(100 * (data["categories"][c]["score"] or 0)) for c in CATEGORIES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8790)
    parser.add_argument("--app-port", type=int, default=8791)
    parser.add_argument("--pages", nargs="*", choices=list(PAGES), help="only these pages")
    parser.add_argument(
        "--runs",
        type=int,
        default=3,
        help="runs per page; the median score counts (as Lighthouse advises)",
    )
    args = parser.parse_args()
    if not LIGHTHOUSE.exists() or not Path(CHROMIUM).exists():
        print(
            "Needs npm's lighthouse (npm ci) and Debian's chromium: `make lighthouse` installs them."
        )
        return 2

    work = Path(tempfile.mkdtemp(prefix="nytorget-lighthouse-"))
    base_url = f"http://127.0.0.1:{args.port}"
    common = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "PAGE_CACHE_ENABLED": "true",
        "PYTHONHASHSEED": "0",
    }
    dev = {**common, "DJANGO_SETTINGS_MODULE": "cms.settings.dev"}
    production = {
        **common,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "lighthouse-only-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "WAGTAILADMIN_BASE_URL": base_url,
        "PUBLIC_BASE_URL": base_url,
        "SECURE_SSL_REDIRECT": "false",
        "GUNICORN_BIND": f"127.0.0.1:{args.app_port}",
        # One worker: its in-process page cache is the one the warm-up fills (Redis in production).
        "WEB_CONCURRENCY": "1",
    }
    run([PYTHON, "manage.py", "migrate", "--no-input", "-v", "0"], dev)
    run([PYTHON, "manage.py", "load_demo"], dev, stdout=subprocess.DEVNULL)
    run([PYTHON, "manage.py", "migrate", "--no-input", "-v", "0"], production)  # Site address
    run([PYTHON, "manage.py", "collectstatic", "--no-input", "-v", "0"], production)
    gunicorn = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-c", "cms/gunicorn.py", "cms.wsgi:application"],
        env=production,
        cwd=ROOT,
    )
    media_root = ROOT / "media"
    front = front_server(args.port, args.app_port, media_root)
    scores: dict[str, dict[str, int]] = {}
    try:
        wait_for(f"http://127.0.0.1:{args.app_port}/robots.txt")
        for _ in range(2):  # the first view makes the image renditions, the second is cached
            for path in PAGES.values():
                wait_for(base_url + path)
        OUT.mkdir(parents=True, exist_ok=True)
        for name, path in PAGES.items():
            if args.pages and name not in args.pages:
                continue
            runs = []
            for run_number in range(args.runs):
                report = OUT / f"lighthouse-{name.replace(' ', '-')}-{run_number + 1}.json"
                runs.append(lighthouse(base_url + path, report))
            scores[name] = {c: statistics.median_low(r[c] for r in runs) for c in CATEGORIES}
    finally:
        front.shutdown()
        gunicorn.send_signal(signal.SIGTERM)
        gunicorn.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)

    (OUT / "lighthouse.json").write_text(json.dumps(scores, indent=2) + "\n")
    print()
    print(f"{'page':<26}" + "".join(f"{c:>16}" for c in CATEGORIES))
    failures = []
    for name, page_scores in scores.items():
        print(f"{name:<26}" + "".join(f"{page_scores[c]:>16}" for c in CATEGORIES))
        for category, score in page_scores.items():
            held = not (name in NOINDEX_PAGES and category == "seo")
            if held and score < MINIMUM:
                failures.append(f"{name} {category} {score}")
    if failures:
        print(f"\nBelow {MINIMUM}: " + ", ".join(failures))
        return 1
    print(f"\nEvery required score is at least {MINIMUM}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
