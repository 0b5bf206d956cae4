// name: update_term
// mode: write
// params: vocabulary, code, de, en, aliases, now, by
// returns: one row if the term exists; its code never changes (entries store the code)
MATCH (t:Term {vocabulary: $vocabulary, code: $code})
SET t.de = $de, t.en = $en, t.aliases = $aliases, t.updated_at = $now, t.updated_by = $by
RETURN t.code AS code
