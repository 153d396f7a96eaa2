// Shortest influence paths: the shortest chains of relations, followed in their direction,
// from one actor to another (at most 6 hops), all equally short ones in a stable order.
// @param source: str  where the path starts: name, alias or id
// @param target: str  where the path ends: name, alias or id
// @param relations: str = "SUPPORTS,LOBBIES,CONDEMNS,DETAINS"  relation types a path may use, comma-separated
// @param limit: int = 10  maximum number of paths
MATCH (a:Actor)
WHERE a.id = $source OR toLower(a.name) = toLower($source)
   OR any(alias IN a.aliases WHERE toLower(alias) = toLower($source))
MATCH (b:Actor)
WHERE b.id = $target OR toLower(b.name) = toLower($target)
   OR any(alias IN b.aliases WHERE toLower(alias) = toLower($target))
WITH a, b, [x IN split(toUpper($relations), ',') | trim(x)] AS allowed
WHERE a <> b
// The hop bound must be a literal in Cypher; 6 is ample for actor graphs.
MATCH p = allShortestPaths((a)-[*..6]->(b))
WHERE all(r IN relationships(p) WHERE type(r) IN allowed)
RETURN length(p) AS hops, [n IN nodes(p) | n.name] AS actors,
       [r IN relationships(p) | type(r)] AS relations,
       reduce(total = 0, r IN relationships(p) | total + coalesce(r.count, 0)) AS evidence
ORDER BY hops, actors, relations
LIMIT $limit
