// name: export_nodes
// mode: read
// params: none
// returns: every node of the network (not accounts, tokens, throttles, history or attached files:
//          their bytes live in the data directory, not in the graph) with its label
MATCH (n)
WHERE n.uid IS NOT NULL AND NOT n:User AND NOT n:Change AND NOT n:ApiToken AND NOT n:Attachment
  // registrations and their mail hold personal data and are not part of the network's map
  AND NOT n:Registration AND NOT n:RegistrationLink AND NOT n:Invitation AND NOT n:Message
  // the audit log is about the instance, not part of the network's map; consent records are
  // evidence about people (free text) that stays with this instance (`netzwerk backup` has both)
  AND NOT n:AuditEntry AND NOT n:Consent
RETURN [label IN labels(n) WHERE label <> 'Entry'][0] AS label, properties(n) AS props
ORDER BY label, n.uid
