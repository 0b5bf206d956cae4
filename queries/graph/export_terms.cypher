// name: export_terms
// mode: read
// params: none
// returns: every term admins added to a vocabulary (vocabulary, code, de, en, aliases), by
//          vocabulary and code: an export's entries may use their codes
MATCH (t:Term)
RETURN t.vocabulary AS vocabulary, t.code AS code, t.de AS de, coalesce(t.en, '') AS en,
       coalesce(t.aliases, []) AS aliases
ORDER BY vocabulary, code
