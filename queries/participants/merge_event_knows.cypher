// name: merge_event_knows
// mode: write
// params: pairs, event, context, since
// returns: one row: created (new KNOWS links), strengthened (existing ones raised by one step)
// KNOWS is symmetric and stored in one direction: a link either way counts. Each link keeps the
// events it was made or strengthened by in `events`, so one event strengthens a pair once: the
// statement is idempotent (running it again changes nothing). Strength: 1 flüchtig, 2 gut,
// 3 eng (the cap). A new link takes the event as its context and its date as since; an existing
// link keeps what a coordinator wrote there.
UNWIND $pairs AS pair
MATCH (a:Person {uid: pair.a})
MATCH (b:Person {uid: pair.b})
OPTIONAL MATCH (a)-[k:KNOWS]-(b)
WITH a, b, collect(k) AS links
FOREACH (x IN CASE WHEN size(links) = 0 THEN [1] ELSE [] END |
  CREATE (a)-[:KNOWS {since: $since, context: $context, strength: 1, events: [$event]}]->(b))
WITH a, b, links, [k IN links WHERE NOT $event IN coalesce(k.events, [])] AS due
FOREACH (k IN due |
  SET k.strength = CASE WHEN coalesce(k.strength, 1) >= 3 THEN 3 ELSE coalesce(k.strength, 1) + 1 END,
      k.events = coalesce(k.events, []) + $event)
RETURN sum(CASE WHEN size(links) = 0 THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN size(due) > 0 THEN 1 ELSE 0 END) AS strengthened
