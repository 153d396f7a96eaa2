// Benchmark baseline only (benchmarks/load_benchmark.py): one relationship per query and
// transaction, the way a first attempt usually looks. Parameters: $source, $target,
// $props (map of evidence lists). __TYPE__ as in merge_relations.cypher.
MATCH (s:Actor {id: $source})
MATCH (t:Actor {id: $target})
MERGE (s)-[r:__TYPE__]->(t)
SET r += $props
