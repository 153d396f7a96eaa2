// Evidence for edges: every quote behind an actor's relations, with article, date and outlet.
// @param source: str  the actor the relations start from: name, alias or id
// @param target: str = ""  only relations to this actor (name, alias or id); empty for all
// @param relation: str = ""  SUPPORTS, CONDEMNS, LOBBIES or DETAINS; empty for all
// @param limit: int = 200  maximum number of rows
MATCH (s:Actor)
WHERE s.id = $source OR toLower(s.name) = toLower($source)
   OR any(alias IN s.aliases WHERE toLower(alias) = toLower($source))
MATCH (s)-[r]->(t:Actor)
WHERE ($relation = '' OR type(r) = toUpper($relation))
  AND ($target = '' OR t.id = $target OR toLower(t.name) = toLower($target)
       OR any(alias IN t.aliases WHERE toLower(alias) = toLower($target)))
UNWIND range(0, size(coalesce(r.evidence_keys, [])) - 1) AS i
RETURN s.name AS source, type(r) AS relation, t.name AS target, r.quotes[i] AS quote,
       r.articles[i] AS article, r.parts[i] AS part, nullIf(r.dates[i], '') AS date,
       nullIf(r.sources[i], '') AS outlet, r.confidences[i] AS confidence
ORDER BY source, relation, target, date, article, part, r.starts[i]
LIMIT $limit
