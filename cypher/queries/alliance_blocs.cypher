// Blocs of states that take the same stance (SUPPORTS or CONDEMNS) towards the same target.
// One row per target and stance: the states in the bloc (sorted) and their evidence total.
// @param stance: str = ""  SUPPORTS or CONDEMNS; empty for both
// @param min_size: int = 2  smallest bloc to list
// @param limit: int = 50  maximum number of rows
MATCH (state:State)-[r:SUPPORTS|CONDEMNS]->(target:Actor)
WHERE $stance = '' OR type(r) = toUpper($stance)
WITH target, type(r) AS stance, state, r.count AS evidence
ORDER BY state.name
WITH target, stance, collect(state.name) AS states, sum(evidence) AS evidence
WHERE size(states) >= $min_size
RETURN target.name AS target, stance, size(states) AS size, states, evidence
ORDER BY size DESC, evidence DESC, target, stance
LIMIT $limit
