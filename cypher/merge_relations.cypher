// Merge a batch of relations of one type. Parameters: $rows = [{source, target,
// evidence_keys, quotes, articles, parts, starts, ends, dates, sources, rules, confidences,
// triggers}], the evidence given as parallel lists (Neo4j properties cannot hold maps).
// __TYPE__ is replaced by a backtick-quoted RelationType value (never user text).
// Evidence identity is its key (article, part, start, end): only evidence whose key the
// relationship does not have yet is appended, so re-running a batch (after an interrupted
// load, or a second corpus that repeats an article) never duplicates a quote.
UNWIND $rows AS row
MATCH (s:Actor {id: row.source})
MATCH (t:Actor {id: row.target})
MERGE (s)-[r:__TYPE__]->(t)
WITH r, row, coalesce(r.evidence_keys, []) AS old
WITH r, row, old,
     [i IN range(0, size(row.evidence_keys) - 1) WHERE NOT row.evidence_keys[i] IN old] AS fresh
// Rows that bring no new evidence are not rewritten at all (cheap idempotent re-loads).
WHERE size(fresh) > 0 OR r.count IS NULL
SET
  r.evidence_keys = old + [i IN fresh | row.evidence_keys[i]],
  r.quotes = coalesce(r.quotes, []) + [i IN fresh | row.quotes[i]],
  r.articles = coalesce(r.articles, []) + [i IN fresh | row.articles[i]],
  r.parts = coalesce(r.parts, []) + [i IN fresh | row.parts[i]],
  r.starts = coalesce(r.starts, []) + [i IN fresh | row.starts[i]],
  r.ends = coalesce(r.ends, []) + [i IN fresh | row.ends[i]],
  r.dates = coalesce(r.dates, []) + [i IN fresh | row.dates[i]],
  r.sources = coalesce(r.sources, []) + [i IN fresh | row.sources[i]],
  r.rules = coalesce(r.rules, []) + [i IN fresh | row.rules[i]],
  r.confidences = coalesce(r.confidences, []) + [i IN fresh | row.confidences[i]],
  r.triggers = coalesce(r.triggers, []) + [i IN fresh | row.triggers[i]],
  r.count = size(old) + size(fresh)
