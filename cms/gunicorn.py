"""gunicorn settings: `gunicorn -c cms/gunicorn.py cms.wsgi`. Override with the environment.

One synchronous worker per core suits a CPU-bound Django site; the page cache keeps most reads
short. The control socket is off: it would write under ~/.gunicorn/ for nothing.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
worker_class = "sync"
# Load the app once in the master: faster start, and workers share its memory pages.
preload_app = True
control_socket_disable = True
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
keepalive = 5
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "warning")
