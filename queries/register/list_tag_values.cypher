// name: list_tag_values
// mode: read
// params: label, property
// returns: the distinct values of a list property (e.g. languages) over a kind, for filters
MATCH (n:Entry)
WHERE $label IN labels(n)
UNWIND coalesce(n[$property], []) AS value
RETURN DISTINCT value
ORDER BY value
