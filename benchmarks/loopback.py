"""A loopback site for the benchmarks: fixed routes on 127.0.0.1, each response delayed by a
fixed latency (a real server's round trip), served from a process of its own so that it does
not compete with the code measured for the GIL."""

from __future__ import annotations

import multiprocessing
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.process import BaseProcess
from multiprocessing.queues import Queue

Routes = dict[str, tuple[bytes, str]]  # path -> (body, content type)


def _serve_forever(routes: Routes, latency: float, ports: Queue[int]) -> None:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # as real servers do; else delayed ACKs add 40 ms

        def do_GET(self) -> None:
            time.sleep(latency)  # the injected round trip of a real server
            body, content_type = routes.get(self.path, (b"missing", "text/plain"))
            self.send_response(200 if self.path in routes else 404)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    ports.put(server.server_address[1])
    server.serve_forever()


def serve(routes: Routes, latency: float) -> tuple[BaseProcess, int]:
    """Start the site; returns its process (kill it when done) and its port."""
    context = multiprocessing.get_context("spawn")
    ports: Queue[int] = context.Queue()
    process = context.Process(target=_serve_forever, args=(routes, latency, ports), daemon=True)
    process.start()
    return process, ports.get(timeout=60)
