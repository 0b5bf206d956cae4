// name: list_offer_options
// mode: read
// params: none
// returns: uid and name of every Offer in folded-name order: a filter's choices, the names a
//          file import resolves; one label scanned, not every entry of every kind
MATCH (n:Offer)
RETURN n.uid AS uid, n.name AS name
ORDER BY n.name_key, n.uid
