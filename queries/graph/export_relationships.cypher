// name: export_relationships
// mode: read
// params: none
// returns: every relationship between network nodes, with both ends' labels and uids
MATCH (a)-[r]->(b)
WHERE a.uid IS NOT NULL AND b.uid IS NOT NULL
  AND NOT a:User AND NOT a:Change AND NOT a:ApiToken AND NOT a:Attachment
  AND NOT a:Registration AND NOT a:RegistrationLink AND NOT a:Invitation AND NOT a:Message
  AND NOT b:User AND NOT b:Change AND NOT b:ApiToken AND NOT b:Attachment
  AND NOT b:Registration AND NOT b:RegistrationLink AND NOT b:Invitation AND NOT b:Message
  // consent records stay with this instance (export_nodes says why)
  AND NOT a:Consent
RETURN type(r) AS type, [label IN labels(a) WHERE label <> 'Entry'][0] AS from_label, a.uid AS from,
       [label IN labels(b) WHERE label <> 'Entry'][0] AS to_label, b.uid AS to, properties(r) AS props
ORDER BY type, from, to
