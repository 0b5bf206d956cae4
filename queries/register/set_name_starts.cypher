// name: set_name_starts
// mode: write
// params: none
// returns: the number of entries given their name_start (the first two characters of name_key,
//          the type-ahead's index): a migration for graphs written before it existed
MATCH (n:Entry)
WHERE n.name_key IS NOT NULL AND n.name_start IS NULL
SET n.name_start = substring(n.name_key, 0, 2)
RETURN count(n) AS entries
