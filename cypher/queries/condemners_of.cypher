// Who condemns an actor: each condemner with its number of quotes and its strongest quote.
// The sample quote is the highest-confidence one (ties: first by article and offset).
// @param actor: str  the condemned actor: name, alias or id, case-insensitive
// @param limit: int = 50  maximum number of rows
MATCH (target:Actor)
WHERE target.id = $actor OR toLower(target.name) = toLower($actor)
   OR any(alias IN target.aliases WHERE toLower(alias) = toLower($actor))
MATCH (condemner:Actor)-[r:CONDEMNS]->(target)
CALL (r) {
  UNWIND range(0, size(r.evidence_keys) - 1) AS i
  RETURN r.quotes[i] AS quote, r.articles[i] AS article, r.dates[i] AS date
  ORDER BY r.confidences[i] DESC, r.evidence_keys[i]
  LIMIT 1
}
RETURN condemner.name AS condemner, condemner.kind AS kind, target.name AS target,
       r.count AS evidence, quote, article, CASE date WHEN '' THEN null ELSE date END AS date
ORDER BY evidence DESC, condemner, target
LIMIT $limit
