// name: count_open_needs_by_day
// mode: read
// params: none
// returns: the open needs grouped by the day they were reported (reported_at, else the day they
//          were entered): since (YYYY-MM-DD) and how many; oldest first
MATCH (n:Need)
WHERE n.status = 'open'
RETURN substring(coalesce(n.reported_at, n.created_at), 0, 10) AS since, count(n) AS needs
ORDER BY since
