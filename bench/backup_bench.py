"""Backup and restore at 1x and 10x the demo data on the embedded FalkorDB: prints time, file size
and the peak memory of each `netzwerk` run (asserts nothing).

    .venv/bin/python bench/backup_bench.py [--factors 1,10]

The demo data (seed/ plus a few registrations) is backed up once; a copy `factor` times as large
is made from that file (every uid, e-mail, hash and key given a suffix per copy), restored with
`netzwerk restore` into an empty graph and backed up again with `netzwerk backup`, each in its
own process, so "peak MB" is that command's own maximum resident size. If the commands stream,
the peak stays about the same while the data grows tenfold.
"""
import argparse
import gzip
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from netzwerk.backup.service import write_backup  # noqa: E402
from netzwerk.migrations import DATA_VERSION  # noqa: E402
from netzwerk.seeding import load_seed  # noqa: E402
from netzwerk.store import EmbeddedServer, QueryCatalog  # noqa: E402
from netzwerk.store.falkordb_store import FalkorStore  # noqa: E402

UNIQUE = ("uid", "email", "hash", "key", "token_hash", "code", "name_key")
CHILD = ("import resource, sys\nfrom netzwerk.cli import main\ntry:\n    main(sys.argv[1:])\n"
         "finally:\n    print(f'PEAK {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}', file=sys.stderr)\n")


def suffixed(value, suffix):
    return f"{value}{suffix}" if isinstance(value, str) else value


def multiply(source, target, factor):
    """A backup `factor` times as large as `source`: copy i > 0 suffixes every unique value."""
    with gzip.open(source, "rt", encoding="utf-8") as lines:
        header, *records = [json.loads(line) for line in lines]
    nodes = [r["n"] for r in records if "n" in r and "Meta" not in r["n"][1]]
    meta = [r["n"] for r in records if "n" in r and "Meta" in r["n"][1]]
    links = [r["r"] for r in records if "r" in r]
    with gzip.open(target, "wt", encoding="utf-8") as out:
        header.update(nodes=len(nodes) * factor + len(meta), relationships=len(links) * factor)
        out.write(json.dumps(header) + "\n")
        for ref, labels, props in meta:
            out.write(json.dumps({"n": [ref, labels, props]}) + "\n")
        for copy in range(factor):
            tail = f"-x{copy}" if copy else ""
            for ref, labels, props in nodes:
                props = {k: suffixed(v, tail) if k in UNIQUE else v for k, v in props.items()}
                out.write(json.dumps({"n": [suffixed(ref, tail), labels, props]}) + "\n")
        for copy in range(factor):
            tail = f"-x{copy}" if copy else ""
            for kind, start, end, props in links:
                out.write(json.dumps({"r": [kind, suffixed(start, tail), suffixed(end, tail), props]}) + "\n")
        out.write(json.dumps({"end": {"nodes": header["nodes"], "relationships": header["relationships"]}}) + "\n")
    digest = hashlib.sha256(Path(target).read_bytes()).hexdigest()
    Path(f"{target}.sha256").write_text(f"{digest}  {Path(target).name}\n")
    return header


def command(env, *args):
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", CHILD, *args], env=env, capture_output=True, text=True)
    elapsed = time.monotonic() - started
    if result.returncode:
        raise SystemExit(result.stdout + result.stderr)
    peak = [line for line in result.stderr.splitlines() if line.startswith("PEAK ")][-1].split()[1]
    return elapsed, int(peak) / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factors", default="1,10")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="nw-bench-"))
    server = EmbeddedServer(work / "db").start()
    catalog = QueryCatalog(ROOT / "queries")
    try:
        demo = FalkorStore(catalog, graph="demo", unix_socket=server.socket_path, query_timeout=60,
                           connect_timeout=5)
        demo.apply_schema()
        load_seed(demo, ROOT / "seed", "2026-01-01T00:00:00")
        demo.write("system/set_data_version", version=DATA_VERSION, now="2026-01-01T00:00:00")
        write_backup(demo, work / "demo.jsonl.gz", DATA_VERSION)
        print(f"{'factor':>6} {'nodes':>8} {'links':>8} {'restore s':>10} {'peak MB':>8} "
              f"{'backup s':>9} {'peak MB':>8} {'file KB':>8}")
        for factor in [int(f) for f in options.factors.split(",")]:
            source = work / f"x{factor}.jsonl.gz"
            header = multiply(work / "demo.jsonl.gz", source, factor)
            env = {**os.environ, "NETZWERK_DATABASE_URL": f"unix://{server.socket_path}",
                   "NETZWERK_GRAPH_NAME": f"bench_{factor}", "NETZWERK_DATA_DIR": str(work / "app"),
                   "NETZWERK_QUERY_TIMEOUT_SECONDS": "60"}
            restore_s, restore_mb = command(env, "restore", str(source))
            out = work / f"back{factor}.jsonl.gz"
            backup_s, backup_mb = command(env, "backup", "--output", str(out))
            print(f"{factor:>6} {header['nodes']:>8} {header['relationships']:>8} {restore_s:>10.1f} "
                  f"{restore_mb:>8.0f} {backup_s:>9.1f} {backup_mb:>8.0f} {out.stat().st_size / 1024:>8.0f}")
        demo.close()
    finally:
        server.stop()
        subprocess.run(["rm", "-rf", str(work)])


if __name__ == "__main__":
    main()
