// name: count_created_by_month
// mode: read
// params: none
// returns: how many entries were created per month (YYYY-MM of created_at), per series: actors
//          ('actors', status ''), offers by their status ('offers'), needs by their status and the
//          month they were reported (reported_at, else created_at) ('needs'); unordered (UNION ALL)
MATCH (n:Actor)
RETURN 'actors' AS series, substring(n.created_at, 0, 7) AS month, '' AS status, count(n) AS created
UNION ALL
MATCH (n:Offer)
RETURN 'offers' AS series, substring(n.created_at, 0, 7) AS month, coalesce(n.status, 'active') AS status,
       count(n) AS created
UNION ALL
MATCH (n:Need)
RETURN 'needs' AS series, substring(coalesce(n.reported_at, n.created_at), 0, 7) AS month,
       coalesce(n.status, 'open') AS status, count(n) AS created
