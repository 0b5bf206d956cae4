"""Backup and restore of the whole graph: every node and link, as gzip'd JSON lines with a
checksum beside them (docs/operations.md).

The file: a header line {"netzwerk_backup": FORMAT_VERSION, ...counts}, one line per node
{"n": [ref, labels, props]}, one line per link {"r": [type, from_ref, to_ref, props]}, and an
end line {"end": counts}. A node's ref is its uid (or, for the few kinds without one, its unique
hash or key); links name their ends by ref. Beside it `<file>.sha256` in `sha256sum` format.
"""
import gzip
import hashlib
import json
import os
import re
from importlib.metadata import PackageNotFoundError, version as package_version
from pathlib import Path

from ..clock import now_iso
from ..i18n import gettext

FORMAT = "netzwerk-backup"
FORMAT_VERSION = 1
BATCH = 1000
PAGE = 5000  # rows a backup reads per query (FalkorDB pages through its copy)
PROGRESS_EVERY = 10000
SUFFIX = ".jsonl.gz"
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# what a restore must not find: the data version a new instance writes at start-up may be there
BOOKKEEPING_LABELS = {"Meta"}


class BackupError(Exception):
    """A backup that cannot be written, or a file that cannot be restored; says why in German."""


class GraphChanged(BackupError):
    """What was read differs from what was counted first: written meanwhile (Neo4j: read committed)."""


def app_version():
    try:
        return package_version("netzwerk")
    except PackageNotFoundError:  # pragma: no cover - a source tree without install
        return "unbekannt"


def checksum_path(path):
    return Path(f"{path}.sha256")


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _line(obj):
    return (json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True,
                       allow_nan=False) + "\n").encode("utf-8")


def write_backup(store, path, data_version, progress=lambda text: None):
    """Writes the whole graph to `path` (mode 0600) and its checksum beside it; returns the header.

    Read inside store.snapshot(): one consistent state. Streams page by page, never the whole
    graph in memory. Written to `<path>.partial` first: a broken run leaves no file that looks whole.
    """
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as out:
            with store.snapshot():
                labels = {row["label"]: row["nodes"] for row in store.stream("graph/count_nodes_by_label")}
                types = {row["type"]: row["relationships"]
                         for row in store.stream("graph/count_relationships_by_type")}
                meta = [row["version"] for row in store.stream("system/get_data_version")]
                nodes = _sum_nodes(store)
                header = {
                    FORMAT: FORMAT_VERSION, "app_version": app_version(),
                    "data_version": meta[0] if meta else data_version, "backend": store.backend,
                    "created_at": now_iso(), "nodes": nodes, "relationships": sum(types.values()),
                    "labels": labels, "types": types}
                out.write(_line(header))
                written = 0
                for row in store.stream("backup/list_nodes", page=PAGE):
                    out.write(_line({"n": [row["ref"], sorted(row["labels"]), row["props"]]}))
                    written += 1
                    if written % PROGRESS_EVERY == 0:
                        progress(f"Sicherung: {written} von {nodes} Knoten …")
                links = 0
                for row in store.stream("backup/list_relationships", page=PAGE):
                    if row["from"] is None or row["to"] is None:
                        ends = row["from_labels"] if row["from"] is None else row["to_labels"]
                        raise BackupError(gettext(
                            "Sicherung abgebrochen: eine Verbindung {type} hängt an einem Knoten ({labels}) "
                            "ohne uid, hash oder key; so ließe sie sich nicht wiederherstellen.",
                            type=row["type"], labels=":".join(ends)))
                    out.write(_line({"r": [row["type"], row["from"], row["to"], row["props"]]}))
                    links += 1
                    if links % PROGRESS_EVERY == 0:
                        progress(f"Sicherung: {links} von {header['relationships']} Verbindungen …")
                if (written, links) != (nodes, header["relationships"]):
                    raise GraphChanged(gettext(
                        "Sicherung abgebrochen: gezählt {nodes} Knoten und {links} Verbindungen, gelesen "
                        "{written} und {read}.", nodes=nodes, links=header["relationships"],
                        written=written, read=links))
                out.write(_line({"end": {"nodes": written, "relationships": links}}))
        digest = _sha256(partial)
        manifest = checksum_path(path)
        fd = os.open(manifest, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(f"{digest}  {path.name}\n")
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    header["sha256"] = digest
    return header


def _sum_nodes(store):
    return sum(row["nodes"] for row in store.stream("backup/count_nodes"))


def prune_backups(directory, keep):
    """Deletes all but the `keep` newest backups of `directory` (named netzwerk-<time>.jsonl.gz)."""
    found = sorted(Path(directory).glob(f"netzwerk-*{SUFFIX}"))
    removed = []
    for old in found[:-keep] if keep > 0 else []:
        old.unlink()
        checksum_path(old).unlink(missing_ok=True)
        removed.append(old)
    return removed


def _records(path):
    with gzip.open(path, "rb") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                yield number, json.loads(line)
            except ValueError as exc:
                raise BackupError(gettext("Zeile {number} der Sicherung ist kein gültiges JSON.",
                                          number=number)) from exc


def verify_backup(path, max_data_version):
    """Checks a backup completely before anything is written: checksum, format, version, every
    line's shape, and the counts of the end line. Returns the header, or raises BackupError."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(gettext("Die Sicherung {path} gibt es nicht.", path=str(path)))
    manifest = checksum_path(path)
    if not manifest.is_file():
        raise BackupError(gettext(
            "Die Prüfsumme {manifest} fehlt neben der Sicherung; ohne sie wird nichts wiederhergestellt.",
            manifest=str(manifest)))
    expected = manifest.read_text(encoding="utf-8").split()[:1]
    if expected != [_sha256(path)]:
        raise BackupError(gettext(
            "Die Sicherung {path} ist beschädigt: ihre SHA-256-Prüfsumme stimmt nicht mit {manifest} "
            "überein. Es wurde nichts geschrieben; eine andere Sicherung verwenden.",
            path=str(path), manifest=str(manifest)))
    header, nodes, links, end = None, 0, 0, None
    try:
        for number, record in _records(path):
            if header is None:
                header = record
                if not isinstance(record, dict) or FORMAT not in record:
                    raise BackupError(gettext("{path} ist keine netzwerk-Sicherung.", path=str(path)))
                if record[FORMAT] != FORMAT_VERSION:
                    raise BackupError(gettext(
                        "Die Sicherung hat das Format {found}; diese netzwerk-Version liest Format {known}.",
                        found=record[FORMAT], known=FORMAT_VERSION))
                if (record.get("data_version") or 0) > max_data_version:
                    raise BackupError(gettext(
                        "Die Sicherung stammt von einer neueren netzwerk-Version (Datenstand {found}, "
                        "diese kennt {known}): erst netzwerk aktualisieren.",
                        found=record.get("data_version"), known=max_data_version))
            elif end is not None:
                raise BackupError(gettext("Zeile {number} folgt auf das Ende der Sicherung.", number=number))
            elif "n" in record and _node_ok(record["n"]):
                nodes += 1
            elif "r" in record and _link_ok(record["r"]):
                links += 1
            elif "end" in record:
                end = record["end"]
            else:
                raise BackupError(gettext("Zeile {number} der Sicherung ist weder Knoten noch Verbindung.",
                                          number=number))
    except (OSError, EOFError) as exc:
        raise BackupError(gettext("Die Sicherung {path} lässt sich nicht entpacken: {error}",
                                  path=str(path), error=str(exc))) from exc
    counted = {"nodes": nodes, "relationships": links}
    if header is None or end != counted or header.get("nodes") != nodes or header.get("relationships") != links:
        raise BackupError(gettext("Die Sicherung ist unvollständig: das Ende fehlt oder die Zahlen stimmen nicht."))
    return header


def _node_ok(node):
    return (isinstance(node, list) and len(node) == 3 and isinstance(node[1], list) and node[1]
            and all(isinstance(label, str) and _NAME.fullmatch(label) for label in node[1])
            and "Restored" not in node[1] and isinstance(node[2], dict))


def _link_ok(link):
    return (isinstance(link, list) and len(link) == 4 and isinstance(link[0], str) and _NAME.fullmatch(link[0])
            and isinstance(link[1], str) and isinstance(link[2], str) and isinstance(link[3], dict))


def restore_backup(store, path, max_data_version, progress=lambda text: None):
    """Loads a verified backup into an empty instance; returns the counts made.

    Refuses (BackupError) a damaged file or an instance that holds data; then loads nodes and
    links in batches of BATCH rows (UNWIND), each batch grouped by labels or type."""
    header = verify_backup(path, max_data_version)
    present = {row["label"]: row["nodes"] for row in store.read("graph/count_nodes_by_label")}
    held = {label: count for label, count in present.items() if label not in BOOKKEEPING_LABELS}
    if held:
        raise BackupError(gettext(
            "Wiederherstellung verweigert: die Datenbank ist nicht leer ({count} Knoten). Nur in eine leere "
            "Instanz wird wiederhergestellt: die App stoppen und ein leeres Datenverzeichnis "
            "(NETZWERK_DATA_DIR) bzw. ein leeres Neo4j-Volume verwenden; nichts wurde geschrieben.",
            count=sum(held.values())))
    store.write("backup/delete_meta")
    made = {"nodes": 0, "relationships": 0}
    shown = {"nodes": 0, "relationships": 0}
    pending = {}

    def flush(key, query, placeholder, column):
        rows = pending.pop(key)
        names = list(key) if isinstance(key, tuple) else [key]
        result = store.write_with_names(query, placeholder, names, rows=rows)
        count = result[0][column] if result else 0
        if count != len(rows):
            raise BackupError(gettext(
                "Wiederherstellung abgebrochen: {rows} Zeilen gelesen, {count} geschrieben ({names}). "
                "Die Instanz leeren und erneut wiederherstellen.", rows=len(rows), count=count,
                names=":".join(names)))
        made[column] += count
        if made[column] // PROGRESS_EVERY != shown[column] // PROGRESS_EVERY:
            total = header["nodes" if column == "nodes" else "relationships"]
            what = "Knoten" if column == "nodes" else "Verbindungen"
            progress(f"Wiederherstellung: {made[column]} von {total} {what} …")
        shown[column] = made[column]

    def flush_nodes():
        for key in [k for k in pending if isinstance(k, tuple)]:
            flush(key, "backup/create_nodes", "Restored", "nodes")

    nodes_done = False
    for _, record in _records(path):
        if "n" in record:
            ref, labels, props = record["n"]
            key = ("Restored", *labels)
            pending.setdefault(key, []).append({"ref": ref, "props": props})
            if len(pending[key]) >= BATCH:
                flush(key, "backup/create_nodes", "Restored", "nodes")
        elif "r" in record:
            if not nodes_done:  # every node before the first link: both ends exist
                flush_nodes()
                nodes_done = True
            kind, start, end, props = record["r"]
            pending.setdefault(kind, []).append({"from": start, "to": end, "props": props})
            if len(pending[kind]) >= BATCH:
                flush(kind, "backup/create_relationships", "RESTORED", "relationships")
    flush_nodes()
    for key in list(pending):
        flush(key, "backup/create_relationships", "RESTORED", "relationships")
    # FalkorDB takes a label off at about 1 ms a node: small steps, each well inside a time limit
    finished = 0
    while True:
        done = store.write("backup/finish_restored_nodes", limit=BATCH)[0]["nodes"]
        if not done:
            break
        finished += done
        if finished % PROGRESS_EVERY < BATCH:
            progress(f"Wiederherstellung: {finished} von {made['nodes']} Knoten abgeschlossen …")
    progress(f"Wiederhergestellt: {made['nodes']} Knoten, {made['relationships']} Verbindungen.")
    return dict(made, header=header)
