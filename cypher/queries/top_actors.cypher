// Top actors by weighted degree: the evidence behind all their relations, in and out.
// @param kind: str = ""  only this kind: State, Person, Company, Body or Group; empty for all
// @param limit: int = 20  maximum number of rows
MATCH (a:Actor)
WHERE $kind = '' OR toLower(a.kind) = toLower($kind)
CALL (a) {
  OPTIONAL MATCH (a)-[r]->(:Actor)
  RETURN coalesce(sum(r.count), 0) AS out_weight, count(r) AS out_degree
}
CALL (a) {
  OPTIONAL MATCH (a)<-[r]-(:Actor)
  RETURN coalesce(sum(r.count), 0) AS in_weight, count(r) AS in_degree
}
WITH a, out_weight, in_weight, out_degree + in_degree AS degree
WHERE degree > 0
RETURN a.name AS actor, a.kind AS kind, out_weight + in_weight AS weight, out_weight,
       in_weight, degree
ORDER BY weight DESC, degree DESC, actor
LIMIT $limit
