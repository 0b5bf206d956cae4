"""The demo data with what the access tests look for: one app and one seeded graph per engine,
a signed-in client and an API key per role, and every URL rule of the app filled with real
objects (tests/web/test_route_access.py, tests/web/test_member_privacy.py)."""
import io
import json
import re
from dataclasses import dataclass, field

from netzwerk import create_app
from netzwerk.auth.route_access import ROLES
from netzwerk.config import PROJECT_ROOT, TestConfig
from netzwerk.network.graph import NETWORK_KINDS
from netzwerk.register import PAGE_KINDS
from netzwerk.register.imports import IMPORT_KINDS
from netzwerk.register.model import KINDS, LINKS
from netzwerk.seeding import load_seed
from netzwerk.text import seed_uid

from ..conftest import PASSWORD, Browserless, csrf_token, raw_rows

NOW = "2026-01-01T00:00:00"
# contact details given to demo people: no page, view, export or API answer a member reads
# may contain them (the demo data has none of its own: the documents name no one's address)
CONTACTS = {
    "team-horizont": ("horizont.team@kontakt.example.net", "+49 4221 555 0171", "Einwilligung-Horizont-0171"),
    "team-schulsozialarbeit": ("schulsozialarbeit@kontakt.example.net", "+49 4221 555 0172",
                               "Einwilligung-Schule-0172"),
    "team-lw-eving": ("lw.eving@kontakt.example.net", "+49 231 555 0173", "Einwilligung-Eving-0173"),
}
# a KNOWS link with a context found nowhere else: its words mark the link in any answer
KNOWS_CONTEXT = "Kennt-Sich-Vom-Geheimen-Kaffeekränzchen"
KNOWS_PAIR = ("team-lw-hoerde", "team-lw-brackel")
# participants: those of the organiser's event, and of an event they do not organise
OWN_PARTICIPANT = ("Paula Teilnehmerin", "paula.teilnehmerin@anmeldung.example.net")
OTHER_PARTICIPANT = ("Otto Fremdveranstaltung", "otto.fremd@anmeldung.example.net")

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
OWN_EVENT = seed_uid("Event", "expertinnenrunde-demo")    # public, registration open
OTHER_EVENT = seed_uid("Event", "lw-netzwerktreffen-2027")  # internal, organised by nobody here


def person_uid(key):
    return seed_uid("Person", key)


@dataclass
class World:
    app: object
    store: object
    clients: dict          # role -> test client (anonymous: signed out)
    tokens: dict           # role -> API key (anonymous: none)
    users: dict            # role -> user uid
    objects: dict = field(default_factory=dict)

    def csrf(self, role):
        """A CSRF token of this role's session (the login form for the anonymous)."""
        path = "/anmelden" if role == "anonymous" else "/passwort"
        return csrf_token(self.clients[role].get(path).get_data(as_text=True))


def _first_uid(store, label):
    rows = raw_rows(store, f"MATCH (n:{label}) RETURN n.uid AS uid ORDER BY n.uid LIMIT 1")
    return rows[0]["uid"] if rows else None


def build_world(database, catalog, tmp_path):
    store = database.open_empty_store(catalog, query_timeout=60)
    load_seed(store, PROJECT_ROOT / "seed", NOW)
    app = create_app(TestConfig(tmp_path), store=store)
    accounts = app.extensions["netzwerk.accounts"]
    register = app.extensions["netzwerk.register"]
    registrations = app.extensions["netzwerk.registrations"]

    people = KINDS["people"]
    for key, (email, phone, note) in CONTACTS.items():
        entry = register.get(people, person_uid(key), with_private=True)
        values = {f.name: entry.get(f.name) for f in people.fields}
        values.update(email=email, phone=phone, consent_note=note)
        register.update(people, person_uid(key), entry["version"], values, by="Test")
    knows = next(link for link in LINKS if link.type == "KNOWS")
    register.add_link(knows, person_uid(KNOWS_PAIR[0]), person_uid(KNOWS_PAIR[1]),
                      {"context": KNOWS_CONTEXT, "since": "2019"}, by="Test")

    users, tokens, clients = {}, {}, {}
    for role in ROLES[1:]:
        email = f"{role}@example.org"
        users[role] = accounts.create_user(email, f"Test {role}", role, PASSWORD)
        user, _ = accounts.authenticate(email, PASSWORD, "127.0.0.1")
        tokens[role] = accounts.create_token(user, f"Test {role}")
    registrations.add_organiser(OWN_EVENT, "organiser@example.org")
    # someone else's key and a second organiser of both events: what the refused requests aim at
    other = accounts.create_user("andere@example.org", "Andere Organisation", "organiser", PASSWORD)
    other_user, _ = accounts.authenticate("andere@example.org", PASSWORD, "127.0.0.1")
    accounts.create_token(other_user, "Fremder Schlüssel")
    for event in (OWN_EVENT, OTHER_EVENT):
        registrations.add_organiser(event, "andere@example.org")

    tokens_by_registration = {}
    for event, (name, email) in ((OWN_EVENT, OWN_PARTICIPANT), (OTHER_EVENT, OTHER_PARTICIPANT)):
        links = []
        outcome = registrations.register(event, name=name, email=email, answers={}, language="de",
                                         form_token=f"form-{event}", link_for=links.append, manual=True,
                                         by="Test", network_consent=True)
        tokens_by_registration[event] = (outcome.uid, links[0])

    # a file on each event: the public event's for everyone, the internal one's for readers only
    events = app.extensions["netzwerk.events"]
    files = {}
    for event in (OWN_EVENT, OTHER_EVENT):
        events.add_attachment(event, "programm.pdf", io.BytesIO(PDF), "Test")
        files[event] = events.attachments(event)[0]["uid"]

    # an invitation from the network to a person with contact details: its outbox message goes
    # to an address organisers must not read
    with app.test_request_context():
        registrations.invite_people(OWN_EVENT, [person_uid("team-horizont")], lambda token: f"/e/{token}", "Test")

    for role in ROLES:
        client = app.test_client()
        if role != "anonymous":
            response = Browserless(client).login(f"{role}@example.org")
            assert response.status_code == 302, f"{role} could not sign in"
        clients[role] = client
    world = World(app, store, clients, {"anonymous": None, **tokens}, {"anonymous": None, **users})
    world.objects = _objects(store, other, tokens_by_registration)
    world.objects["files"] = files
    return world


def _objects(store, other, tokens_by_registration):
    """Real objects for the URL parameters."""
    entries = {key: _first_uid(store, KINDS[key].label) for key in KINDS}
    entries["people"] = person_uid(KNOWS_PAIR[0])
    entries["actors"] = seed_uid("Actor", "lw-eving-scharnhorst")
    message = raw_rows(store, f"MATCH (m:Message)-[]-(:Registration)-[:FOR]->(:Event {{uid: '{OWN_EVENT}'}}) "
                              "RETURN m.uid AS uid LIMIT 1")
    token_rows = raw_rows(store, f"MATCH (:User {{uid: '{other}'}})-[]-(t:ApiToken) RETURN t.uid AS uid")
    return {
        "entries": entries,
        "events": {"own": OWN_EVENT, "other": OTHER_EVENT},
        "registrations": {OWN_EVENT: tokens_by_registration[OWN_EVENT][0],
                          OTHER_EVENT: tokens_by_registration[OTHER_EVENT][0]},
        "personal_link": tokens_by_registration[OWN_EVENT][1],
        "message": message[0]["uid"] if message else "no-message",
        "api_token": token_rows[0]["uid"] if token_rows else "no-token",
        "other_user": other,
    }


# --- every rule, filled ---------------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    endpoint: str
    methods: tuple      # the rule's methods (HEAD, OPTIONS left out)
    url: str
    variant: str = ""   # "own"/"other" event, or the kind the URL names

    @property
    def id(self):
        return f"{self.endpoint}[{self.variant}]" if self.variant else self.endpoint


def _link_index(kind_key):
    """A link of this kind, as the register's link routes number them, and its direction."""
    for index, link in enumerate(LINKS):
        if link.source == kind_key:
            return index, "out", link.target
        if link.target == kind_key:
            return index, "in", link.source
    return 0, "out", kind_key


# the question a rule answers only when asked (without it: 400 or 404 for every role)
QUERIES = {
    "api.gaps": lambda e: f"?area={seed_uid('District', 'dortmund')}&field=language",
    "api.gaps_matrix": lambda e: f"?area={seed_uid('District', 'dortmund')}",
    "api.network_paths": lambda e: f"?from={person_uid(KNOWS_PAIR[0])}&to={person_uid('team-lw-eving')}",
    "insight.paths": lambda e: (f"?von=A&von_uid={person_uid(KNOWS_PAIR[0])}"
                                f"&nach=B&nach_uid={person_uid('team-lw-eving')}"),
}


def cases(world):
    """One Case per rule, more where a rule serves several kinds or the organiser's own and
    another event: (endpoint, methods, URL)."""
    app, objects = world.app, world.objects
    entries = objects["entries"]
    token = objects["personal_link"]
    result = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: (r.rule, r.endpoint)):
        methods = tuple(sorted(rule.methods - {"HEAD", "OPTIONS"}))
        args = rule.arguments
        blueprint = rule.endpoint.split(".")[0]
        variants = [("", {})]
        if "kind" in args:
            if rule.endpoint == "register.import_template":
                kinds = list(IMPORT_KINDS)
                to_url = lambda key: key  # noqa: E731
            elif blueprint == "register":
                kinds = [k.key for k in PAGE_KINDS.values()]
                to_url = lambda key: KINDS[key].slug  # noqa: E731
            elif blueprint == "network":
                kinds = list(NETWORK_KINDS)
                to_url = lambda key: KINDS[key].slug  # noqa: E731
            elif rule.endpoint == "api.network_ego_view":
                kinds = ["actors", "people"]
                to_url = lambda key: key  # noqa: E731
            else:  # the API's register kinds (events have routes of their own)
                kinds = [k for k in KINDS if k != "events"]
                to_url = lambda key: key  # noqa: E731
            variants = [(key, {"kind": to_url(key)}) for key in kinds]
        elif "uid" in args and (rule.rule.startswith("/veranstaltungen/") or rule.rule.startswith("/api/v1/events/")):
            variants = [(which, {}) for which in ("own", "other")]
        for variant, values in variants:
            event = objects["events"].get(variant, OWN_EVENT)
            kind_key = variant if variant in KINDS else None
            for name in args:
                if name in values:
                    continue
                values[name] = _value(rule, name, kind_key, event, objects, entries, token)
            url = _build(rule, values) + QUERIES.get(rule.endpoint, lambda e: "")(entries)
            result.append(Case(rule.endpoint, methods, url, variant))
    return result


def _value(rule, name, kind_key, event, objects, entries, token):
    endpoint = rule.endpoint
    if name == "uid":
        if kind_key:
            return entries[kind_key]
        if endpoint.startswith(("events.", "registrations.", "participants.")) or endpoint in (
                "api.get_event", "api.update_event", "api.delete_event", "api.get_questions", "api.put_questions",
                "api.create_registration", "api.list_registrations", "api.get_registration",
                "api.cancel_registration", "api.check_in"):
            return event
        if endpoint.startswith("matching.") or endpoint.startswith("api.need"):
            return entries["needs"]
        if endpoint.startswith("roundtables."):
            return entries["round_tables"]
        if endpoint == "insight.neighbourhood" or endpoint.startswith(("consents.", "privacy.")):
            return entries["people"]
        if endpoint == "auth.revoke_api_token":
            return objects["api_token"]
        if endpoint == "users.update":
            return objects["other_user"]
    if name == "registration":
        return objects["registrations"][event]
    if name == "token":
        return token if endpoint.startswith("registrations.") else "kein-import"
    if name == "index":
        return _link_index(kind_key or "events")[0]
    if name == "direction":
        return _link_index(kind_key or "events")[1]
    if name == "other":
        return entries[_link_index(kind_key or "events")[2]]
    if name == "fmt":
        return {"register.import_template": "csv"}.get(endpoint, "csv")
    if name == "file_uid":
        return objects["files"][event]
    if name == "message":
        return objects["message"]
    if name == "user":
        return objects["other_user"]
    if name == "vocabulary":
        return "fields"
    if name == "code":
        return "language"
    if name == "art":
        return "person"
    if name == "filename":
        return "netzwerk.css"
    raise AssertionError(f"no value for <{name}> in {rule.rule} ({endpoint}): add one to tests/web/access_world.py")


def _build(rule, values):
    url = rule.rule
    for name, value in values.items():
        url = re.sub(rf"<(?:[a-z]+(?:\([^)]*\))?:)?{name}>", str(value), url)
    return url


def fingerprint(store):
    """Every node's labels and properties and every link, sorted: what a refused request must
    leave as it was (accounts, API keys and login records left out: sign-ins touch them; the
    audit log left out: the walk's allowed reads of personal data are recorded there; the read
    cache's write counter on Neo4j left out: those sign-ins move it)."""
    volatile = ("User", "LoginFailure", "RateLimit", "LoginThrottle", "AuditEntry", "CacheGeneration")
    nodes = raw_rows(store, "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    for row in nodes:
        row["props"].pop("last_used_at", None)  # an API key's day of last use
    links = raw_rows(store, "MATCH (a)-[r]->(b) RETURN a.uid AS a, type(r) AS type, b.uid AS b, "
                            "properties(r) AS props")
    kept = sorted(json.dumps(row, sort_keys=True, default=str) for row in nodes
                  if not set(row["labels"]) & set(volatile))
    kept_links = sorted(json.dumps(row, sort_keys=True, default=str) for row in links)
    return kept, kept_links
