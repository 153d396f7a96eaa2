// Lobbying chains: A lobbies B and B supports C (C may be A itself), with a quote for each step.
// @param actor: str = ""  only chains with this actor in any role (name, alias or id); empty for all
// @param limit: int = 50  maximum number of rows
MATCH (a:Actor)-[l:LOBBIES]->(b:Actor)-[s:SUPPORTS]->(c:Actor)
WHERE $actor = ''
   OR any(x IN [a, b, c] WHERE x.id = $actor OR toLower(x.name) = toLower($actor)
          OR any(alias IN x.aliases WHERE toLower(alias) = toLower($actor)))
CALL (l) {
  UNWIND range(0, size(l.evidence_keys) - 1) AS i
  RETURN l.quotes[i] AS lobbying_quote
  ORDER BY l.confidences[i] DESC, l.evidence_keys[i]
  LIMIT 1
}
CALL (s) {
  UNWIND range(0, size(s.evidence_keys) - 1) AS i
  RETURN s.quotes[i] AS support_quote
  ORDER BY s.confidences[i] DESC, s.evidence_keys[i]
  LIMIT 1
}
RETURN a.name AS lobbyist, b.name AS lobbied, c.name AS supported,
       l.count AS lobbying_evidence, s.count AS support_evidence, lobbying_quote, support_quote
ORDER BY lobbyist, lobbied, supported
LIMIT $limit
