"""Benchmark of large document contents: upload through bestandsdelen, download streamed.

Not a test: it measures, it asserts nothing. Sets up a deployment (the embedded SQLite by
default, or the PostgreSQL database of ``--database-url``, dropped and created), starts
``zaakwerk serve``, creates an enkelvoudiginformatieobject with ``bestandsomvang`` and no
``inhoud``, PUTs every bestandsdeel, unlocks (the parts are merged), and downloads the content
again. The content is generated while it is sent, and hashed on both ways, so neither side needs
it in memory. Meanwhile the RSS of every server process is sampled. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
from common import (
    CLIENT_ID,
    SECRET,
    load_average,
    process_memory,
    recreate_database,
    start_server,
    stop_server,
)
from documenten_setup import EIO, configure, load_catalogus

PORT = 8670
BLOCK = 1024 * 1024


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1024**3, help="content size in bytes (default 1 GiB)")
    parser.add_argument("--port", type=int, default=PORT, help="port of the server (default %(default)s)")
    parser.add_argument("--workers", type=int, default=1, help="server worker processes (default 1)")
    parser.add_argument(
        "--database-url",
        default="",
        help="PostgreSQL database to drop and create; empty (the default): the embedded SQLite",
    )
    return parser.parse_args()


def content(start: int, length: int) -> Iterator[bytes]:
    """Bytes ``start`` … ``start + length`` of the document: random, generated block by block."""
    position = start
    end = start + length
    while position < end:
        block_number, offset = divmod(position, BLOCK)
        block = random.Random(block_number).randbytes(BLOCK)
        piece = block[offset : offset + end - position]
        position += len(piece)
        yield piece


class MemorySampler(threading.Thread):
    """Samples the RSS of the server's processes every ``interval`` seconds until stopped."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.baseline = self._sample()
        self.peak = dict(self.baseline)
        self.stopped = threading.Event()

    def _sample(self) -> dict[int, float]:
        return {p["pid"]: p["rss_mib"] for p in process_memory(self.pid)}

    def run(self) -> None:
        while not self.stopped.wait(self.interval):
            for pid, rss in self._sample().items():
                self.peak[pid] = max(self.peak.get(pid, 0.0), rss)

    def growth(self) -> dict[int, float]:
        return {pid: round(rss - self.baseline.get(pid, 0.0), 1) for pid, rss in self.peak.items()}


def multipart(lock: str, start: int, length: int, digest: Any) -> tuple[Iterator[bytes], dict[str, str]]:
    """A multipart/form-data body of ``lock`` and a part of the content, streamed, with its length."""
    boundary = uuid.uuid4().hex
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="lock"\r\n\r\n{lock}\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="inhoud"; filename="deel.bin"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()

    def body() -> Iterator[bytes]:
        yield head
        for chunk in content(start, length):
            digest.update(chunk)
            yield chunk
        yield tail

    headers = {
        "Content-Type": f"multipart/form-data; boundary={boundary}",
        "Content-Length": str(len(head) + length + len(tail)),
    }
    return body(), headers


def checked(response: httpx.Response, expected: int) -> Any:
    if response.status_code != expected:
        raise SystemExit(
            f"{response.request.method} {response.request.url}: {response.status_code} {response.text}"
        )
    return response.json() if response.content else None


def run(client: httpx.Client, iot: str, size: int) -> dict[str, Any]:
    body = {
        "bronorganisatie": "517439943",
        "creatiedatum": "2026-01-01",
        "titel": "Groot document",
        "auteur": "Benchmark",
        "taal": "nld",
        "bestandsnaam": "groot.bin",
        "formaat": "application/octet-stream",
        "bestandsomvang": size,
        "informatieobjecttype": iot,
    }
    created = checked(client.post(EIO, json=body), 201)
    lock, parts = created["lock"], created["bestandsdelen"]
    sent = hashlib.sha256()
    started = time.perf_counter()
    start = 0
    for part in sorted(parts, key=lambda p: p["volgnummer"]):
        stream, headers = multipart(lock, start, part["omvang"], sent)
        checked(client.put(part["url"], content=stream, headers=headers), 200)
        start += part["omvang"]
    upload = time.perf_counter() - started
    started = time.perf_counter()
    checked(client.post(f"{created['url']}/unlock", json={"lock": lock}), 204)
    merge = time.perf_counter() - started
    document = checked(client.get(created["url"]), 200)
    received = hashlib.sha256()
    length = 0
    started = time.perf_counter()
    with client.stream("GET", document["inhoud"]) as response:
        if response.status_code != 200:
            raise SystemExit(f"download: {response.status_code}")
        for chunk in response.iter_raw(BLOCK):
            received.update(chunk)
            length += len(chunk)
    download = time.perf_counter() - started
    return {
        "parts": len(parts),
        "part_size": max(p["omvang"] for p in parts),
        "upload_s": round(upload, 2),
        "unlock_s": round(merge, 2),
        "download_s": round(download, 2),
        "upload_mb_s": round(size / upload / 1e6, 1),
        "upload_with_unlock_mb_s": round(size / (upload + merge) / 1e6, 1),
        "download_mb_s": round(size / download / 1e6, 1),
        "bestandsomvang": document["bestandsomvang"],
        "downloaded_bytes": length,
        "identical": sent.hexdigest() == received.hexdigest() and length == size,
        "sha256": received.hexdigest(),
    }


def main() -> int:
    args = parse_args()
    public = f"http://127.0.0.1:{args.port}"
    data_dir = configure(args.database_url, public)
    if args.database_url:
        recreate_database(args.database_url)
    iot = load_catalogus(1)[0].url
    from django.db import connections

    from zaakwerk.ops.tokens import mint_token

    connections.close_all()
    where = "PostgreSQL" if args.database_url else "SQLite"
    print(f"{where}, local files in {data_dir}; {args.size:,} bytes", flush=True)
    server = start_server(args.port, args.workers)
    headers = {"Authorization": f"Bearer {mint_token(CLIENT_ID, SECRET)}"}
    try:
        with httpx.Client(base_url=public, headers=headers, timeout=600) as client:
            checked(client.get(EIO), 200)  # a first request: the worker imports and connects
            sampler = MemorySampler(server.pid)
            sampler.start()
            load_before = load_average()
            figures = run(client, iot, args.size)
            sampler.stopped.set()
            sampler.join()
        memory = process_memory(server.pid)
    finally:
        stop_server(server)
        shutil.rmtree(data_dir, ignore_errors=True)
    client_peak = int(Path("/proc/self/status").read_text().split("VmHWM:")[1].split()[0]) / 1024
    for name, value in figures.items():
        print(f"{name:<24} {value}")
    for process in memory:
        pid = process["pid"]
        print(
            f"process {pid} ({process['name']}): RSS before {sampler.baseline.get(pid, 0.0)} MiB, "
            f"peak sampled {sampler.peak.get(pid)} MiB (growth {sampler.growth().get(pid)} MiB), "
            f"VmHWM {process['peak_rss_mib']} MiB"
        )
    print(f"benchmark process peak RSS {client_peak:.1f} MiB")
    print(f"load average before {load_before:.2f}, after {load_average():.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
