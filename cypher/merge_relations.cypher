// Merge a batch of relations of one type. Parameters: $rows = [{source, target, evidence:
// {evidence_keys, quotes, articles, parts, starts, ends, dates, sources, rules, confidences,
// triggers, count}}]: evidence as parallel lists, since Neo4j properties cannot hold maps.
// __TYPE__ is replaced by a backtick-quoted RelationType value (never user text).
// A new relationship takes all its evidence in one map write: the fast path of a bulk load.
// (Reading `row.evidence` before a MERGE that writes a map makes the planner build and buffer
// the whole batch first, an Eager step; the loader's form avoids it, see
// merge_relations_by_element_id.cypher. graph.cypher's batches are small.) On a known one, only
// evidence whose key (article, part, start, end) it does not have yet is appended, so
// re-running a batch (after an interrupted load, or for a second corpus that repeats an
// article) never duplicates a quote. `[fresh IN [...] | {...}][0]` binds the indexes of the
// new evidence once (Cypher has no let-expression) and builds the whole update from the old
// lists before anything is assigned.
UNWIND $rows AS row
MATCH (s:Actor {id: row.source})
MATCH (t:Actor {id: row.target})
WITH s, t, row.evidence AS ev
MERGE (s)-[r:__TYPE__]->(t)
ON CREATE SET r += ev
ON MATCH SET r += [
  fresh IN [[i IN range(0, size(ev.evidence_keys) - 1) WHERE NOT ev.evidence_keys[i] IN r.evidence_keys]] | {
    quotes: r.quotes + [i IN fresh | ev.quotes[i]],
    articles: r.articles + [i IN fresh | ev.articles[i]],
    parts: r.parts + [i IN fresh | ev.parts[i]],
    starts: r.starts + [i IN fresh | ev.starts[i]],
    ends: r.ends + [i IN fresh | ev.ends[i]],
    dates: r.dates + [i IN fresh | ev.dates[i]],
    sources: r.sources + [i IN fresh | ev.sources[i]],
    rules: r.rules + [i IN fresh | ev.rules[i]],
    confidences: r.confidences + [i IN fresh | ev.confidences[i]],
    triggers: r.triggers + [i IN fresh | ev.triggers[i]],
    evidence_keys: r.evidence_keys + [i IN fresh | ev.evidence_keys[i]],
    count: size(r.evidence_keys) + size(fresh)
  }
][0]
