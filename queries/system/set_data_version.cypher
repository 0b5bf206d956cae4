// name: set_data_version
// mode: write
// params: version, now
// returns: one row with the version now recorded
MERGE (m:Meta {key: 'data'})
SET m.version = $version, m.updated_at = $now
RETURN m.version AS version
