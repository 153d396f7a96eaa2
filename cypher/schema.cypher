// Schema for a graphkit graph. Every statement is idempotent (IF NOT EXISTS), so the
// loader and graph.cypher run it before each load. The unique constraint also creates the
// range index that every MERGE/MATCH on Actor.id uses, which keeps batched writes fast.
CREATE CONSTRAINT graphkit_actor_id IF NOT EXISTS
FOR (a:Actor) REQUIRE a.id IS UNIQUE;

// Name lookups from the query pack (exact matches) and from Browser users.
CREATE INDEX graphkit_actor_name IF NOT EXISTS
FOR (a:Actor) ON (a.name);
