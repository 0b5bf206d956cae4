// name: list_member_offers
// mode: read
// params: round_table
// returns: the round table's members (actors MEMBER_OF it), one row per member and offer (offer
//          columns null for a member without offers): member uid and name, offer uid, name,
//          status and fields; by member name, then offer name
MATCH (:RoundTable {uid: $round_table})<-[:MEMBER_OF]-(a:Actor)
OPTIONAL MATCH (a)-[:OFFERS]->(o:Offer)
RETURN a.uid AS member, a.name AS member_name, o.uid AS uid, o.name AS name,
       coalesce(o.status, CASE WHEN o IS NULL THEN NULL ELSE 'active' END) AS status, o.fields AS fields
ORDER BY member_name, member, name, uid
