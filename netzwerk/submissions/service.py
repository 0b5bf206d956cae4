"""One-time keys for submissions that create: API Idempotency-Key headers and form tokens.

A key is stored hashed, scoped to the account and the route, as a `Submission` node: the first
request claims it (MERGE under a uniqueness constraint, so two concurrent retries cannot both
claim), and its answer is kept with it; a retry gets that answer and creates nothing. A request
that saved nothing releases its claim, so the same key may run again. Keys expire after
`ttl_hours` and are deleted on the next claim (`submissions/delete_stale_submissions`).
"""
import hashlib
import secrets
import time
from dataclasses import dataclass

from ..clock import now_iso


def key_hash(scope, key):
    return hashlib.sha256(f"{scope}\0{key}".encode()).hexdigest()


def request_hash(body):
    return hashlib.sha256(body).hexdigest()


@dataclass
class Claim:
    key: str          # the hash stored
    claim: str        # this request's claim id
    mine: bool        # this request runs; else `first` is what the first one left
    same_request: bool
    state: str        # "pending" (first request not answered yet, or its outcome unknown) or "done"
    at: str
    status: int = None
    body: str = None
    location: str = None


class Submissions:
    def __init__(self, store, ttl_hours=24):
        self.store = store
        self.ttl_seconds = int(ttl_hours * 3600)

    def claim(self, scope, key, request):
        hashed = key_hash(scope, key)
        claim = secrets.token_hex(8)
        before = time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(time.time() - self.ttl_seconds))
        self.store.write("submissions/delete_stale_submissions", before=before)
        row = self.store.write("submissions/claim_submission", key=hashed, claim=claim,
                               request=request, now=now_iso())[0]
        return Claim(key=hashed, claim=claim, mine=bool(row["mine"]),
                     same_request=row["request"] == request, state=row["state"], at=row["at"],
                     status=row["status"], body=row["body"], location=row["location"])

    def complete(self, claim, status, body=None, location=None):
        self.store.write("submissions/complete_submission", key=claim.key, claim=claim.claim,
                         status=status, body=body, location=location)

    def release(self, claim):
        self.store.write("submissions/release_submission", key=claim.key, claim=claim.claim)

    @staticmethod
    def age_seconds(claim):
        return time.time() - time.mktime(time.strptime(claim.at, "%Y-%m-%dT%H:%M:%S"))
