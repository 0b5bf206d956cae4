// name: delete_meta
// mode: write
// params: none
// returns: how many bookkeeping nodes (the data version) were deleted
// Restore of a backup into a new instance: its start-up wrote the data version; the backup's
// own version replaces it.
MATCH (m:Meta)
DELETE m
RETURN count(*) AS deleted
