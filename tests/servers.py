"""Real servers for the outage tests: our own Redis, our own PostgreSQL cluster, gunicorn.

Each listens on a free loopback port with its files in a temporary directory, and whoever
starts one stops it. Nothing here touches the shared PostgreSQL cluster. Waits poll a condition
against a deadline; nothing sleeps for a fixed time and hopes.
"""

from __future__ import annotations

import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import redis

ROOT = Path(__file__).resolve().parent.parent
T = TypeVar("T")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(condition: Callable[[], T], what: str, timeout: float = 30.0) -> T:
    """Poll `condition` until it returns something true; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up waiting for {what} after {timeout:.0f} s")
        time.sleep(0.05)


def private_directory(prefix: str) -> Path:
    """A temporary directory that PostgreSQL's user may write to when we are root."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    if os.geteuid() == 0:
        shutil.chown(path, "postgres", "postgres")
    return path


class RedisServer:
    """`redis-server` on a free port, without persistence, that can be stopped and started."""

    def __init__(self, directory: Path, *options: str) -> None:
        self.binary = shutil.which("redis-server")
        self.directory = directory
        self.port = free_port()
        self.options = options
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self) -> redis.Redis:
        return redis.Redis(port=self.port, socket_timeout=1, socket_connect_timeout=1)

    def answers(self) -> bool:
        try:
            return bool(self.client().ping())
        except redis.RedisError:
            return False

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 (a fixed binary and our own arguments)
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no", "--dir", str(self.directory), *self.options],
            stdout=subprocess.DEVNULL,
        )
        wait_for(self.answers, "Redis to answer")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)
            self.process = None


class PostgresCluster:
    """A throwaway PostgreSQL cluster (initdb) on a free port, never the shared one."""

    def __init__(self, directory: Path) -> None:
        self.bindir = postgres_bindir()
        self.directory = directory
        self.data = directory / "data"
        self.port = free_port()

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        # initdb refuses to run as root; the cluster then belongs to the postgres user.
        user = "postgres" if os.geteuid() == 0 else None
        return subprocess.run(  # noqa: S603 (PostgreSQL's own tools, our own arguments)
            args, user=user, check=check, capture_output=True, text=True, timeout=120
        )

    def running(self) -> bool:
        status = self._run(f"{self.bindir}/pg_ctl", "-D", str(self.data), "status", check=False)
        return status.returncode == 0

    def create(self) -> None:
        self._run(
            f"{self.bindir}/initdb", "-D", str(self.data), "-U", "postgres",
            "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8",
        )  # fmt: skip

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1"
            " -c fsync=off -c full_page_writes=off"  # a test cluster: speed over durability
        )
        self._run(
            f"{self.bindir}/pg_ctl", "-D", str(self.data), "-o", options,
            "-l", str(self.directory / "server.log"), "-w", "start",
        )  # fmt: skip

    def stop(self) -> None:
        self._run(f"{self.bindir}/pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def restart(self) -> None:
        # pg_ctl keeps the start options; the log file must be named again, or the server
        # would write to (and hold open) our pipe.
        self._run(
            f"{self.bindir}/pg_ctl", "-D", str(self.data), "-m", "fast",
            "-l", str(self.directory / "server.log"), "-w", "restart",
        )  # fmt: skip

    def url(self, database: str = "nytorget") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> None:
        self._run(f"{self.bindir}/createdb", "-h", "127.0.0.1", "-p", str(self.port),
                  "-U", "postgres", name)  # fmt: skip


def postgres_bindir() -> str | None:
    found = shutil.which("initdb")
    if found:
        return str(Path(found).resolve().parent)
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return str(Path(candidates[-1]).parent) if candidates else None


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes
    started: float = 0.0
    ended: float = 0.0

    @property
    def text(self) -> str:
        return self.body.decode(errors="replace")


def fetch(url: str, method: str = "GET", timeout: float = 15.0) -> Answer:
    """One HTTP request; any status is an answer, a refused connection is status 0."""
    started = time.monotonic()
    request = urllib.request.Request(url, method=method)  # noqa: S310 (loopback only)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            status, headers, body = response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, dict(error.headers), error.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        status, headers, body = 0, {}, b""
    headers = {name.lower(): value for name, value in headers.items()}
    return Answer(status, headers, body, started, time.monotonic())


@dataclass
class AppServer:
    """gunicorn with cms/gunicorn.py, as in production, on a free loopback port."""

    env: dict[str, str]
    directory: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def log_path(self) -> Path:
        return self.directory / "gunicorn.log"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def get(self, path: str, method: str = "GET") -> Answer:
        return fetch(self.url(path), method)

    def start(self) -> AppServer:
        env = {**self.env, "GUNICORN_BIND": f"127.0.0.1:{self.port}"}
        gunicorn = Path(sys.executable).parent / "gunicorn"
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 (our own server and config)
                [str(gunicorn), "-c", "cms/gunicorn.py", "cms.wsgi"],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        wait_for(lambda: self.get("/robots.txt").status == 200, "gunicorn to answer", 90)
        return self

    def stop(self) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=60)
            self.process = None


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    """`manage.py <args>` in its own process, with `env`."""
    return subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
