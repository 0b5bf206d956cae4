// name: bump_cache_generation
// mode: write
// params: registrations
// returns: the counters after the bump
// Run by the Neo4j store as the last statement of every write transaction: the counter moves
// in the same commit as the change, so no reader keeps an answer from before it under the new
// counter. A write marked `changes: registrations` ($registrations) moves the second counter
// only. The epoch is new whenever the node is: counters that restart after the graph was
// emptied never match an answer kept before.
MERGE (g:CacheGeneration {key: 'cache'})
  ON CREATE SET g.epoch = randomUUID(), g.main = 0, g.registrations = 0
SET g.main = g.main + CASE WHEN $registrations THEN 0 ELSE 1 END,
    g.registrations = g.registrations + CASE WHEN $registrations THEN 1 ELSE 0 END
RETURN g.epoch AS epoch, g.main AS main, g.registrations AS registrations
