// name: count_offers_by_code_in_districts
// mode: read
// cache: no (a gap question is asked, read and left: its answers would only push the register's
//        small hot reads out of the read cache, bench/gaps_bench.py measures the page without them)
// params: districts, columns, field, target_group, language, weekday
// returns: for each district uid given, the active offers that fit the filters (empty: any) IN
//          it or IN a district below it (roll-up, up to four levels), counted once each per code
//          of one vocabulary ($columns: field, target_group, language or weekday): a row per
//          district and code with the number of offers; the code '' counts every fitting offer
//          (the district's total). Districts without a fitting offer have no row.
UNWIND $districts AS district
MATCH (d:District {uid: district})
// anchored on the indexed district: else FalkorDB starts from a scan of every Offer
WITH district, d
MATCH (d)<-[:PART_OF*0..4]-(:District)<-[:IN]-(o:Offer)
WHERE coalesce(o.status, 'active') = 'active'
  AND ($field = '' OR $field IN coalesce(o.fields, []))
  AND ($target_group = '' OR $target_group IN coalesce(o.target_groups, []))
  AND ($language = '' OR $language IN coalesce(o.languages, []))
  AND ($weekday = '' OR $weekday IN coalesce(o.weekdays, []))
WITH DISTINCT district, o
// counted in the database: a row per code, not the offers' four lists per offer over the wire
WITH district, CASE $columns WHEN 'target_group' THEN o.target_groups WHEN 'language' THEN o.languages
                             WHEN 'weekday' THEN o.weekdays ELSE o.fields END AS codes
UNWIND coalesce(codes, []) + [''] AS code
RETURN district, code, count(*) AS offers
ORDER BY district, code
