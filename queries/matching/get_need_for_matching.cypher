// name: get_need_for_matching
// mode: read
// params: need
// returns: at most one row: the need's uid, name, status and what matching compares (field,
//          target_group, language, weekdays, time_of_day, free_of_charge, version), the uids of the
//          offers it is already MET_BY; its version (for the decision forms)
MATCH (n:Need {uid: $need})
OPTIONAL MATCH (n)-[:MET_BY]->(o:Offer)
WITH n, o
ORDER BY o.uid
WITH n, collect(o.uid) AS met_by
RETURN n.uid AS uid, n.name AS name, n.status AS status, n.field AS field,
       n.target_group AS target_group, n.language AS language, n.weekdays AS weekdays,
       n.time_of_day AS time_of_day, n.free_of_charge AS free_of_charge, n.version AS version, met_by
