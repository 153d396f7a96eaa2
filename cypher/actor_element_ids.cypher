// The element id of each actor of a batch, run by the loader right after merge_actors in the
// same transaction. Parameters: $ids = [actor id]. The loader then finds relationship
// endpoints by element id (merge_relations_by_element_id.cypher): a direct record lookup,
// where matching by Actor.id costs two range-index seeks per relationship (~10% of a load).
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN id, elementId(a) AS element_id
