// name: delete_term
// mode: write
// params: vocabulary, code
// returns: the number of terms deleted (0 or 1)
MATCH (t:Term {vocabulary: $vocabulary, code: $code})
DELETE t
RETURN count(*) AS deleted
