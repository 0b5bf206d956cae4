// name: get_cache_generation
// mode: read
// params: none
// cache: no (it is what the cache is keyed on)
// returns: the write counters the read cache is keyed on where the backend keeps them in the
//          graph (Neo4j, see netzwerk/store/neo4j_store.py), or no row before the first write
MATCH (g:CacheGeneration {key: 'cache'})
RETURN g.epoch AS epoch, g.main AS main, g.registrations AS registrations
