// name: list_text_values
// mode: read
// params: label, property
// returns: the distinct values of a text property (e.g. a need's language) over a kind, for filters
MATCH (n:Entry)
WHERE $label IN labels(n) AND n[$property] IS NOT NULL
RETURN DISTINCT n[$property] AS value
ORDER BY value
