// Actors playing both sides: supporting and condemning the same target ("supports and
// condemns", camp_b empty), or supporting two actors that condemn each other ("supports both
// camps"). Evidence is the total behind the actor's own relations in the pattern.
// @param limit: int = 50  maximum number of rows
CALL () {
  MATCH (a:Actor)-[s:SUPPORTS]->(t:Actor)<-[c:CONDEMNS]-(a)
  RETURN a, 'supports and condemns' AS pattern, t.name AS camp_a, null AS camp_b,
         s.count + c.count AS evidence
  UNION
  MATCH (a:Actor)-[s1:SUPPORTS]->(x:Actor)-[:CONDEMNS]-(y:Actor)<-[s2:SUPPORTS]-(a)
  WHERE x.name < y.name OR (x.name = y.name AND x.id < y.id)
  RETURN a, 'supports both camps' AS pattern, x.name AS camp_a, y.name AS camp_b,
         s1.count + s2.count AS evidence
}
RETURN a.name AS actor, pattern, camp_a, camp_b, evidence
ORDER BY actor, pattern, camp_a, camp_b
LIMIT $limit
