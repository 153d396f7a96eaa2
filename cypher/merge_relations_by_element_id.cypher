// The loader's form of merge_relations.cypher: the same statement, except that the endpoints
// are found by element id (from actor_element_ids.cypher, in the same load) instead of by
// Actor.id, which saves two index seeks per relationship. Parameters: $rows = [{s, t,
// evidence}] with s, t element ids of Actor nodes; evidence as in merge_relations.cypher.
// __TYPE__ as there. Everything from the WITH on must stay identical to merge_relations.cypher
// (tests/test_cypher_script.py checks it); graph.cypher keeps the Actor.id form, since element
// ids only mean something inside one database.
UNWIND $rows AS row
MATCH (s:Actor) WHERE elementId(s) = row.s
MATCH (t:Actor) WHERE elementId(t) = row.t
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
