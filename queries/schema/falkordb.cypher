// Schema for FalkorDB: unique uids per label, and the indexes the queries need.
// FalkorDB needs an exact-match index before a unique constraint, and creates
// constraints with the GRAPH.CONSTRAINT command ({graph} is filled in by the store).
// Applied at start-up; "already indexed" and "already exists" count as done.
CREATE INDEX FOR (n:Actor) ON (n.uid);
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE Actor PROPERTIES 1 uid;
CREATE INDEX FOR (n:Person) ON (n.uid);
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE Person PROPERTIES 1 uid;
CREATE INDEX FOR (n:Offer) ON (n.uid);
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE Offer PROPERTIES 1 uid;
CREATE INDEX FOR (n:District) ON (n.uid);
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE District PROPERTIES 1 uid;
CREATE INDEX FOR (n:RoundTable) ON (n.uid);
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE RoundTable PROPERTIES 1 uid;
CREATE INDEX FOR (n:Event) ON (n.uid);
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE Event PROPERTIES 1 uid;
CREATE INDEX FOR (n:Series) ON (n.uid);
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE Series PROPERTIES 1 uid;
CREATE INDEX FOR (n:Attachment) ON (n.uid);
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE Attachment PROPERTIES 1 uid;
CREATE INDEX FOR (n:Registration) ON (n.uid);
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE Registration PROPERTIES 1 uid;
CREATE INDEX FOR (n:Need) ON (n.uid);
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE Need PROPERTIES 1 uid;
CREATE INDEX FOR (n:User) ON (n.uid);
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE User PROPERTIES 1 uid;
CREATE INDEX FOR (n:User) ON (n.email);
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE User PROPERTIES 1 email;
CREATE INDEX FOR (n:LoginThrottle) ON (n.key);
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE LoginThrottle PROPERTIES 1 key;
CREATE INDEX FOR (n:Event) ON (n.starts_at);
CREATE INDEX FOR (n:Offer) ON (n.status);
CREATE INDEX FOR (n:Need) ON (n.status);
CREATE INDEX FOR (n:Entry) ON (n.uid);
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE Entry PROPERTIES 1 uid;
CREATE INDEX FOR (n:Change) ON (n.uid);
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE Change PROPERTIES 1 uid;
CREATE INDEX FOR (n:ApiToken) ON (n.hash);
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE ApiToken PROPERTIES 1 hash;
CREATE INDEX FOR (n:Entry) ON (n.name_key);
// the type-ahead looks names up by their first two characters (equality: string ranges answer wrongly)
CREATE INDEX FOR (n:Entry) ON (n.name_start);
// registrations and their outbox (issue 8)
CREATE INDEX FOR (n:RegistrationLink) ON (n.hash);
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE RegistrationLink PROPERTIES 1 hash;
CREATE INDEX FOR (n:Message) ON (n.uid);
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE Message PROPERTIES 1 uid;
CREATE INDEX FOR (n:Message) ON (n.status);
CREATE INDEX FOR (n:Message) ON (n.event_uid);
CREATE INDEX FOR (n:Invitation) ON (n.uid);
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE Invitation PROPERTIES 1 uid;
CREATE INDEX FOR (n:Invitation) ON (n.token_hash);
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE Invitation PROPERTIES 1 token_hash;
CREATE INDEX FOR (n:RateLimit) ON (n.key);
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE RateLimit PROPERTIES 1 key;
CREATE INDEX FOR (n:Outbox) ON (n.key);
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE Outbox PROPERTIES 1 key;
CREATE INDEX FOR (n:Term) ON (n.vocabulary, n.code);
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE Term PROPERTIES 2 vocabulary code;
// the lean registration: duplicates found by index, not by walking the event's registrations
CREATE INDEX FOR (n:Registration) ON (n.form_token);
CREATE INDEX FOR (n:Registration) ON (n.email_key);
// network insight (issue 10): the latest change (the analysis's change marker); dismissed
// introductions per account
CREATE INDEX FOR (n:Change) ON (n.at);
CREATE INDEX FOR (n:DismissedIntroduction) ON (n.user);
// the audit log (issue 11): the admin page filters by subject and user. No index on `at`:
// FalkorDB 4.16 answered `a.at < '2026-03-20T00:00:00'` with every entry once a range index
// held the ISO strings (without the index: right), and retention deletes by that comparison
CREATE INDEX FOR (n:AuditEntry) ON (n.subject_uid);
CREATE INDEX FOR (n:AuditEntry) ON (n.user_uid);
CREATE INDEX FOR (n:Consent) ON (n.uid);
// restore of a backup (netzwerk restore): the ends of each relationship found by index
CREATE INDEX FOR (n:Restored) ON (n.restore_ref);
// idempotency keys and one-time form tokens (netzwerk/submissions): one node per key hash
CREATE INDEX FOR (n:Submission) ON (n.key);
GRAPH.CONSTRAINT CREATE {graph} UNIQUE NODE Submission PROPERTIES 1 key;
CREATE INDEX FOR (n:Submission) ON (n.at);
