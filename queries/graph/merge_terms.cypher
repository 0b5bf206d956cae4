// name: merge_terms
// mode: write
// params: terms, now, by
// returns: nothing; the added terms of a loaded export, each created unless this instance has
//          its code already (then its labels stay as this instance's admins chose them)
UNWIND $terms AS term
MERGE (t:Term {vocabulary: term.vocabulary, code: term.code})
ON CREATE SET t.de = term.de, t.en = term.en, t.aliases = term.aliases,
              t.created_at = $now, t.created_by = $by, t.updated_at = $now, t.updated_by = $by
