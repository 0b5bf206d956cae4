// name: create_term
// mode: write
// params: vocabulary, code, de, en, aliases, now, by
// returns: one row; a second term with the same vocabulary and code breaks the constraint
CREATE (t:Term {vocabulary: $vocabulary, code: $code, de: $de, en: $en, aliases: $aliases,
                created_at: $now, created_by: $by, updated_at: $now, updated_by: $by})
RETURN t.code AS code
