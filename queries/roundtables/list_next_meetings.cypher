// name: list_next_meetings
// mode: read
// params: round_table, now, limit
// returns: the next published network or round-table meetings organised by a member of the
//          round table, starting at or after `now`: uid, name, starts_at, ends_at, venue, address;
//          soonest first
MATCH (:RoundTable {uid: $round_table})<-[:MEMBER_OF]-(:Actor)<-[:ORGANISED_BY]-(e:Event)
WHERE e.kind IN ['round table meeting', 'network meeting'] AND e.status = 'published' AND e.starts_at >= $now
RETURN DISTINCT e.uid AS uid, e.name AS name, e.starts_at AS starts_at, e.ends_at AS ends_at,
       e.venue AS venue, e.address AS address
ORDER BY starts_at, uid
LIMIT $limit
