// Detentions by state: whom each state detains, with evidence counts and the strongest quote.
// @param state: str = ""  only this state (name, alias or id, case-insensitive); empty for all
// @param limit: int = 100  maximum number of rows
MATCH (state:State)-[r:DETAINS]->(detained:Actor)
WHERE $state = '' OR state.id = $state OR toLower(state.name) = toLower($state)
   OR any(alias IN state.aliases WHERE toLower(alias) = toLower($state))
CALL (r) {
  UNWIND range(0, size(r.evidence_keys) - 1) AS i
  RETURN r.quotes[i] AS quote, r.articles[i] AS article, r.dates[i] AS date
  ORDER BY r.confidences[i] DESC, r.evidence_keys[i]
  LIMIT 1
}
RETURN state.name AS state, detained.name AS detained, detained.kind AS kind,
       r.count AS evidence, quote, article, CASE date WHEN '' THEN null ELSE date END AS date
ORDER BY state, evidence DESC, detained
LIMIT $limit
