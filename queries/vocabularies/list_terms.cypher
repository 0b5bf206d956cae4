// name: list_terms
// mode: read
// params: none
// returns: every term admins added to a vocabulary (the built-in ones are in netzwerk/vocabularies)
MATCH (t:Term)
RETURN t.vocabulary AS vocabulary, t.code AS code, t.de AS de, t.en AS en, t.aliases AS aliases,
       t.created_at AS created_at, t.created_by AS created_by
ORDER BY vocabulary, code
