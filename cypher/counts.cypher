// Totals used by `graphkit load` and the tests: all nodes and relationships (to catch
// strays), graphkit actors and relations, and pieces of evidence. No parameters.
RETURN
  COUNT { MATCH (n) } AS nodes,
  COUNT { MATCH ()-[]->() } AS relationships,
  COUNT { MATCH (a:Actor) } AS actors,
  COUNT { MATCH (:Actor)-[]->(:Actor) } AS relations,
  COLLECT {
    MATCH (:Actor)-[r]->(:Actor)
    RETURN sum(size(coalesce(r.evidence_keys, [])))
  }[0] AS evidence
