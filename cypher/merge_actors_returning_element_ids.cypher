// The loader's form of merge_actors.cypher: the same statement, which also returns the
// element id of each actor it merged. The loader then finds relationship endpoints by
// element id (merge_relations_by_element_id.cypher): a direct record lookup, where matching
// by Actor.id costs two range-index seeks per relationship (~10% of a load). Returning the
// ids here saves a second query that would look every actor up again.
// Everything up to the RETURN must stay identical to merge_actors.cypher
// (tests/test_cypher_script.py checks it). Parameters and __KIND__ as there.
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
ON CREATE SET a += row.props
ON MATCH SET
  a.aliases = reduce(acc = [], x IN a.aliases + row.props.aliases + [row.props.name] |
    CASE WHEN x = a.name OR x IN acc THEN acc
         ELSE [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x] END),
  a.articles = reduce(acc = [], x IN a.articles + row.props.articles |
    CASE WHEN x IN acc THEN acc
         ELSE [y IN acc WHERE y < x] + [x] + [y IN acc WHERE y > x] END)
SET a:__KIND__
RETURN row.id AS id, elementId(a) AS element_id
