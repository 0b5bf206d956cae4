"""Network insight: the analysis of a network (the whole one or an area's), cached until the graph
changes and recomputed outside the web request when it is big; who knows whom. Plain data only.

What a viewer may see decides the graph: `full` has who knows whom (contacts.read), `public`
has no KNOWS link at all, so neither a measure nor a path of a member's page can rest on one.

Change marker: the counts of the analysed nodes and links and the number and time of the latest
recorded change (`insight/get_network_marker`; Neo4j answers from its count store and an index,
and the read cache keeps the answer until the next write). A result is fresh while the
marker it was computed at is current. Results are kept in memory and, as JSON, in the data
directory, so every worker process and `netzwerk analyse` share them.
"""
import hashlib
import json
import logging
import os
import tempfile
import threading
import time
from pathlib import Path

from ..analysis import (analyse, build_graph, common_contacts, introduction_paths, suggested_introductions,
                        within_two_steps)
from ..analysis.graph import within_area
from ..analysis.measures import STEPS
from ..analysis.paths import MAX_STEPS  # noqa: F401  (the forms' default)
from ..clock import now_iso
from ..errors import DomainError, Forbidden
from ..text import fold

log = logging.getLogger(__name__)

FULL, PUBLIC = "full", "public"
# networks up to this many nodes are analysed in the request (well under a second); bigger ones
# in a background thread while the page shows the last result
SYNC_LIMIT = 2000
SUGGESTIONS_KEPT = 200  # suggestions computed per analysis; the page filters each viewer's dismissals
LABEL_KINDS = {"Actor": "actors", "Person": "people", "RoundTable": "round_tables"}


def visibility_for(user):
    return FULL if user.can("contacts.read") else PUBLIC


def pair_key(a, b):
    return "|".join(sorted((a, b)))


class Network:
    """The analysed graph's records as read at one marker."""

    def __init__(self, marker, nodes, edges, districts):
        self.marker, self.nodes, self.edges, self.districts = marker, nodes, edges, districts
        self.names = {node["uid"]: (node["name"], node["label"]) for node in nodes}
        self._graphs = {}
        self._lock = threading.Lock()

    def records(self, visibility, area=""):
        edges = self.edges if visibility == FULL else [e for e in self.edges if e["type"] != "KNOWS"]
        if not area:
            return self.nodes, edges
        return within_area(self.nodes, edges, self.area_districts(area))

    def area_districts(self, area):
        """The district and every district below it (the PART_OF hierarchy, any depth)."""
        children = {}
        for uid, district in self.districts.items():
            for parent in district["parents"]:
                children.setdefault(parent, []).append(uid)
        found, stack = set(), [area]
        while stack:
            uid = stack.pop()
            if uid not in found:
                found.add(uid)
                stack.extend(children.get(uid, ()))
        return found

    def graph(self, visibility, area=""):
        """The networkx graph of what a viewer may see, built once per marker."""
        with self._lock:
            key = (visibility, area)
            if key not in self._graphs:
                self._graphs[key] = build_graph(*self.records(visibility, area))
            return self._graphs[key]


class Insight:
    def __init__(self, store, cache_dir, sync_limit=SYNC_LIMIT):
        self.store = store
        self.cache_dir = Path(cache_dir)
        self.sync_limit = sync_limit
        self._network = None
        self._results = {}   # (visibility, area) -> {"marker", "computed_at", "data"}
        self._jobs = {}      # (visibility, area) -> {"done", "total", "started", "error"}
        self._lock = threading.Lock()
        self._load_lock = threading.Lock()

    # --- the graph and its marker -----------------------------------------------------------
    def marker(self):
        """A short string that changes whenever the analysed network changes."""
        rows = self.store.read("insight/get_network_marker")
        text = json.dumps(sorted((row["key"], row["value"], row["at"] or "") for row in rows))
        sizes = {row["key"]: row["value"] for row in rows}
        return hashlib.sha1(text.encode()).hexdigest()[:16], sizes

    def network(self, marker=None):
        """The network's records at the current marker (read once per change, per process)."""
        if marker is None:
            marker = self.marker()[0]
        with self._load_lock:
            if self._network is None or self._network.marker != marker:
                nodes = self.store.read("insight/list_network_nodes")
                edges = self.store.read("insight/list_network_links")
                districts = {row["uid"]: row for row in self.store.read("insight/list_network_districts")}
                self._network = Network(marker, nodes, edges, districts)
            return self._network

    def areas(self):
        """The cities and Stadtbezirke a network can be narrowed to: [{uid, name, type}]."""
        return [{"uid": row["uid"], "name": row["name"], "type": row["type"]}
                for row in self.store.read("insight/list_network_districts")
                if row["type"] in ("city", "Stadtbezirk")]

    # --- the analysis -----------------------------------------------------------------------
    def analysis(self, visibility, area="", wait=False):
        """{"data" (or None while the first computation runs), "computed_at", "fresh", "job"}.

        Fresh results are served at once. A stale or missing one is recomputed in this request
        when the network is small (or `wait`), else in a background thread while the last
        result is served; `job` tells its progress."""
        marker, sizes = self.marker()
        key = (visibility, area)
        result = self._result(key, marker)
        if result is not None and result["marker"] == marker:
            return self._answer(result, True, None)
        size = sum(sizes.get(label, 0) for label in LABEL_KINDS)
        if wait or size <= self.sync_limit:
            result = self._compute(key, marker)
            return self._answer(result, True, None)
        job = self._start(key, marker)
        return self._answer(result, False, job)

    @staticmethod
    def _answer(result, fresh, job):
        if result is None:
            return {"data": None, "computed_at": None, "fresh": False, "job": job}
        return {"data": result["data"], "computed_at": result["computed_at"], "fresh": fresh, "job": job}

    def _result(self, key, marker):
        result = self._results.get(key)
        if result is None or result["marker"] != marker:
            stored = self._read_file(key)  # another process may have computed it
            if stored is not None and (result is None or stored["computed_at"] > result["computed_at"]):
                self._results[key] = result = stored
        return result

    def _compute(self, key, marker, progress=None):
        visibility, area = key
        network = self.network(marker)
        nodes, edges = network.records(visibility, area)
        data = analyse(nodes, edges, progress=progress)
        if visibility == FULL:
            graph = network.graph(visibility, area)
            data["suggestions"] = suggested_introductions(graph, limit=SUGGESTIONS_KEPT)
            for s in data["suggestions"]:
                for uid in [s["a"], s["b"], *s["common"]]:
                    data["names"][uid] = [graph.nodes[uid]["name"], graph.nodes[uid]["label"]]
        data["district_names"] = {uid: d["name"] for uid, d in network.districts.items()}
        result = {"marker": marker, "computed_at": now_iso(), "data": data}
        with self._lock:
            self._results[key] = result
        self._write_file(key, result)
        return result

    def _start(self, key, marker):
        with self._lock:
            job = self._jobs.get(key)
            if job is not None and job["marker"] == marker and not job["error"]:
                return job
            job = {"marker": marker, "done": 0, "total": len(STEPS) + 1, "started": now_iso(), "error": None}
            self._jobs[key] = job

        def progress(done, total):
            job["done"] = done + 1  # step 1 was reading the network

        def run():
            try:
                self._compute(key, marker, progress)
            except Exception as error:  # noqa: BLE001 (logged; the page shows that it failed)
                log.exception("analysis of %s failed", key)
                job["error"] = str(error)
            finally:
                if not job["error"]:
                    with self._lock:
                        if self._jobs.get(key) is job:
                            del self._jobs[key]

        threading.Thread(target=run, name=f"analysis-{key[0]}-{key[1] or 'all'}", daemon=True).start()
        return job

    def job(self, visibility, area=""):
        return self._jobs.get((visibility, area))

    def _path(self, key):
        visibility, area = key
        return self.cache_dir / f"analysis-{visibility}-{area or 'all'}.json"

    def _read_file(self, key):
        try:
            return json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _write_file(self, key, result):
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            # written whole, then renamed: a reader never sees half a file
            fd, temp = tempfile.mkstemp(dir=self.cache_dir, prefix=".analysis-")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(result, out)
            os.replace(temp, self._path(key))
        except OSError:
            log.warning("analysis cache not written to %s", self.cache_dir, exc_info=True)

    # --- who knows whom ---------------------------------------------------------------------
    def node(self, uid, visibility):
        """{"uid", "name", "label", "kind"} of an actor, person or round table, or None."""
        network = self.network()
        if uid not in network.names:
            return None
        name, label = network.names[uid]
        return {"uid": uid, "name": name, "label": label, "kind": LABEL_KINDS[label]}

    def resolve(self, text, uid=""):
        """The uid of the actor, person or round table picked (uid) or named (text, folded)."""
        network = self.network()
        if uid and uid in network.names:
            return uid
        key = fold(text or "")
        matches = [u for u, (name, _) in network.names.items() if fold(name) == key]
        if not matches:
            raise DomainError("„{name}“ ist keine Person, kein Akteur und kein Runder Tisch. Bitte aus den Vorschlägen wählen.",
                              name=text)
        if len(matches) > 1:
            raise DomainError("Es gibt mehrere Einträge „{name}“. Bitte aus den Vorschlägen wählen.", name=text)
        return matches[0]

    def _describe(self, network, uids):
        return [{"uid": uid, "name": network.names[uid][0], "label": network.names[uid][1],
                 "kind": LABEL_KINDS[network.names[uid][1]]} for uid in uids]

    def paths(self, source, target, visibility, max_steps):
        """Up to three shortest chains through links the viewer may see:
        [{"steps": [{"uid", "name", "label", "kind", "link": [types to the next]}]}]."""
        network = self.network()
        found = introduction_paths(network.graph(visibility), source, target, max_steps=max_steps)
        chains = []
        for path in found:
            steps = self._describe(network, path["nodes"])
            for step, link in zip(steps, path["links"] + [[]]):
                step["link"] = link
            chains.append({"steps": steps})
        return chains

    def contacts(self, a, b, visibility):
        """The people both know (contacts.read only: who knows whom)."""
        self._require_full(visibility)
        network = self.network()
        return self._describe(network, common_contacts(network.graph(FULL), a, b))

    def neighbourhood(self, uid, visibility):
        """{"one": [...], "two": [...]}: who is one and two steps away over visible links."""
        network = self.network()
        steps = within_two_steps(network.graph(visibility), uid)
        return {k: self._describe(network, v) for k, v in steps.items()}

    def suggestions(self, user_uid, visibility, area="", limit=20):
        """Suggested introductions not dismissed by this account, each with its reasons."""
        self._require_full(visibility)
        answer = self.analysis(FULL, area)
        if answer["data"] is None:
            return answer, []
        dismissed = {row["pair"] for row in self.store.read("insight/list_dismissed_introductions", user=user_uid)}
        # people who withdrew their consent are not suggested (docs/consent.md), whatever the stored analysis holds
        withdrawn = {row["uid"] for row in self.store.read("consents/list_withdrawn_people")}
        data = answer["data"]
        names = data["names"]
        shown = []
        for s in data.get("suggestions", []):
            if pair_key(s["a"], s["b"]) in dismissed or s["a"] in withdrawn or s["b"] in withdrawn:
                continue
            shown.append({"a": self._named(names, s["a"]), "b": self._named(names, s["b"]),
                          "common": [self._named(names, uid) for uid in s["common"]],
                          "shared": [{"district": data["district_names"].get(d, d), "field": f} for d, f in s["shared"]],
                          "pair": pair_key(s["a"], s["b"])})
            if len(shown) >= limit:
                break
        return answer, shown

    @staticmethod
    def _named(names, uid):
        name, label = names.get(uid, [uid, "Person"])
        return {"uid": uid, "name": name, "label": label, "kind": LABEL_KINDS.get(label, "people")}

    def dismiss(self, user_uid, a, b, visibility):
        self._require_full(visibility)
        names = self.network().names
        if a == b or names.get(a, ("", ""))[1] != "Person" or names.get(b, ("", ""))[1] != "Person":
            raise DomainError("Dieser Vorschlag ist unbekannt.")
        self.store.write("insight/dismiss_introduction", user=user_uid, pair=pair_key(a, b), now=now_iso())

    @staticmethod
    def _require_full(visibility):
        if visibility != FULL:
            raise Forbidden("Wer wen kennt, sehen nur Koordination und Administration.")


def wait_for_job(insight, visibility, area="", timeout=60.0):
    """Blocks until the background analysis of a network ends (the CLI and the tests)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = insight.job(visibility, area)
        if job is None or job["error"]:
            return
        time.sleep(0.05)
