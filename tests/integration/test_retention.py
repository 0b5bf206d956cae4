"""Retention for every kind (issue 11): what is over its period goes, what is inside stays, the
preview deletes nothing, and the report's counts are right; `netzwerk retention` prints them."""
import os
import time
from datetime import datetime, timedelta

import pytest
from click.testing import CliRunner

from netzwerk import cli, create_app
from netzwerk.audit import service as audit
from netzwerk.config import TestConfig
from netzwerk.retention import KINDS, periods, run

from ..conftest import raw_rows
from ..registration_helpers import make_event, register


@pytest.fixture
def app(store, tmp_path):
    config = TestConfig(tmp_path)
    config.REGISTRATION_ADDRESS_LIMIT = 1000
    return create_app(config, store=store)


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


def millis(moment):
    return int(moment.timestamp() * 1000)


def count(store, label, where=""):
    return raw_rows(store, f"MATCH (n:{label}) {where} RETURN count(n) AS c")[0]["c"]


def build(app, store, tmp_path, now):
    """Of each kind: some over the period, some inside it."""
    old, recent = now - timedelta(days=800), now - timedelta(days=3)
    # participants: one event ended 100 days ago (over 90), one 10 days ago
    public = app.test_client()
    for uid, ended in (("old", now - timedelta(days=100)), ("recent", now - timedelta(days=10))):
        make_event(store, uid=uid, name=f"Runde {uid}")
        register(public, uid, f"Gast {uid}", f"gast-{uid}@example.org")
        raw_rows(store, f"MATCH (e:Event {{uid: '{uid}'}}) SET e.starts_at = '{ended:%Y-%m-%dT09:00}', "
                        f"e.ends_at = '{ended:%Y-%m-%dT10:00}' RETURN e.uid AS uid")
    # history: 3 changes 800 days old, 2 recent (on one entry that stays)
    raw_rows(store, "CREATE (:Entry:Actor {uid: 'a-1', name: 'Horizont'})")
    for n, at in enumerate([old, old, old - timedelta(days=1), recent, now]):
        raw_rows(store, f"MATCH (a:Actor {{uid: 'a-1'}}) CREATE (:Change {{uid: 'c-{n}', at: '{iso(at)}', "
                        f"action: 'update', by: 'Test'}})-[:OF]->(a)")
    # login throttles and registration rate limits: one stale each, one in its window each
    day_ago = now - timedelta(days=2)
    raw_rows(store, f"CREATE (:LoginThrottle {{key: 'l-old', failures: [{millis(day_ago)}, {millis(day_ago) + 5}]}}), "
                    f"(:LoginThrottle {{key: 'l-new', failures: [{millis(day_ago)}, {millis(now - timedelta(minutes=1))}]}}), "
                    f"(:RateLimit {{key: 'r-old', hits: [{millis(day_ago)}]}}), "
                    f"(:RateLimit {{key: 'r-new', hits: [{millis(now)}]}})")
    # outbox: sent 40 days ago (goes), sent 5 days ago (stays), pending and old (stays)
    raw_rows(store, f"CREATE (:Message {{uid: 'm-1', status: 'sent', sent_at: '{iso(now - timedelta(days=40))}'}}), "
                    f"(:Message {{uid: 'm-2', status: 'sent', sent_at: '{iso(now - timedelta(days=5))}'}}), "
                    f"(:Message {{uid: 'm-3', status: 'pending', created_at: '{iso(old)}'}})")
    # audit entries: 2 over a year old, 1 recent
    audit.record_many(store, "u-1", [audit.Entry("view", "person", "p-1", "contacts")] * 2,
                      at=iso(now - timedelta(days=400)))
    audit.record(store, "u-1", "view", "person", "p-1", "contacts", at=iso(recent))
    # import stashes: one two days old, one fresh
    stash = tmp_path / "imports"
    stash.mkdir(exist_ok=True)
    for name, age in (("alt.bin", 2 * 86400), ("neu.bin", 60)):
        (stash / name).write_bytes(b"x")
        os.utime(stash / name, (time.time() - age, time.time() - age))


EXPECTED = {"participants": 1, "history": 3, "login_throttle": 2, "import_stash": 1, "outbox": 1, "audit": 2}


def test_each_kind_over_its_period_goes_and_the_rest_stays(app, store, tmp_path):
    now = datetime.now().replace(microsecond=0)
    build(app, store, tmp_path, now)
    preview = run(store, tmp_path, now=now, days=periods({}))
    assert {r["key"]: r["count"] for r in preview} == EXPECTED
    assert [r["key"] for r in preview] == [k.key for k in KINDS]
    assert preview[0]["events"][0]["uid"] == "old"
    # the preview changed nothing
    assert count(store, "Change") == 5 and count(store, "AuditEntry") == 3 and count(store, "Message", "WHERE n.uid STARTS WITH 'm-'") == 3
    assert len(list((tmp_path / "imports").iterdir())) == 2

    applied = run(store, tmp_path, now=now, days=periods({}), apply=True)
    assert {r["key"]: r["count"] for r in applied} == EXPECTED
    assert raw_rows(store, "MATCH (c:Change) RETURN c.uid AS uid ORDER BY uid") == [{"uid": "c-3"}, {"uid": "c-4"}]
    assert count(store, "Actor") == 1  # the entry stays, only old history goes
    assert raw_rows(store, "MATCH (t:LoginThrottle) RETURN t.key AS key") == [{"key": "l-new"}]
    assert raw_rows(store, "MATCH (t:RateLimit) WHERE t.key STARTS WITH 'r-' RETURN t.key AS key") == [{"key": "r-new"}]
    assert raw_rows(store, "MATCH (m:Message) WHERE m.uid STARTS WITH 'm-' RETURN m.uid AS uid ORDER BY uid") == [{"uid": "m-2"}, {"uid": "m-3"}]
    assert [r["at"] for r in audit.entries(store)["rows"]] == [iso(now - timedelta(days=3))]
    assert [p.name for p in (tmp_path / "imports").iterdir()] == ["neu.bin"]
    names = raw_rows(store, "MATCH (r:Registration)-[:FOR]->(e:Event) RETURN e.uid AS event, r.name AS name "
                            "ORDER BY event")
    assert names == [{"event": "old", "name": None}, {"event": "recent", "name": "Gast recent"}]
    # idempotent: nothing left
    assert all(r["count"] == 0 for r in run(store, tmp_path, now=now, days=periods({}), apply=True))


def test_periods_come_from_the_environment(app, store, tmp_path):
    assert periods({}) == {"participants": 90, "history": 730, "login_throttle": 1, "import_stash": 1,
                           "outbox": 30, "audit": 365}
    assert periods({"NETZWERK_RETENTION_AUDIT_DAYS": "30"})["audit"] == 30
    with pytest.raises(ValueError):
        periods({"NETZWERK_RETENTION_OUTBOX_DAYS": "-1"})
    now = datetime.now().replace(microsecond=0)
    audit.record(store, "u-1", "view", "person", "p-1", "contacts", at=iso(now - timedelta(days=40)))
    days = periods({"NETZWERK_RETENTION_AUDIT_DAYS": "30"})
    assert {r["key"]: r["count"] for r in run(store, tmp_path, now=now, days=days)}["audit"] == 1


def test_the_command_previews_then_applies_and_reports_per_kind(app, store, tmp_path, monkeypatch):
    build(app, store, tmp_path, datetime.now().replace(microsecond=0))
    monkeypatch.setattr(cli, "_app", lambda config=None: app)
    monkeypatch.setattr(store, "close", lambda: None)
    dry = CliRunner().invoke(cli.main, ["retention"])
    assert dry.exit_code == 0, dry.output
    assert "Änderungsverlauf (Frist 730 Tage): 3 Einträge fällig." in dry.output
    assert "Zugriffsprotokoll (Frist 365 Tage): 2 Einträge fällig." in dry.output
    assert "„Runde old“" in dry.output and "1 Anmeldungen würden anonymisiert" in dry.output
    assert ("Aufbewahrung, Vorschau: participants=1, history=3, login_throttle=2, import_stash=1, outbox=1, "
            "audit=2. Mit --apply") in dry.output
    assert count(store, "Change") == 5
    applied = CliRunner().invoke(cli.main, ["retention", "--apply"])
    assert applied.exit_code == 0, applied.output
    assert "Gesendete Nachrichten (Postausgang) (Frist 30 Tage): 1 Nachrichten gelöscht." in applied.output
    assert ("Aufbewahrung angewandt: participants=1, history=3, login_throttle=2, import_stash=1, outbox=1, "
            "audit=2") in applied.output
    again = CliRunner().invoke(cli.main, ["retention", "--apply"])
    assert "nichts fällig" in again.output and "history=0" in again.output
