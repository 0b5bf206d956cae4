// name: get_data_version
// mode: read
// params: none
// returns: the version of the data migrations applied to this graph, or no row before the first
MATCH (m:Meta {key: 'data'})
RETURN m.version AS version
