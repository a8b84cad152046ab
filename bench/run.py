# ruff: noqa: T201, S603, S607  (a command-line tool: it prints, and runs gunicorn and wrk)
"""The load benchmark behind `make bench` (and `bench/api`): gunicorn + wrk, ratios to a trivial view.

Steps: make the bench database if missing and fill it (generate_content reuses what is there),
collect static files, then two phases against gunicorn with production settings:
  uncached - the page cache off: what rendering costs (article, promise page, API, search...);
  cached   - the page cache on: what anonymous readers get.
Each phase measures the trivial view first, so every ratio compares figures of the same run.
Writes bench/out/results.json and bench/out/results.png; prints a table and the targets.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PYTHON = sys.executable
DEFAULT_DB = "postgres://nytorget:nytorget@127.0.0.1:5432/nytorget_bench"
SEARCH_WORD = "trygghetsvandringarna"  # stems to the same lexeme as "trygghetsvandringar"

# (name, key of the figure it is compared with, minimum ratio or maximum p95 in ms)
# (label, result, figure, limit, what holds it back when it falls short: docs/performance.md)
UNCACHED_RENDER = (
    "Wagtail's own serving queries (site, locale, root, view restrictions) and the StreamField "
    "render remain; the page cache serves repeat readers"
)
TARGETS = [
    ("uncached article render", "uncached/article", "ratio", 0.2, UNCACHED_RENDER),
    (
        "uncached article, first visits",
        "uncached/article (600 different)",
        "ratio",
        0.1,
        UNCACHED_RENDER + "; a first visit also routes and builds the story's fragments",
    ),
    ("cached home page", "cached/home", "ratio", 0.8, ""),
    ("cached article", "cached/article", "ratio", 0.8, ""),
    ("cached promise page", "cached/promise page", "ratio", 0.8, ""),
    ("cached news index page 50", "cached/news index p50", "ratio", 0.8, ""),
    ("promise list API, 50 items (from the cache)", "cached/API promise list 50", "ratio", 0.3, ""),
    (
        "promise list API, 50 items (uncached)",
        "uncached/API promise list 50",
        "ratio",
        0.3,
        "about half is django-ninja and pydantic validating 50 nested items",
    ),
    (
        "search p95 at 1 user (ms), site search page",
        "uncached/search (site page)",
        "p95_ms",
        50.0,
        "",
    ),
    (
        "search p95 at 1 user (ms), newest first",
        "uncached/search (newest first)",
        "p95_ms",
        50.0,
        "",
    ),
]
RSS_LIMIT_MB = 200


@dataclass
class Target:
    name: str
    path: str
    paths_file: str | None = None
    connections: int | None = None
    phases: tuple[str, ...] = ("uncached", "cached")
    api: bool = False


@dataclass
class Result:
    phase: str
    name: str
    path: str
    available: bool
    rps: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    errors: int = 0
    non_2xx: int = 0
    ratio: float = 0.0
    note: str = ""
    raw: dict = field(default_factory=dict)


def run(cmd: list[str], env: dict, **kwargs) -> subprocess.CompletedProcess:
    print("$", " ".join(cmd), flush=True)
    return subprocess.run(cmd, env=env, cwd=ROOT, check=True, **kwargs)


def ensure_database(url: str) -> None:
    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    with psycopg.connect(
        dbname="postgres",
        user=parsed.username,
        password=parsed.password,
        host=parsed.hostname,
        port=parsed.port or 5432,
        autocommit=True,
    ) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            print(f"Creating database {name}", flush=True)
            conn.execute(f'CREATE DATABASE "{name}"')


def server_env(args: argparse.Namespace, cache: bool) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        DATABASE_URL=args.database_url,
        SECRET_KEY="bench-only-not-secret",  # noqa: S106
        ALLOWED_HOSTS="127.0.0.1,localhost",
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{args.port}",
        PUBLIC_BASE_URL=f"http://127.0.0.1:{args.port}",
        SECURE_SSL_REDIRECT="false",
        NYTORGET_BENCH="1",
        PAGE_CACHE_ENABLED="true" if cache else "false",
        GUNICORN_BIND=f"127.0.0.1:{args.port}",
        PYTHONHASHSEED="0",
    )
    if args.workers:
        env["WEB_CONCURRENCY"] = str(args.workers)
    return env


def prepare(args: argparse.Namespace) -> None:
    env = server_env(args, cache=False)
    ensure_database(args.database_url)
    run([PYTHON, "manage.py", "migrate", "--no-input", "-v", "0"], env)
    if not args.skip_generate:
        run([PYTHON, "manage.py", "generate_content", "--articles", str(args.articles)], env)
    run([PYTHON, "manage.py", "collectstatic", "--no-input", "-v", "0"], env)


DISCOVER = r"""
import json
from django.templatetags.static import static
from news.models import NewsArticlePage
from promises.models import PromisePage, Promise
from wagtail.models import Locale
sv = Locale.objects.get(language_code="sv")
queryset = NewsArticlePage.objects.live().filter(locale=sv, slug__startswith="gen-")
step = max(1, queryset.count() // 600)
articles = [(p.pk, p.get_url()) for p in queryset.defer_streamfields().order_by("pk")[::step]]
agreement = (PromisePage.objects.live().filter(locale=sv, slug__startswith="medborgarloften-omrade-")
    .order_by("pk").first())
promise = Promise.objects.filter(live=True, agreement=agreement).order_by("pk").first()
print(json.dumps({
    "static": static("css/site.css"),
    "articles": articles,
    "agreement": agreement.url if agreement else None,
    "promise_id": promise.pk if promise else None,
}))
"""


def discover(args: argparse.Namespace) -> dict:
    """URLs of real content in the bench database (printed by a Django shell)."""
    env = server_env(args, cache=False)
    out = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", DISCOVER],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    data = json.loads(out.strip().splitlines()[-1])
    return data


def build_targets(data: dict, article_paths_file: Path) -> list[Target]:
    article_pk, _ = data["articles"][len(data["articles"]) // 2]
    return [
        Target("trivial view", "/bench/ping/"),
        Target("static file", data["static"], phases=("uncached",)),
        Target("home", "/sv/"),
        Target("article", "@article"),
        Target(
            "article (600 different)",
            "@articles",
            paths_file=str(article_paths_file),
            phases=("uncached",),
        ),
        Target("promise page", data["agreement"] or "/sv/"),
        Target("news index p50", "/sv/nyheter/?page=50"),
        Target("API promise list 50", "/api/v3/promises/?limit=50", api=True),
        Target("API article detail", f"/api/v3/pages/{article_pk}/", api=True),
        Target("search (site page)", "@search", connections=1, phases=("uncached",)),
        Target(
            "search (newest first)",
            f"/bench/search/?q={SEARCH_WORD}",
            connections=1,
            phases=("uncached",),
        ),
        Target(
            "search (relevance order)",
            f"/bench/search/?order=relevance&q={SEARCH_WORD}",
            connections=1,
            phases=("uncached",),
        ),
    ]


class Server:
    def __init__(self, args: argparse.Namespace, cache: bool) -> None:
        self.args = args
        self.env = server_env(args, cache)
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> Server:
        cmd = [
            str(Path(PYTHON).parent / "gunicorn"),
            "-c",
            "cms/gunicorn.py",
            "--no-control-socket",
            "cms.wsgi",
        ]
        print("$", " ".join(cmd), flush=True)
        self.proc = subprocess.Popen(cmd, env=self.env, cwd=ROOT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.get("/bench/ping/")[0] == 200:
                return self
            time.sleep(0.3)
        self.stop()
        raise SystemExit("gunicorn did not answer /bench/ping/ within 60 s")

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.args.port}{path}"

    def get(self, path: str) -> tuple[int, bytes, dict]:
        try:
            with urllib.request.urlopen(self.url(path), timeout=30) as response:  # noqa: S310
                return response.status, response.read(), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, b"", {}
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return 0, b"", {}

    def worker_rss_mb(self) -> list[float]:
        if self.proc is None:
            return []
        out = subprocess.run(
            ["ps", "-o", "rss=", "--ppid", str(self.proc.pid)], capture_output=True, text=True
        ).stdout
        return [round(int(v) / 1024, 1) for v in out.split()]

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def __exit__(self, *exc) -> None:
        self.stop()


def wrk(server: Server, path: str, args: argparse.Namespace, connections: int, paths_file=None):
    cmd = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{args.duration}s",
        "--timeout",
        "10s",
        "-s",
        str(ROOT / "bench" / "wrk.lua"),
        server.url(path),
    ]
    if paths_file:
        cmd += ["--", paths_file]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    figures = json.loads(next(line for line in out.splitlines() if line.startswith("{")))
    figures["non_2xx"] = 0
    for line in out.splitlines():
        if "Non-2xx or 3xx responses" in line:
            figures["non_2xx"] = int(line.split(":")[1])
    return figures


def resolve(server: Server, target: Target, data: dict) -> str | None:
    """The concrete path for a target, or None when the site does not have it (yet)."""
    if target.path == "@article":
        return resolve_article(server, data)
    if target.path == "@articles":
        return resolve_article(server, data) and "/"
    if target.path == "@search":
        for path in (f"/sv/sok/?q={SEARCH_WORD}", f"/sv/search/?q={SEARCH_WORD}"):
            if server.get(path)[0] == 200:
                return path
        return None
    return target.path if server.get(target.path)[0] == 200 else None


def resolve_article(server: Server, data: dict) -> str | None:
    _, path = data["articles"][len(data["articles"]) // 2]
    return path if server.get(path)[0] == 200 else None


def measure_phase(args, phase: str, targets: list[Target], data: dict) -> tuple[list, list]:
    results: list[Result] = []
    with Server(args, cache=phase == "cached") as server:
        ceiling = None
        for target in targets:
            if phase not in target.phases:
                continue
            if args.only == "api" and not (target.api or target.name == "trivial view"):
                continue
            path = resolve(server, target, data)
            if path is None:
                results.append(Result(phase, target.name, target.path, False, note="not available"))
                print(f"  {phase:<8} {target.name:<26} not available (no 200 at {target.path})")
                continue
            for _ in range(20):  # warm up: imports, caches, connections
                server.get(path)
            figures = wrk(
                server,
                path,
                args,
                target.connections or args.connections,
                target.paths_file,
            )
            errors = sum(figures["errors"].values())
            result = Result(
                phase,
                target.name,
                target.path if target.paths_file else path,
                True,
                rps=figures["rps"],
                p50_ms=figures["p50_ms"],
                p95_ms=figures["p95_ms"],
                p99_ms=figures["p99_ms"],
                errors=errors,
                non_2xx=figures["non_2xx"],
                raw=figures,
            )
            if target.name == "trivial view":
                ceiling = result.rps
            result.ratio = result.rps / ceiling if ceiling else 0.0
            if target.connections == 1:
                result.note = "1 connection"
            results.append(result)
            print(
                f"  {phase:<8} {target.name:<26} {result.rps:9.1f} req/s  "
                f"p50 {result.p50_ms:7.2f}  p95 {result.p95_ms:7.2f}  p99 {result.p99_ms:7.2f} ms  "
                f"errors {errors + result.non_2xx}  ratio {result.ratio:5.2f}",
                flush=True,
            )
        # The trivial view once more at the end: the ceiling is the mean of both, so a change
        # in the machine's load during the phase shows up as a gap between the two.
        if ceiling:
            again = wrk(server, "/bench/ping/", args, args.connections)
            mean = (ceiling + again["rps"]) / 2
            print(
                f"  {phase:<8} {'trivial view (again)':<26} {again['rps']:9.1f} req/s; "
                f"ceiling for ratios: mean {mean:.1f}",
                flush=True,
            )
            for result in results:
                if result.available:
                    result.ratio = result.rps / mean
            results.append(
                Result(
                    phase,
                    "trivial view (end)",
                    "/bench/ping/",
                    True,
                    rps=again["rps"],
                    p50_ms=again["p50_ms"],
                    p95_ms=again["p95_ms"],
                    p99_ms=again["p99_ms"],
                    errors=sum(again["errors"].values()),
                    non_2xx=again["non_2xx"],
                    ratio=again["rps"] / mean,
                    raw=again,
                )
            )
        rss = server.worker_rss_mb()
    return results, rss


def print_table(results: list[Result]) -> None:
    print()
    header = f"{'phase':<9}{'target':<27}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}{'ratio':>7}"
    print(header)
    print("-" * len(header))
    for r in results:
        if not r.available:
            print(f"{r.phase:<9}{r.name:<27}  not available ({r.path})")
            continue
        print(
            f"{r.phase:<9}{r.name:<27}{r.rps:9.1f}{r.p50_ms:9.2f}{r.p95_ms:9.2f}{r.p99_ms:9.2f}"
            f"{r.errors + r.non_2xx:8d}{r.ratio:7.2f}"
        )


def check_targets(results: list[Result], rss: dict[str, list[float]]) -> list[dict]:
    by_key = {f"{r.phase}/{r.name}": r for r in results}
    checks = []
    for label, key, kind, limit, why in TARGETS:
        r = by_key.get(key)
        if r is None or not r.available:
            checks.append({"target": label, "status": "not measured", "value": None})
            continue
        value = getattr(r, kind)
        ok = value >= limit if kind == "ratio" else value < limit
        checks.append(
            {
                "target": label,
                "status": "met" if ok else "SHORT",
                "value": value,
                "limit": limit,
                "why": "" if ok else why,
            }
        )
    worst = max((mb for values in rss.values() for mb in values), default=0.0)
    checks.append(
        {
            "target": f"RSS per worker after the run < {RSS_LIMIT_MB} MB",
            "status": "met" if 0 < worst < RSS_LIMIT_MB else "SHORT",
            "value": worst,
            "limit": RSS_LIMIT_MB,
        }
    )
    print()
    for c in checks:
        value = "" if c["value"] is None else f"{c['value']:.2f} (limit {c['limit']})"
        why = f"  ({c['why']})" if c.get("why") else ""
        print(f"  {c['status']:<13} {c['target']:<42} {value}{why}")
    return checks


def chart(results: list[Result], path: Path) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed: no chart (make bench installs bench/requirements.txt)")
        return
    shown = [r for r in results if r.available]
    labels = [f"{r.name} ({r.phase})" for r in shown]
    fig, ax = plt.subplots(figsize=(10, 0.4 * len(shown) + 1.5))
    colors = ["#2b6cb0" if r.phase == "cached" else "#c05621" for r in shown]
    ax.barh(labels, [r.ratio for r in shown], color=colors)
    for limit in (0.2, 0.3, 0.8):
        ax.axvline(limit, color="#999", linestyle=":", linewidth=1)
    ax.axvline(1.0, color="#333", linewidth=1)
    ax.invert_yaxis()
    ax.set_xlabel("requests/s relative to the trivial view of the same phase")
    ax.set_title("Nytorget: make bench (orange: page cache off, blue: on)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    print(f"Chart: {path.relative_to(ROOT)}")


def markdown(report: dict) -> str:
    """The figures as Markdown tables, for docs/performance.md."""
    lines = [
        "| phase | target | req/s | p50 ms | p95 ms | p99 ms | errors | ratio |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in report["results"]:
        if not r["available"]:
            lines.append(f"| {r['phase']} | {r['name']} | not available | | | | | |")
            continue
        lines.append(
            f"| {r['phase']} | {r['name']} | {r['rps']:.0f} | {r['p50_ms']:.1f} | "
            f"{r['p95_ms']:.1f} | {r['p99_ms']:.1f} | {r['errors'] + r['non_2xx']} | "
            f"{r['ratio']:.2f} |"
        )
    if report["targets"]:
        lines += ["", "| target | limit | measured | |", "|---|---:|---:|---|"]
        for t in report["targets"]:
            value = "" if t["value"] is None else f"{t['value']:.2f}"
            lines.append(f"| {t['target']} | {t.get('limit', '')} | {value} | {t['status']} |")
    rss = ", ".join(f"{phase}: {values}" for phase, values in report["worker_rss_mb"].items())
    lines += ["", f"Worker RSS after each phase (MB): {rss}."]
    return "\n".join(lines) + "\n"


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError):
        pass
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split("\n")[
        0
    ]
    return {
        "load_average": os.getloadavg(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": mem,
        "python": platform.python_version(),
        "system": platform.platform(),
        "wrk": wrk_version.strip(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", DEFAULT_DB))
    parser.add_argument("--port", type=int, default=8099)
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", 10)))
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--workers", type=int, default=0, help="default: one per core")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--skip-generate", action="store_true")
    parser.add_argument(
        "--only",
        choices=["all", "api", "prepare"],
        default="all",
        help="prepare: the database only",
    )
    args = parser.parse_args()
    if args.only == "prepare":
        prepare(args)
        return
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk; `make bench` does it)")

    prepare(args)
    data = discover(args)
    load = os.getloadavg()[0]
    if load > 1.0:
        print(
            f"Note: the machine's load average is {load:.1f} before the run; other work "
            "competes with the server and wrk, and the figures will vary more than usual."
        )
    OUT.mkdir(parents=True, exist_ok=True)
    paths_file = OUT / "article-paths.txt"
    paths_file.write_text("\n".join(path for _, path in data["articles"]) + "\n")
    targets = build_targets(data, paths_file)

    results: list[Result] = []
    rss: dict[str, list[float]] = {}
    phases = ("uncached",) if args.only == "api" else ("uncached", "cached")
    for phase in phases:
        print(f"\nPhase {phase}: page cache {'on' if phase == 'cached' else 'off'}", flush=True)
        phase_results, rss[phase] = measure_phase(args, phase, targets, data)
        results.extend(phase_results)
        print(f"  worker RSS after the phase: {rss[phase]} MB")

    print_table(results)
    if args.only == "api":
        by_name = {r.name: r for r in results}
        for name in ("API promise list 50", "API article detail"):
            r = by_name.get(name)
            if r and r.available:
                print(f"{name}: {r.ratio:.2f} of the trivial view ({r.rps:.0f} req/s)")
            else:
                print(f"{name}: not available")
        checks: list[dict] = []
    else:
        checks = check_targets(results, rss)
    report = {
        "load_average_after": os.getloadavg(),
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": machine(),
        "settings": {
            "duration_s": args.duration,
            "connections": args.connections,
            "workers": args.workers or os.cpu_count(),
            "search_word": SEARCH_WORD,
        },
        "results": [asdict(r) for r in results],
        "worker_rss_mb": rss,
        "targets": checks,
    }
    name = "api" if args.only == "api" else "results"
    (OUT / f"{name}.md").write_text(markdown(report))
    (OUT / f"{name}.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"Figures: {(OUT / f'{name}.json').relative_to(ROOT)}")
    chart(results, OUT / f"{name}.png")


if __name__ == "__main__":
    main()
