// name: list_district_uids_in_area
// mode: read
// params: district
// returns: the uids of the districts below a district (up to four levels), itself excluded
MATCH (:District {uid: $district})<-[:PART_OF*1..4]-(n:District)
RETURN DISTINCT n.uid AS uid
