// name: list_uids_in_area
// mode: read
// params: label, district
// returns: the uids of a kind's entries in a district or anywhere below it (up to four levels);
//          a list page's district filter, computed once instead of a pattern test per node
// anchored on the indexed district first: otherwise FalkorDB starts from a scan of every :Entry
MATCH (root:District {uid: $district})
WITH root
MATCH (root)<-[:PART_OF*0..4]-(:District)<-[:ACTIVE_IN|IN]-(n:Entry)
WHERE $label IN labels(n)
RETURN DISTINCT n.uid AS uid
