"""Neo4j community as a child JVM with Bolt on 127.0.0.1: `NETZWERK_DATABASE_URL=neo4j-embedded`.

The launcher is tools/neo4j (one Java class, built with Maven). It gets a password that is
generated once and kept in the data directory (0600), picks a free port, and prints one line
when Bolt accepts connections. Process hygiene as for the embedded FalkorDB: the kernel sends
it SIGTERM when the app dies (PR_SET_PDEATHSIG), and it also exits when its parent is gone.
"""
import atexit
import os
import secrets
import shutil
import socket
import subprocess
import time
from pathlib import Path

from .embedded import _die_with_parent, _pid_alive, stop_process
from .errors import EmbeddedStartError

LAUNCHER_DIR = Path(__file__).resolve().parents[2] / "tools" / "neo4j"
READY = "NEO4J READY bolt://127.0.0.1:"
FAILED = "NEO4J FAILED: "
DEFAULT_HEAP = "512m"


def _private_child():
    """In the child before exec: its files readable by us only, and it dies with us."""
    os.umask(0o077)
    _die_with_parent()


def launcher_classpath(launcher_dir=LAUNCHER_DIR):
    """The classpath of the built launcher, or None when `make neo4j` has not run."""
    target = Path(launcher_dir) / "target"
    if not (target / "neo4j-launcher.jar").exists() or not (target / "lib").is_dir():
        return None
    return f"{target / 'neo4j-launcher.jar'}{os.pathsep}{target / 'lib'}{os.sep}*"


def java_executable():
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").exists():
        return str(Path(home) / "bin" / "java")
    return shutil.which("java")


def _port_answers(port, timeout=0.5):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout):
            return True
    except OSError:
        return False


class EmbeddedNeo4j:
    """One launcher JVM on one data directory: start, answering, stop, kill."""

    def __init__(self, data_dir, heap=None):
        self.data_dir = Path(data_dir).resolve()
        self.db_dir = self.data_dir / "neo4j"
        self.log_path = self.data_dir / "neo4j-launcher.log"
        self.pid_path = self.data_dir / "neo4j.pid"
        self.port_path = self.data_dir / "neo4j.port"
        self.password_path = self.data_dir / "neo4j.password"
        self.heap = heap or os.environ.get("NETZWERK_NEO4J_HEAP", DEFAULT_HEAP)
        self.process = None
        self.port = None

    @property
    def url(self):
        return f"bolt://127.0.0.1:{self.port}"

    def password(self):
        """The password of this data directory, generated on first use and readable only by us."""
        if not self.password_path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.password_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as out:
                out.write(secrets.token_urlsafe(24))
        return self.password_path.read_text().strip()

    def _running_pid(self):
        """The pid of the pid file if that process is a live launcher (not a zombie, not a
        reused pid); a stale pid file from a killed run counts as nothing."""
        try:
            pid = int(self.pid_path.read_text().strip())
        except (OSError, ValueError):
            return None
        if not _pid_alive(pid):
            return None
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
                return pid if b"netzwerk.Neo4jLauncher" in cmdline.read() else None
        except OSError:
            return pid  # no /proc (not Linux): trust the pid

    def answering(self):
        """True when a launcher of another process serves this data directory."""
        try:
            port = int(self.port_path.read_text().strip())
        except (OSError, ValueError):
            return False
        if self._running_pid() and _port_answers(port):
            self.port = port
            return True
        return False

    def start(self, timeout=120.0):
        """Starts the JVM and waits for Bolt. A restart takes the port of the last start, so
        that drivers already pointing at it reconnect by themselves."""
        if self.port:
            try:
                return self._start(timeout, self.port)
            except EmbeddedStartError as exc:
                if "belegt" not in str(exc):
                    raise
        return self._start(timeout, 0)

    def _start(self, timeout, port):
        java, classpath = java_executable(), launcher_classpath()
        if java is None:
            raise EmbeddedStartError(
                "Java fehlt: neo4j-embedded braucht Java 17 oder neuer (z. B. apt-get install "
                "openjdk-17-jre-headless) und Maven zum Bauen des Starters.")
        if classpath is None:
            raise EmbeddedStartError(
                f"Der Neo4j-Starter in {LAUNCHER_DIR} ist nicht gebaut. Bitte `make neo4j` "
                "ausführen (braucht Java 17+ und Maven; lädt Neo4j einmal aus Maven Central).")
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            self.data_dir.chmod(0o700)
        except OSError as exc:
            raise EmbeddedStartError(
                f"Das Datenverzeichnis {self.data_dir} kann nicht angelegt werden: {exc}") from exc
        pid = self._running_pid()
        if pid:
            raise EmbeddedStartError(
                f"Die Neo4j-Datenbank in {self.data_dir} wird bereits von einem anderen Prozess "
                f"genutzt (PID {pid}). Beenden Sie die andere netzwerk-Instanz oder setzen Sie "
                "NETZWERK_DATA_DIR auf ein anderes Verzeichnis.")
        self.port_path.unlink(missing_ok=True)
        command = [java, "-Xms64m", f"-Xmx{self.heap}", "-XX:+UseSerialGC",
                   "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8",
                   "-cp", classpath, "netzwerk.Neo4jLauncher", str(self.db_dir), str(port)]
        environment = {**os.environ, "NEO4J_LAUNCHER_PASSWORD": self.password()}
        offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                env=environment, start_new_session=True, preexec_fn=_private_child)
        self.pid_path.write_text(str(self.process.pid))
        atexit.register(self.stop)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            output = self._log_since(offset)
            for line in output.splitlines():
                if line.startswith(READY):
                    self.port = int(line[len(READY):].strip())
                    self.port_path.write_text(str(self.port))
                    return self
            if self.process.poll() is not None:
                self.process = None
                self.pid_path.unlink(missing_ok=True)
                reason = next((line[len(FAILED):] for line in output.splitlines()
                               if line.startswith(FAILED)), None)
                raise EmbeddedStartError(
                    reason or "Neo4j ist beim Start beendet worden. Letzte Zeilen aus "
                    f"{self.log_path}:\n{self.log_tail()}")
            time.sleep(0.1)
        self.stop()
        raise EmbeddedStartError(
            f"Neo4j hat nach {timeout:.0f} s nicht geantwortet. Siehe {self.log_path}:\n{self.log_tail()}")

    def _log_since(self, offset):
        try:
            with open(self.log_path, "rb") as log:
                log.seek(offset)
                return log.read().decode("utf-8", errors="replace")
        except OSError:
            return ""

    def log_tail(self, lines=12):
        text = self._log_since(0)
        return "\n".join(text.splitlines()[-lines:]) or "(kein Log)"

    @property
    def running(self):
        return self.process is not None and self.process.poll() is None

    def stop(self, timeout=30.0):
        """Stops Neo4j cleanly (checkpoint, store lock released). Safe to call twice."""
        process, self.process = self.process, None
        stop_process(process, timeout)
        if process is not None:
            self.pid_path.unlink(missing_ok=True)
            self.port_path.unlink(missing_ok=True)

    def kill(self):
        """Kills the JVM without a shutdown: for tests of crash behaviour."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
