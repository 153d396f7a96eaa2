// Merge a batch of actors of one kind. Parameters: $rows = [{id, props: {name, kind, aliases,
// articles}}]. __KIND__ is replaced by a backtick-quoted ActorKind value (never user text).
// A new actor takes its properties in one map write (the fast path of a bulk load). A known
// actor keeps its first name (a different later name becomes an alias), and its aliases and
// articles become sorted, duplicate-free unions, so the result does not depend on the order
// in which corpora are loaded and loading the same rows twice changes nothing.
// (The insertion sort is a reduce() because subqueries are not allowed inside ON MATCH.)
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
