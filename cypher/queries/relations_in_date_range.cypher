// Relations in a date range: every dated piece of evidence between two ISO dates, oldest first.
// Undated evidence is left out.
// @param start_date: str = "0000-01-01"  first date, YYYY-MM-DD, inclusive
// @param end_date: str = "9999-12-31"  last date, YYYY-MM-DD, inclusive
// @param relation: str = ""  SUPPORTS, CONDEMNS, LOBBIES or DETAINS; empty for all
// @param limit: int = 500  maximum number of rows
MATCH (s:Actor)-[r]->(t:Actor)
WHERE $relation = '' OR type(r) = toUpper($relation)
UNWIND range(0, size(coalesce(r.evidence_keys, [])) - 1) AS i
WITH s, r, t, i
WHERE r.dates[i] <> '' AND r.dates[i] >= $start_date AND r.dates[i] <= $end_date
RETURN r.dates[i] AS date, s.name AS source, type(r) AS relation, t.name AS target,
       r.quotes[i] AS quote, r.articles[i] AS article, nullIf(r.sources[i], '') AS outlet
ORDER BY date, source, relation, target, article, r.parts[i], r.starts[i]
LIMIT $limit
