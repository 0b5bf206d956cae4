"""A tiny TCP proxy that can lose an answer: it forwards a request the test picks to the real
database, waits for the database's reply (so the request was applied), and then drops the
client's connection without passing the reply on. No mock: the real store, the real server."""
import socket
import threading


class AnswerLosingProxy:
    def __init__(self, connect_upstream):
        self.connect_upstream = connect_upstream  # () -> a connected socket to the database
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.trigger = None   # bytes -> bool: the request whose answer is lost (once)
        self.dropped = threading.Event()
        self._lock = threading.Lock()
        self._sockets = []
        threading.Thread(target=self._accept, daemon=True).start()

    def lose_answer_to(self, trigger):
        self.dropped.clear()
        self.trigger = trigger

    def _accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = self.connect_upstream()
            with self._lock:
                self._sockets += [client, upstream]
            state = {"dropping": False}
            threading.Thread(target=self._pump_requests, args=(client, upstream, state), daemon=True).start()
            threading.Thread(target=self._pump_answers, args=(upstream, client, state), daemon=True).start()

    def _pump_requests(self, client, upstream, state):
        try:
            while data := client.recv(65536):
                with self._lock:
                    if self.trigger is not None and self.trigger(data):
                        self.trigger = None
                        state["dropping"] = True
                upstream.sendall(data)
        except OSError:
            pass
        self._close(client, upstream)

    def _pump_answers(self, upstream, client, state):
        try:
            while data := upstream.recv(65536):
                if state["dropping"]:
                    # the database answered: the write is applied; the client never hears of it
                    self.dropped.set()
                    self._close(client, upstream)
                    return
                client.sendall(data)
        except OSError:
            pass
        self._close(client, upstream)

    @staticmethod
    def _close(*sockets):
        for s in sockets:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()

    def close(self):
        self.listener.close()
        with self._lock:
            self._close(*self._sockets)


def unix_upstream(path):
    def connect():
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.connect(str(path))
        return s
    return connect


def tcp_upstream(host, port):
    return lambda: socket.create_connection((host, port))


def is_falkordb_write(data):
    return b"GRAPH.QUERY" in data and b"GRAPH.RO_QUERY" not in data


# Bolt's COMMIT: a chunk of 2 bytes holding a tiny struct with no fields, signature 0x12
BOLT_COMMIT = b"\x00\x02\xb0\x12\x00\x00"


def is_bolt_commit(data):
    return BOLT_COMMIT in data
