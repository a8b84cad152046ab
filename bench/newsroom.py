# ruff: noqa: T201, S311, S603, S607, S310  (a command-line tool: prints, runs servers, fetches URLs, samples reads)
"""The newsroom benchmark (`make bench`, `make bench-cluster`): readers over every story, an editor.

Readers (wrk, bench/newsroom.lua, 8 connections) draw paths at random from a list sampled
Zipf-like (s = 1) over every Swedish story, newest first, so that about half the story reads go
to the newest 1 %; plus the home page, the news index, the agreement pages and the API (the
mix is READER_MIX). An editor process (`manage.py newsroom_editor`) publishes a story every
interval through `save_revision().publish()`, as the admin does. A checker reads every place a
just-published story shows (its page, home, news index, feed, API detail and list) as soon as
the publish has ended and again 1 s later: an answer without the story's new title after 1 s is
stale. The cache hit ratio is counted from each answer's X-Page-Cache header after a warm-up.

Warm-up, stated: every distinct path of the reader list is requested once (a site that has
been serving readers for a while), then each phase runs the reader mix WARMUP seconds before it
measures. The shared cache is Redis, as in production with more than one server: every worker
of every server reads and fills the same copies.

Single server (default): gunicorn, 2 workers, production settings, Redis, on 127.0.0.1:8100.
`--cluster`: Redis, two gunicorn servers (1 worker each) on one PostgreSQL, and Varnish in front
(bench/cluster/default.vcl), purged by tag through the xkey vmod when the editor publishes; the
readers and the checker go through Varnish.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PYTHON = sys.executable
DEFAULT_DB = "postgres://nytorget:nytorget@127.0.0.1:5432/nytorget_bench"
VCL = ROOT / "bench" / "cluster" / "default.vcl"
# Ports (8100-8119 are this benchmark's): single server, then the cluster's (fixed in the VCL).
APP_PORT, REDIS_PORT = 8100, 8101
VARNISH_PORT, VARNISH_ADMIN_PORT, CLUSTER_REDIS_PORT, APP_PORTS = 8110, 8111, 8112, (8113, 8114)
API_NEWS_LIST = "/api/v3/pages/?type=news.NewsArticlePage&order=-first_published_at&fields=title"
# Share of reads per kind of path.
READER_MIX = {
    "story": 0.78,
    "home": 0.05,
    "news index": 0.04,
    "agreement": 0.04,
    "API story": 0.04,
    "API lists": 0.05,
}
STALE_AFTER = 1.0  # seconds after a publish ends by which every place must show it
TARGETS = {"ratio": 0.5, "hit ratio": 0.9, "stale": 0}
TARGET_INTERVAL = 10.0

DISCOVER = r"""
import json
from news.models import NewsArticlePage
from promises.models import PromisePage
from wagtail.models import Locale
sv = Locale.objects.get(language_code="sv")
stories = (NewsArticlePage.objects.live().public().filter(locale=sv).defer_streamfields()
    .order_by("-first_published_at", "-pk").only("id", "url_path", "path", "depth"))
agreements = PromisePage.objects.live().public().filter(locale=sv).order_by("pk")
print(json.dumps({
    "stories": [[p.pk, p.get_url()] for p in stories],
    "agreements": [p.get_url() for p in agreements],
}))
"""


@dataclass
class Row:
    setup: str
    interval: str
    rps: float = 0.0
    ratio: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    errors: int = 0
    hits: int = 0
    misses: int = 0
    hit_ratio: float = 0.0
    publishes: int = 0
    checked: int = 0
    late: int = 0
    stale: int = 0
    stale_examples: list = field(default_factory=list)
    trivial_rps: float = 0.0
    load_average: float = 0.0


def log(message: str) -> None:
    print(message, flush=True)


def fetch(url: str, timeout: float = 30) -> tuple[int, str, dict]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:
            return answer.status, answer.read().decode("utf-8", "replace"), dict(answer.headers)
    except urllib.error.HTTPError as error:
        return error.code, "", {}
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, "", {}


def wait_until_answers(url: str, what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while fetch(url, timeout=5)[0] != 200:
        if time.monotonic() > deadline:
            raise SystemExit(f"{what} did not answer {url} within {timeout:.0f} s")
        time.sleep(0.2)


class Processes:
    """Everything this run starts, stopped (by its own pid) when the run ends."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.started: list[tuple[str, subprocess.Popen]] = []

    def start(self, name: str, cmd: list[str], env: dict | None = None, **kwargs):
        log(f"$ {' '.join(cmd)}")
        logfile = open(self.directory / f"{name}.log", "w")
        kwargs.setdefault("stdout", logfile)
        proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stderr=logfile, **kwargs)
        self.started.append((name, proc))
        return proc

    def stop(self, proc: subprocess.Popen) -> None:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()

    def stop_all(self) -> None:
        for _, proc in reversed(self.started):
            self.stop(proc)


def app_env(args: argparse.Namespace, redis_port: int, port: int, **extra: str) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        DATABASE_URL=args.database_url,
        SECRET_KEY="bench-only-not-secret",  # noqa: S106
        ALLOWED_HOSTS="127.0.0.1,localhost",
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{port}",
        # The address readers use (Varnish's in the cluster), which production requires.
        PUBLIC_BASE_URL=f"http://127.0.0.1:{port}",
        SECURE_SSL_REDIRECT="false",
        NYTORGET_BENCH="1",
        PAGE_CACHE_ENABLED="true",
        REDIS_URL=f"redis://127.0.0.1:{redis_port}/0",
        # Publishing in the editor's process: the tasks (search index...) run inline.
        TASKS_BACKEND="immediate",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        PYTHONHASHSEED="0",
    )
    env.update(extra)
    return env


def start_redis(procs: Processes, port: int) -> None:
    if not shutil.which("redis-server"):
        raise SystemExit("redis-server is not installed (apt-get install redis-server)")
    cmd = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    cmd += ["--appendonly", "no", "--dir", str(procs.directory)]
    procs.start("redis", cmd)
    deadline = time.monotonic() + 20
    while (
        subprocess.run(["redis-cli", "-p", str(port), "ping"], capture_output=True).stdout.strip()
        != b"PONG"
    ):
        if time.monotonic() > deadline:
            raise SystemExit("Redis did not start")
        time.sleep(0.1)


def start_app(procs: Processes, name: str, env: dict, port: int, workers: int) -> None:
    env = {**env, "WEB_CONCURRENCY": str(workers)}
    gunicorn = str(Path(PYTHON).parent / "gunicorn")
    procs.start(name, [gunicorn, "-c", "cms/gunicorn.py", "--no-control-socket", "cms.wsgi"], env)
    wait_until_answers(f"http://127.0.0.1:{port}/bench/ping/", name)


def start_varnish(procs: Processes) -> None:
    if not shutil.which("varnishd"):
        raise SystemExit("varnishd is not installed (apt-get install varnish varnish-modules)")
    workdir = procs.directory / "varnish"
    workdir.mkdir(exist_ok=True)
    cmd = ["varnishd", "-F", "-n", str(workdir), "-f", str(VCL)]
    cmd += ["-a", f"127.0.0.1:{VARNISH_PORT}", "-T", f"127.0.0.1:{VARNISH_ADMIN_PORT}"]
    cmd += ["-s", "malloc,512m", "-p", "vsl_space=10m"]
    procs.start("varnish", cmd)
    wait_until_answers(f"http://127.0.0.1:{VARNISH_PORT}/bench/ping/", "Varnish")


def discover(env: dict) -> dict:
    out = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", DISCOVER],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def reader_paths(data: dict, count: int, seed: int) -> list[str]:
    """`count` reads: Zipf-like over the stories (newest first), the rest as READER_MIX says."""
    rng = random.Random(seed)
    stories = data["stories"]
    weights = [1 / (rank + 1) for rank in range(len(stories))]
    kinds = rng.choices(list(READER_MIX), weights=list(READER_MIX.values()), k=count)
    paths = []
    for kind in kinds:
        if kind == "story":
            paths.append(rng.choices(stories, weights)[0][1])
        elif kind == "home":
            paths.append("/sv/")
        elif kind == "news index":
            page = rng.choices([1, 2, 3, 4, 5], [16, 1, 1, 1, 1])[0]
            paths.append("/sv/nyheter/" if page == 1 else f"/sv/nyheter/?page={page}")
        elif kind == "agreement":
            paths.append(rng.choice(data["agreements"]))
        elif kind == "API story":
            paths.append(f"/api/v3/pages/{rng.choices(stories, weights)[0][0]}/")
        else:
            paths.append(rng.choice([API_NEWS_LIST, "/api/v3/promises/?limit=50"]))
    return paths


def prewarm(base: str, paths: list[str], threads: int = 4) -> None:
    distinct = sorted(set(paths))
    log(f"Warm-up: {len(distinct)} distinct paths, each requested once")
    started = time.monotonic()
    with ThreadPoolExecutor(threads) as pool:
        statuses = list(pool.map(lambda path: fetch(base + path)[0], distinct))
    bad = sum(1 for status in statuses if status != 200)
    log(f"  done in {time.monotonic() - started:.0f} s ({bad} answers other than 200)")


def wrk(base: str, path: str, duration: int, connections: int, paths_file: Path | None) -> dict:
    script = ROOT / "bench" / ("newsroom.lua" if paths_file else "wrk.lua")
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--timeout", "10s"]
    cmd += ["-s", str(script), base + path]
    if paths_file:
        cmd += ["--", str(paths_file)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    figures = json.loads(next(line for line in out.splitlines() if line.startswith("{")))
    figures["non_2xx"] = 0
    for line in out.splitlines():
        if "Non-2xx or 3xx responses" in line:
            figures["non_2xx"] = int(line.split(":")[1])
    return figures


class Checker(threading.Thread):
    """Reads each published story's places at once and after STALE_AFTER; counts stale ones."""

    def __init__(self, base: str, editor: subprocess.Popen) -> None:
        super().__init__(daemon=True)
        self.base = base
        self.editor = editor
        self.publishes = 0
        self.checked = 0
        self.late = 0  # not yet showing at once (allowed: within STALE_AFTER)
        self.stale: list[str] = []

    def places(self, record: dict) -> list[str]:
        return [
            record["path"],
            "/sv/",
            "/sv/nyheter/",
            "/feeds/sv/news/rss/",
            f"/api/v3/pages/{record['id']}/",
            API_NEWS_LIST,
        ]

    def run(self) -> None:
        for line in self.editor.stdout:
            if not line.startswith("{"):
                continue
            record = json.loads(line)
            self.publishes += 1
            places = self.places(record)
            for path in places:
                if record["marker"] not in fetch(self.base + path)[1]:
                    self.late += 1
            time.sleep(max(0.0, record["at"] + STALE_AFTER - time.time()))
            for path in places:
                self.checked += 1
                status, body, _ = fetch(self.base + path)
                if record["marker"] not in body:
                    self.stale.append(f"{path} ({status}) without {record['marker']}")


def measure(
    args, base: str, env: dict, setup: str, interval: float | None, paths_file: Path
) -> Row:
    """One phase. The trivial view is measured just before it: the machine's load drifts."""
    label = "quiet" if interval is None else f"every {interval:g} s"
    log(f"\n{setup}: {label}")
    trivial = wrk(base, "/bench/ping/", args.trivial, args.connections, None)["rps"]
    log(f"  trivial view {trivial:.0f} req/s")
    editor = checker = None
    if interval is not None:
        cmd = [PYTHON, "manage.py", "newsroom_editor", "--interval", str(interval)]
        cmd += ["--duration", str(args.warmup + args.duration)]
        editor = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True)
        checker = Checker(base, editor)
        checker.start()
    wrk(base, "/", args.warmup, args.connections, paths_file)  # warm-up, not counted
    figures = wrk(base, "/", args.duration, args.connections, paths_file)
    if editor is not None:
        editor.wait(timeout=args.duration + 120)
        checker.join(timeout=30)
    cache = figures["cache"]
    counted = cache["hit"] + cache["miss"]
    row = Row(
        setup=setup,
        interval=label,
        rps=figures["rps"],
        ratio=figures["rps"] / trivial if trivial else 0.0,
        p50_ms=figures["p50_ms"],
        p95_ms=figures["p95_ms"],
        p99_ms=figures["p99_ms"],
        errors=sum(figures["errors"].values()) + figures["non_2xx"],
        hits=cache["hit"],
        misses=cache["miss"],
        hit_ratio=cache["hit"] / counted if counted else 0.0,
        trivial_rps=trivial,
        load_average=os.getloadavg()[0],
    )
    if checker is not None:
        row.publishes, row.checked, row.late = checker.publishes, checker.checked, checker.late
        row.stale, row.stale_examples = len(checker.stale), checker.stale[:5]
    log(
        f"  {row.rps:8.1f} req/s  ratio {row.ratio:.2f}  p50 {row.p50_ms:.1f}  p95 {row.p95_ms:.1f}"
        f"  p99 {row.p99_ms:.1f} ms  hits {row.hit_ratio:.1%}  publishes {row.publishes}"
        f"  stale {row.stale}/{row.checked}  errors {row.errors}"
    )
    return row


def print_table(rows: list[Row]) -> str:
    lines = [
        "| setup | publishing | req/s | trivial view | ratio | p50 ms | p95 ms | p99 ms | hit ratio | publishes | stale / checked | not yet at once | errors | load |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r.setup} | {r.interval} | {r.rps:.0f} | {r.trivial_rps:.0f} | {r.ratio:.2f} | "
            f"{r.p50_ms:.1f} | {r.p95_ms:.1f} | {r.p99_ms:.1f} | {r.hit_ratio:.1%} | "
            f"{r.publishes} | {r.stale} / {r.checked} | {r.late} | {r.errors} | "
            f"{r.load_average:.1f} |"
        )
    text = "\n".join(lines)
    print("\n" + text)
    return text


def check_targets(rows: list[Row]) -> list[dict]:
    """The issue's targets, for the run with a story published every TARGET_INTERVAL s."""
    checks = []
    for row in rows:
        if row.interval != f"every {TARGET_INTERVAL:g} s":
            continue
        why_ratio = (
            ""
            if row.ratio >= TARGETS["ratio"]
            else (
                f"{row.misses} misses, each a render of a listing (home, index, agreement, API"
                " list), on the same 2 cores as the editor's publishing; load average"
                f" {row.load_average:.1f}"
            )
        )
        why_hits = (
            ""
            if row.hit_ratio >= TARGETS["hit ratio"]
            else (
                "first visits of tail stories not seen in the warm-up, plus the listings each"
                " publish retires"
            )
        )
        why_stale = "" if row.stale == 0 else "; ".join(row.stale_examples)
        checks += [
            {"setup": row.setup, "target": f"req/s >= {TARGETS['ratio']} of the trivial view",
             "value": f"{row.ratio:.2f}", "met": not why_ratio, "why": why_ratio},
            {"setup": row.setup, "target": f"hit ratio >= {TARGETS['hit ratio']:.0%}",
             "value": f"{row.hit_ratio:.1%}", "met": not why_hits, "why": why_hits},
            {"setup": row.setup, "target": "0 stale answers 1 s after a publish",
             "value": f"{row.stale} of {row.checked}", "met": row.stale == 0 and row.checked > 0,
             "why": why_stale or ("" if row.checked else "nothing was checked")},
        ]  # fmt: skip
    print()
    for c in checks:
        state = "met" if c["met"] else "SHORT"
        print(f"  {state:<6} {c['setup']:<8} {c['target']:<42} {c['value']:>10}  {c['why']}")
    return checks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", DEFAULT_DB))
    parser.add_argument("--duration", type=int, default=30, help="measured seconds per phase")
    parser.add_argument("--warmup", type=int, default=10, help="seconds of reads before each")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--trivial", type=int, default=10, help="seconds of the trivial view")
    parser.add_argument("--intervals", default="0,10,2", help="publish intervals, 0: quiet")
    parser.add_argument("--reads", type=int, default=20_000, help="size of the reader list")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cluster", action="store_true", help="two servers behind Varnish")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk; `make bench` does it)")
    intervals = [None if float(v) == 0 else float(v) for v in args.intervals.split(",")]
    OUT.mkdir(parents=True, exist_ok=True)
    directory = Path(tempfile.mkdtemp(prefix="nytorget-newsroom-"))
    procs = Processes(directory)
    load_before = os.getloadavg()
    try:
        if args.cluster:
            setup = "cluster"
            start_redis(procs, CLUSTER_REDIS_PORT)
            extra = {
                "PAGE_CACHE_SURROGATE_KEYS": "true",
                "PAGE_CACHE_CHECK_INTERVAL": "0",  # behind Varnish only misses arrive
                "PAGE_CACHE_XKEY_PURGE": f"http://127.0.0.1:{VARNISH_PORT}/",
            }
            env = app_env(args, CLUSTER_REDIS_PORT, VARNISH_PORT, **extra)
            for n, port in enumerate(APP_PORTS, start=1):
                server_env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}"}
                start_app(procs, f"app{n}", server_env, port, workers=1)
            start_varnish(procs)
            base = f"http://127.0.0.1:{VARNISH_PORT}"
        else:
            setup = "single"
            start_redis(procs, REDIS_PORT)
            env = app_env(args, REDIS_PORT, APP_PORT)
            start_app(procs, "app", env, APP_PORT, workers=2)
            base = f"http://127.0.0.1:{APP_PORT}"
        data = discover(env)
        paths = reader_paths(data, args.reads, args.seed)
        paths_file = directory / "paths.txt"
        paths_file.write_text("\n".join(paths) + "\n")
        log(f"{len(data['stories'])} stories; {len(paths)} reads, {len(set(paths))} distinct paths")
        prewarm(base, paths)
        rows = [measure(args, base, env, setup, interval, paths_file) for interval in intervals]
    finally:
        procs.stop_all()
    table = print_table(rows)
    checks = check_targets(rows)
    report = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "load_average_before": load_before,
        "load_average_after": os.getloadavg(),
        "settings": vars(args),
        "rows": [asdict(r) for r in rows],
        "targets": checks,
    }
    name = "newsroom-cluster" if args.cluster else "newsroom"
    (OUT / f"{name}.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    (OUT / f"{name}.md").write_text(table + "\n")
    log(f"Load average before {load_before}, after {os.getloadavg()}")
    log(f"Figures: {(OUT / f'{name}.json').relative_to(ROOT)}")
    shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
