// name: count_term_uses
// mode: read
// cache: no (asked right before a deletion)
// params: code, list_properties, scalar_properties
// returns: how many register entries hold the code in one of the vocabulary's properties
MATCH (n:Entry)
WHERE any(p IN $list_properties WHERE $code IN coalesce(n[p], []))
   OR any(p IN $scalar_properties WHERE n[p] = $code)
RETURN count(n) AS uses
