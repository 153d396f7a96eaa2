// The loader's form of merge_relations.cypher: the same MERGE and evidence update, but the
// batch comes as columns and the endpoints are found by element id (from
// actor_element_ids.cypher, in the same load) instead of by Actor.id, which saves two index
// seeks per relationship. Parameters: $batch = {s: [element id], t: [element id],
// offsets: [int], evidence_keys: [...], quotes: [...], ... (the evidence lists of
// merge_relations.cypher, flattened)}: relation i goes from s[i] to t[i] and owns the
// evidence from offsets[i] up to offsets[i + 1] of every list. __TYPE__ as there.
// The slices are copied (`[x IN ... | x]`) because a slice is a view of the whole column,
// and the server's memory accounting charges every row for the whole column: 2,000 rows
// exceeded a 1 GB server's transaction memory limit.
// Everything from the MERGE on must stay identical to merge_relations.cypher
// (tests/test_cypher_script.py checks it); graph.cypher keeps the Actor.id form, since element
// ids only mean something inside one database.
UNWIND range(0, size($batch.s) - 1) AS i
MATCH (s:Actor) WHERE elementId(s) = $batch.s[i]
MATCH (t:Actor) WHERE elementId(t) = $batch.t[i]
WITH s, t, $batch.offsets[i] AS first, $batch.offsets[i + 1] AS past
WITH s, t, {
  evidence_keys: [x IN $batch.evidence_keys[first..past] | x],
  quotes: [x IN $batch.quotes[first..past] | x],
  articles: [x IN $batch.articles[first..past] | x],
  parts: [x IN $batch.parts[first..past] | x],
  starts: [x IN $batch.starts[first..past] | x],
  ends: [x IN $batch.ends[first..past] | x],
  dates: [x IN $batch.dates[first..past] | x],
  sources: [x IN $batch.sources[first..past] | x],
  rules: [x IN $batch.rules[first..past] | x],
  confidences: [x IN $batch.confidences[first..past] | x],
  triggers: [x IN $batch.triggers[first..past] | x],
  count: past - first
} AS ev
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
