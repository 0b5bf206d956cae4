// name: count_erased_people
// mode: read
// params: none
// returns: one row: how many people have been erased (the CSV import's notice)
// cache: no (an import check reads what is there now)
MATCH (p:Person)
WHERE p.erased_at IS NOT NULL
RETURN count(p) AS erased
