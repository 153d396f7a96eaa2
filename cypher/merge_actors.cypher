// Merge a batch of actors of one kind. Parameters: $rows = [{id, name, kind, aliases,
// articles}]. __KIND__ is replaced by a backtick-quoted ActorKind value (never user text).
// A known actor keeps its first name; a different name from a later corpus becomes an alias.
// Aliases and articles are kept as sorted unions, so the result does not depend on the
// order in which corpora are loaded, and loading the same rows twice changes nothing.
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
ON CREATE SET a.name = row.name, a.kind = row.kind
SET a:__KIND__
// Subquery expressions are not allowed inside MERGE's ON MATCH, hence a separate SET.
SET
  a.aliases = COLLECT {
    UNWIND coalesce(a.aliases, []) + row.aliases + [row.name] AS alias
    WITH DISTINCT alias WHERE alias <> a.name
    RETURN alias ORDER BY alias
  },
  a.articles = COLLECT {
    UNWIND coalesce(a.articles, []) + row.articles AS article
    WITH DISTINCT article
    RETURN article ORDER BY article
  }
