// name: list_organiser_options
// mode: read
// params: visibilities, statuses
// returns: uid and name of the actors that organise an event the viewer may see (its visibility
//          and status among those given), in folded-name order: the organiser filter's choices,
//          not every actor of the register
MATCH (e:Event)-[:ORGANISED_BY]->(a:Actor)
WHERE e.visibility IN $visibilities AND e.status IN $statuses
RETURN DISTINCT a.uid AS uid, a.name AS name, a.name_key AS name_key
ORDER BY name_key, uid
