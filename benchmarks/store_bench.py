"""Case store costs, measured in one run on this machine: opening, durable scan writes, listing.

    .venv/bin/python benchmarks/store_bench.py [--findings N]

Prints absolute times and the ratios that matter: the store's share of a scan's per-image
budget, and what sealing (AES-GCM) adds over the same writes without it.
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
import time
from pathlib import Path

import numpy as np

from faceaudit.collect.types import Provenance
from faceaudit.faces.types import Face, FaceMatch, Verdict
from faceaudit.paths import resolve_paths
from faceaudit.store import CaseStore

PASSPHRASE = "benchmark passphrase"  # noqa: S105 (a throw-away case)


def face(seed: int) -> Face:
    rng = np.random.default_rng(seed)
    embedding = rng.standard_normal(512).astype(np.float32)
    x, y = float(seed % 500), float(seed % 300)
    return Face((x, y, x + 80, y + 100), ((x, y),) * 5, 0.9, embedding / np.linalg.norm(embedding))


def timed(label: str, count: int, action) -> float:
    start = time.perf_counter()
    for i in range(count):
        action(i)
    per = (time.perf_counter() - start) / count
    print(f"{label:<48} {per * 1000:8.2f} ms each ({count} runs)")
    return per


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--findings", type=int, default=2000)
    count = parser.parse_args().findings
    with tempfile.TemporaryDirectory() as base:
        store = CaseStore(resolve_paths(base))  # the real default KDF
        start = time.perf_counter()
        store.create("bench", PASSPHRASE).close()
        create = time.perf_counter() - start
        start = time.perf_counter()
        case = store.open("bench", PASSPHRASE)
        opening = time.perf_counter() - start
        print(f"{'create (scrypt N=2^17 + schema)':<48} {create * 1000:8.1f} ms")
        print(f"{'open (scrypt N=2^17 + checks)':<48} {opening * 1000:8.1f} ms")

        rng = np.random.default_rng(1)
        thumb = rng.bytes(6_000)  # a 160 px JPEG thumbnail is ~5-8 kB
        evidence = rng.bytes(250_000)  # a typical web photo
        scan = case.start_scan({})

        def provenance(i: int) -> Provenance:
            return Provenance(
                source="http://127.0.0.1/",
                page_url=f"http://127.0.0.1/page/{i // 10}",
                image_url=f"http://127.0.0.1/img/{i}.jpg",
                found_by="img",
                sha256=hashlib.sha256(i.to_bytes(8, "big")).hexdigest(),
                byte_size=len(evidence),
            )

        image = timed(
            "record_image + store_faces(3) + mark_processed",
            count,
            lambda i: (
                case.record_image(scan, provenance(i)),
                case.store_faces(provenance(i).sha256, [face(i), face(i + 1), face(i + 2)]),
                case.mark_image_processed(scan, provenance(i).sha256, 3),
            ),
        )

        def one_image_batched(i: int) -> None:
            i += count  # new images
            with case.batch():
                case.record_image(scan, provenance(i))
                case.store_faces(provenance(i).sha256, [face(i), face(i + 1), face(i + 2)])
                case.mark_image_processed(scan, provenance(i).sha256, 3)

        batched = timed("the same, in one case.batch() per image", count, one_image_batched)
        finding = timed(
            "add_finding with 250 kB evidence",
            count // 4,
            lambda i: case.add_finding(
                scan,
                provenance(i).sha256,
                provenance(i),
                FaceMatch(face(i), 0.7, Verdict.MATCH, 0),
                thumb,
                evidence,
            ),
        )
        start = time.perf_counter()
        rows = case.findings()
        listing = time.perf_counter() - start
        print(f"{f'findings() listing {len(rows)} rows':<48} {listing * 1000:8.1f} ms")
        start = time.perf_counter()
        for row in rows[:200]:
            case.finding_thumbnail(row.id)
        thumbs = (time.perf_counter() - start) / min(200, len(rows))
        print(f"{'finding_thumbnail (decrypt)':<48} {thumbs * 1000:8.3f} ms each")

        # The same durable commits without sealing: what encryption costs on top.
        with case.connection() as conn:
            conn.execute("CREATE TABLE plain (k TEXT PRIMARY KEY, v BLOB)")

        def plain_write(i: int) -> None:
            with case.connection() as conn:
                conn.execute("INSERT INTO plain VALUES (?, ?)", (f"e{i}", evidence))

        plain = timed("same-size plain write (no sealing)", count // 4, plain_write)
        case.close()
        size = sum(p.stat().st_size for p in Path(base).rglob("*") if p.is_file())
        print(f"{'case folder size':<48} {size / 1e6:8.1f} MB")
        print()
        print(f"ratio add_finding / plain durable write: {finding / plain:.2f}x")
        print(f"ratio per-image writes, one commit each / batched: {image / batched:.2f}x")
        print(
            f"store share of a 50 ms/image face analysis budget: {image / 0.050 * 100:.1f}% "
            f"one commit per call, {batched / 0.050 * 100:.1f}% batched"
        )


if __name__ == "__main__":
    main()
