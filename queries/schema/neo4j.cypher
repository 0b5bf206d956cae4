// Schema for Neo4j 5: unique uids per label, and the indexes the queries need.
// Every statement is idempotent (IF NOT EXISTS); applied at start-up.
CREATE CONSTRAINT actor_uid IF NOT EXISTS FOR (n:Actor) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT person_uid IF NOT EXISTS FOR (n:Person) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT offer_uid IF NOT EXISTS FOR (n:Offer) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT district_uid IF NOT EXISTS FOR (n:District) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT round_table_uid IF NOT EXISTS FOR (n:RoundTable) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT event_uid IF NOT EXISTS FOR (n:Event) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT series_uid IF NOT EXISTS FOR (n:Series) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT attachment_uid IF NOT EXISTS FOR (n:Attachment) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT registration_uid IF NOT EXISTS FOR (n:Registration) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT need_uid IF NOT EXISTS FOR (n:Need) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT user_uid IF NOT EXISTS FOR (n:User) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT user_email IF NOT EXISTS FOR (n:User) REQUIRE n.email IS UNIQUE;
CREATE CONSTRAINT login_throttle_key IF NOT EXISTS FOR (n:LoginThrottle) REQUIRE n.key IS UNIQUE;
CREATE INDEX event_starts_at IF NOT EXISTS FOR (n:Event) ON (n.starts_at);
CREATE INDEX offer_status IF NOT EXISTS FOR (n:Offer) ON (n.status);
CREATE INDEX need_status IF NOT EXISTS FOR (n:Need) ON (n.status);
CREATE CONSTRAINT entry_uid IF NOT EXISTS FOR (n:Entry) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT change_uid IF NOT EXISTS FOR (n:Change) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT api_token_hash IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.hash IS UNIQUE;
CREATE INDEX entry_name_key IF NOT EXISTS FOR (n:Entry) ON (n.name_key);
CREATE INDEX entry_name_start IF NOT EXISTS FOR (n:Entry) ON (n.name_start);
// registrations and their outbox (issue 8)
CREATE CONSTRAINT registration_link_hash IF NOT EXISTS FOR (n:RegistrationLink) REQUIRE n.hash IS UNIQUE;
CREATE CONSTRAINT message_uid IF NOT EXISTS FOR (n:Message) REQUIRE n.uid IS UNIQUE;
CREATE INDEX message_status IF NOT EXISTS FOR (n:Message) ON (n.status);
CREATE INDEX message_event_uid IF NOT EXISTS FOR (n:Message) ON (n.event_uid);
CREATE CONSTRAINT invitation_uid IF NOT EXISTS FOR (n:Invitation) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT invitation_token_hash IF NOT EXISTS FOR (n:Invitation) REQUIRE n.token_hash IS UNIQUE;
CREATE CONSTRAINT rate_limit_key IF NOT EXISTS FOR (n:RateLimit) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT outbox_key IF NOT EXISTS FOR (n:Outbox) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT term_vocabulary_code IF NOT EXISTS FOR (n:Term) REQUIRE (n.vocabulary, n.code) IS UNIQUE;
// the lean registration: duplicates found by index, not by walking the event's registrations
CREATE INDEX registration_form_token IF NOT EXISTS FOR (n:Registration) ON (n.form_token);
CREATE INDEX registration_email_key IF NOT EXISTS FOR (n:Registration) ON (n.email_key);
// network insight (issue 10): the latest change, read by index as the analysis's change marker;
// dismissed introductions per account
CREATE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at);
CREATE INDEX dismissed_introduction_user IF NOT EXISTS FOR (n:DismissedIntroduction) ON (n.user);
// the audit log (issue 11): the admin page filters by time, subject and user
CREATE INDEX audit_entry_at IF NOT EXISTS FOR (n:AuditEntry) ON (n.at);
CREATE INDEX audit_entry_subject_uid IF NOT EXISTS FOR (n:AuditEntry) ON (n.subject_uid);
CREATE INDEX audit_entry_user_uid IF NOT EXISTS FOR (n:AuditEntry) ON (n.user_uid);
CREATE INDEX consent_uid IF NOT EXISTS FOR (n:Consent) ON (n.uid);
// restore of a backup (netzwerk restore): the ends of each relationship found by index
CREATE INDEX restored_restore_ref IF NOT EXISTS FOR (n:Restored) ON (n.restore_ref);
// idempotency keys and one-time form tokens (netzwerk/submissions): one node per key hash
CREATE CONSTRAINT submission_key IF NOT EXISTS FOR (n:Submission) REQUIRE n.key IS UNIQUE;
CREATE INDEX submission_at IF NOT EXISTS FOR (n:Submission) ON (n.at);
CREATE CONSTRAINT cache_generation_key IF NOT EXISTS FOR (n:CacheGeneration) REQUIRE n.key IS UNIQUE;
