// Delete up to $batch nodes with their relationships; run again until it deletes 0. Small
// transactions keep a large graph's deletion within the heap. Parameters: $batch.
// Used by the tests and the benchmark only; graphkit never clears a database by itself.
MATCH (n)
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
