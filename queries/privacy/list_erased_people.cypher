// name: list_erased_people
// mode: read
// params: uids
// returns: the erased people (erased_at set) among $uids, with their placeholder name: an import
//          check names them by uid, never by a name they once had
// cache: no (an import check reads what is there now)
MATCH (p:Person)
WHERE p.uid IN $uids AND p.erased_at IS NOT NULL
RETURN p.uid AS uid, p.name AS name, p.erased_at AS erased_at
ORDER BY uid
