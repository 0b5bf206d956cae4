// name: count_overview
// mode: read
// params: now
// returns: one row with the counts the start page shows
OPTIONAL MATCH (a:Actor)
WITH count(a) AS actors
OPTIONAL MATCH (p:Person)
WITH actors, count(p) AS people
OPTIONAL MATCH (o:Offer)
WITH actors, people, count(o) AS offers
OPTIONAL MATCH (d:District)
WITH actors, people, offers, count(d) AS districts
OPTIONAL MATCH (r:RoundTable)
WITH actors, people, offers, districts, count(r) AS round_tables
OPTIONAL MATCH (n:Need {status: 'open'})
WITH actors, people, offers, districts, round_tables, count(n) AS open_needs
OPTIONAL MATCH (e:Event)
WHERE e.starts_at >= $now
RETURN actors, people, offers, districts, round_tables, open_needs, count(e) AS upcoming_events
