"""Access, route by route: every URL rule of the app as anonymous, member, organiser,
coordinator and admin, against the table in netzwerk/auth/route_access.py (issue 11).

One app and one seeded graph per engine for the whole module (tests/web/access_world.py); the
URL parameters are real demo objects: an actor, a person with contact details, a public event
the organiser organises and an internal one they do not, its registrations, a personal link.
"""
import pytest

from netzwerk.auth.route_access import OK, ROLES, ROUTE_ACCESS

from .access_world import build_world, cases, fingerprint

WRITES = {"POST", "PUT", "PATCH", "DELETE"}


@pytest.fixture(scope="module")
def world(database, catalog, tmp_path_factory):
    world = build_world(database, catalog, tmp_path_factory.mktemp("access"))
    yield world
    world.store.delete_graph()
    world.store.close()


def _expected(cell, variant):
    if isinstance(cell, tuple):
        return cell[0] if variant != "other" else cell[1]
    return cell


def _request(world, case, role, method):
    client = world.clients[role]
    if case.endpoint.startswith("api."):
        # the API reads only the key: a fresh client, no session cookie
        headers = {"Authorization": f"Bearer {world.tokens[role]}"} if world.tokens[role] else {}
        body = {} if method in WRITES else None
        return world.app.test_client().open(case.url, method=method, headers=headers, json=body)
    if method == "GET":
        return client.get(case.url)
    return client.open(case.url, method=method, data={"csrf_token": world.csrf(role)})


def test_every_rule_has_a_row(world):
    endpoints = {rule.endpoint for rule in world.app.url_map.iter_rules()}
    missing = sorted(endpoints - set(ROUTE_ACCESS))
    assert not missing, ("URL rules without a row in netzwerk/auth/route_access.py (say who may call "
                         "them, per role): " + ", ".join(missing))
    stale = sorted(set(ROUTE_ACCESS) - endpoints)
    assert not stale, "rows for rules the app no longer has: " + ", ".join(stale)


def test_every_route_answers_each_role_as_the_table_says(world):
    """GET for every rule that reads; for every rule that writes, a write with a valid CSRF
    token by each role the table refuses, which must be refused and change nothing."""
    wrong = []
    before = fingerprint(world.store)
    for case in cases(world):
        row = ROUTE_ACCESS.get(case.endpoint)
        if row is None:
            continue  # test_every_rule_has_a_row names it
        for role, cell in zip(ROLES, row):
            expected = _expected(cell, case.variant)
            if expected == OK:
                continue
            if "GET" in case.methods:
                response = _request(world, case, role, "GET")
                if response.status_code != expected:
                    wrong.append(f"{role} GET {case.url} ({case.id}): {response.status_code}, table says {expected}")
            writes = [m for m in case.methods if m in WRITES]
            if writes and (expected in (302, 401, 403, 404) if "GET" in case.methods else True):
                if "GET" in case.methods and expected == 302 and role != "anonymous":
                    continue  # a signed-in redirect (the login page) is no refusal
                method = writes[0]
                response = _request(world, case, role, method)
                if response.status_code != expected:
                    wrong.append(f"{role} {method} {case.url} ({case.id}): {response.status_code}, "
                                 f"table says {expected}")
    assert not wrong, f"{len(wrong)} answers differ from netzwerk/auth/route_access.py:\n" + "\n".join(wrong)
    assert fingerprint(world.store) == before, "a refused request changed the graph"


def test_anonymous_writes_without_a_csrf_token_are_refused(world):
    """Every form route that writes refuses a POST without the CSRF token (400), before any
    role check: a page elsewhere cannot make a signed-in browser write."""
    before = fingerprint(world.store)
    wrong = []
    for case in cases(world):
        if case.endpoint.startswith("api.") or "POST" not in case.methods or case.endpoint == "static":
            continue
        for role in ("anonymous", "admin"):
            response = world.clients[role].post(case.url, data={})
            if response.status_code != 400:
                wrong.append(f"{role} POST {case.url} without a CSRF token: {response.status_code}")
    assert not wrong, "\n".join(wrong)
    assert fingerprint(world.store) == before


def test_the_api_ignores_the_session_cookie(world):
    """A signed-in browser's cookie does not authenticate the API: no CSRF needed there."""
    for case in cases(world):
        if case.endpoint.startswith("api.") and case.endpoint != "api.openapi" and "GET" in case.methods:
            assert world.clients["admin"].get(case.url).status_code == 401, case.url


# --- per-object rules: what members and organisers never see ------------------------------------
import io          # noqa: E402
import re          # noqa: E402
import zipfile     # noqa: E402
from urllib.parse import urlsplit  # noqa: E402

from netzwerk.register.model import KINDS  # noqa: E402

from .access_world import (CONTACTS, KNOWS_CONTEXT, KNOWS_PAIR, OTHER_EVENT, OTHER_PARTICIPANT,  # noqa: E402
                           OWN_EVENT, OWN_PARTICIPANT, person_uid)

HREF = re.compile(r'(?:href|src|data-[a-z-]+)="(/[^"#]*)"')
# no crawl into what writes, signs out or only repeats a page with another order or page number
NOT_FOLLOWED = re.compile(r"/abmelden$|/[0-9a-f-]{36}/export\.(?:gexf|graphml)$|/openapi\.json$|/loeschen$|/entfernen$|/static/|[?&](?:sort|order|desc|seite|page)=")


def _contact_markers():
    markers = {}
    for key, values in CONTACTS.items():
        for value in values:
            markers[value] = f"contact detail of {key}"
    markers[KNOWS_CONTEXT] = "the context of a KNOWS link"
    markers["KNOWS"] = "the KNOWS link type"
    markers["kennt (Personen)"] = "the KNOWS section of a person's page"
    markers["Verbindung „kennt“"] = "a KNOWS change in the history"
    return markers


def _text(response):
    """What a reader of the answer gets: the text of pages, JSON, CSV, XLSX cells, PDF pages."""
    data = response.get_data()
    kind = response.mimetype or ""
    if kind == "application/pdf":
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
        try:
            return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
        except PdfReadError:  # an uploaded file need not be a whole PDF: its bytes, as they are
            return data.decode("latin-1")
    if "spreadsheetml" in kind or data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    text = data.decode("utf-8", "replace")
    if kind == "text/html":  # and as read on the screen, without the tags between words
        text += "\n" + re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text))
    return text


def _extra_urls(world):
    """Exports, search, type-ahead and API answers a crawl of links would not reach."""
    urls = []
    for kind in ("akteure", "personen", "angebote", "stadtteile", "runde-tische", "bedarfe"):
        urls += [f"/{kind}?format=csv", f"/{kind}?format=xlsx", f"/{kind}?q=Team"]
        urls.append(f"/{kind}/vorschlaege?q=Team")
    for name in ("Horizont", "Team", "Kontakt", "example", "555", "Einwilligung", "Kaffeekränzchen"):
        urls += [f"/suche?q={name}", f"/netzwerk/namen?q={name}", f"/personen?q={name}"]
    urls += ["/netzwerk/export.csv", "/netzwerk/export.graphml", "/netzwerk/export.gexf",
             "/netzwerk?typen=people", "/luecken/matrix?format=csv", "/luecken/matrix?format=xlsx"]
    for key in CONTACTS:
        uid = person_uid(key)
        urls += [f"/personen/{uid}", f"/netzwerk/personen/{uid}", f"/netzwerk/umfeld/{uid}",
                 f"/netzwerk/personen/{uid}/export.csv", f"/netzwerk/personen/{uid}/export.graphml",
                 f"/netzwerk/personen/{uid}/export.gexf", f"/netzwerk/personen/{uid}?tiefe=3"]
    a, b = (person_uid(k) for k in KNOWS_PAIR)
    urls += [f"/personen/{a}", f"/personen/{b}",
             f"/netzwerk/wege?von=A&von_uid={a}&nach=B&nach_uid={b}",
             f"/netzwerk/wege?von=A&von_uid={a}&nach=B&nach_uid={person_uid('team-lw-eving')}"]
    for event in (OWN_EVENT, OTHER_EVENT):
        urls += [f"/veranstaltungen/{event}", f"/veranstaltungen/{event}/teilnehmende",
                 f"/veranstaltungen/{event}/teilnehmende?format=csv",
                 f"/veranstaltungen/{event}/teilnehmende?format=xlsx",
                 f"/veranstaltungen/{event}/namensschilder.pdf",
                 f"/veranstaltungen/{event}/unterschriftenliste.pdf",
                 f"/veranstaltungen/{event}/postausgang", f"/veranstaltungen/{event}/einlass",
                 f"/veranstaltungen/{event}/einladungen/netzwerk",
                 f"/veranstaltungen/{event}/teilnehmende/{world.objects['registrations'][event]}/daten"]
    return urls


def _api_urls(world):
    urls = [f"/api/v1/{key}" for key in KINDS if key != "events"]
    urls += [f"/api/v1/people/{person_uid(key)}" for key in list(CONTACTS) + list(KNOWS_PAIR)]
    urls += ["/api/v1/people?q=Team&per_page=100", "/api/v1/network/view?types=people",
             "/api/v1/network/view", "/api/v1/network/measures", "/api/v1/events"]
    a, b = (person_uid(k) for k in KNOWS_PAIR)
    urls += [f"/api/v1/network/view/people/{a}?depth=3", f"/api/v1/network/paths?from={a}&to={b}"]
    for event in (OWN_EVENT, OTHER_EVENT):
        urls += [f"/api/v1/events/{event}/registrations",
                 f"/api/v1/events/{event}/registrations/{world.objects['registrations'][event]}"]
    return urls


UID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
PER_SHAPE = 3


def crawl(world, role, limit=600):
    """Every page the role reaches by following links from the start page, plus the exports,
    searches and API answers above: {url: text} of the answers with status 200."""
    client = world.clients[role]
    extras = _extra_urls(world)
    seen, answers, per_shape = set(), {}, {}
    queue = ["/"] + extras
    while queue and len(seen) < limit:
        url = queue.pop(0)
        key = url if url in extras else urlsplit(url).path
        if key in seen:
            continue
        seen.add(key)
        if url not in extras:
            # a few pages of each shape (/akteure/<uid>, ...): the rest say the same of other entries
            shape = UID.sub("<uid>", key)
            per_shape[shape] = per_shape.get(shape, 0) + 1
            if per_shape[shape] > PER_SHAPE:
                continue
        response = client.get(url)
        if response.status_code != 200:
            continue
        text = _text(response)
        answers[url] = text
        if (response.mimetype or "").startswith("text/html"):
            queue += [u.replace("&amp;", "&") for u in HREF.findall(text) if not NOT_FOLLOWED.search(u)]
    api = world.app.test_client()
    for url in _api_urls(world):
        response = api.get(url, headers={"Authorization": f"Bearer {world.tokens[role]}"})
        if response.status_code == 200:
            answers["API " + url] = response.get_data(as_text=True)
    return answers


def _found(answers, markers):
    return sorted({f"{what} ({marker!r}) in {url}" for url, text in answers.items()
                   for marker, what in markers.items() if marker in text})


@pytest.fixture(scope="module")
def crawls(world):
    return {role: crawl(world, role) for role in ("member", "organiser", "coordinator")}


def test_the_crawl_reaches_the_contacts_where_they_may_be_seen(crawls):
    """The control: a coordinator's crawl finds every marker, so their absence below means
    something; and it reached many pages."""
    coordinator = crawls["coordinator"]
    assert len(coordinator) > 100
    missing = set(_contact_markers()) - {m for text in coordinator.values() for m in _contact_markers() if m in text}
    assert not missing, f"the coordinator's crawl never met {missing}: the markers prove nothing"
    assert any(OTHER_PARTICIPANT[1] in text for text in coordinator.values())


@pytest.mark.parametrize("role", ["member", "organiser"])
def test_no_contact_details_or_knows_in_anything_a_member_or_organiser_reads(crawls, role):
    answers = crawls[role]
    assert len(answers) > 100, f"the {role}'s crawl reached only {len(answers)} answers"
    leaks = _found(answers, _contact_markers())
    assert not leaks, f"{role} reads what only coordinators may:\n" + "\n".join(leaks)


def test_members_see_no_participants(crawls):
    leaks = _found(crawls["member"], {OWN_PARTICIPANT[1]: "a participant's e-mail",
                                      OTHER_PARTICIPANT[1]: "a participant's e-mail",
                                      OWN_PARTICIPANT[0]: "a participant's name",
                                      OTHER_PARTICIPANT[0]: "a participant's name"})
    assert not leaks, "\n".join(leaks)


def test_an_organiser_sees_the_participants_of_their_own_events_only(crawls):
    answers = crawls["organiser"]
    # their outbox holds an invitation to a register person: read, and without the address
    assert f"/veranstaltungen/{OWN_EVENT}/postausgang" in answers
    own = [url for url, text in answers.items() if OWN_PARTICIPANT[1] in text]
    assert any("/teilnehmende" in url for url in own), "the organiser does not see their own participants"
    assert any(url.startswith("API ") for url in own), "nor through the API"
    leaks = _found(answers, {OTHER_PARTICIPANT[1]: "another event's participant's e-mail",
                             OTHER_PARTICIPANT[0]: "another event's participant's name"})
    assert not leaks, "\n".join(leaks)
