// name: count_expired_changes
// mode: read
// cache: no (the cutoff moves with every run)
// params: before
// returns: one row: the history entries (Change) made before $before (ISO timestamp). toString()
//          keeps FalkorDB off its index on Change.at, which answers `<` on strings wrongly
MATCH (c:Change)
WHERE toString(c.at) < $before
RETURN count(c) AS due
