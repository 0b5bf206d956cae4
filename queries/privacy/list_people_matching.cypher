// name: list_people_matching
// mode: read
// params: q, email
// returns: Person entries whose folded name contains $q (when given) or whose e-mail, trimmed and in
//          lower case, is $email (when given); erased ones too (erased_at set), at most 50
// cache: no (an access request reads what is there now)
MATCH (p:Person)
WHERE ($q <> '' AND p.name_key CONTAINS $q)
   OR ($email <> '' AND toLower(trim(coalesce(p.email, ''))) = $email)
RETURN p.uid AS uid, p.name AS name, p.email AS email, p.function AS function, p.erased_at AS erased_at
ORDER BY p.name_key, p.uid
LIMIT 50
