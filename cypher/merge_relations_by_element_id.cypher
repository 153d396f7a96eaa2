// The loader's form of merge_relations.cypher: the same MERGE and evidence update, but the
// batch comes as columns and the endpoints are found by element id (from
// merge_actors_returning_element_ids.cypher, in the same load) instead of by Actor.id, which
// saves two index seeks per relationship. Parameters, one flat list each: $s and $t (element
// ids), $offsets, and the evidence lists of merge_relations.cypher ($evidence_keys, $quotes,
// $articles, $parts, $starts, $ends, $dates, $sources, $rules, $confidences, $triggers):
// relation i goes from $s[i] to $t[i] and owns the evidence from $offsets[i] up to
// $offsets[i + 1] of every list. __TYPE__ as there.
// Why this shape: the planner cannot tell a map's keys from a node's properties, so reading
// `$batch.quotes` or `row.evidence` before a MERGE that writes "some property" (`r += ev`)
// makes it put an Eager step in front of the MERGE, and so does a second projection between
// the MATCHes and the MERGE: every row of the batch is then built and buffered before the
// first write (and the memory accounting charges each buffered row for whole columns). With
// top-level parameters and the evidence map as the subquery's only projection, rows stream
// one at a time (EXPLAIN shows no Eager; tests/neo4j/test_neo4j_loader.py checks).
// Everything from the MERGE to the subquery's end must stay identical to merge_relations.cypher
// (tests/test_cypher_script.py checks it), so the evidence update's `i` is its own list
// comprehension variable, shadowing the row index. graph.cypher keeps the Actor.id form,
// since element ids only mean something inside one database.
UNWIND range(0, size($s) - 1) AS i
MATCH (s:Actor) WHERE elementId(s) = $s[i]
MATCH (t:Actor) WHERE elementId(t) = $t[i]
CALL (s, t, i) {
WITH s, t, {
  evidence_keys: $evidence_keys[$offsets[i]..$offsets[i + 1]],
  quotes: $quotes[$offsets[i]..$offsets[i + 1]],
  articles: $articles[$offsets[i]..$offsets[i + 1]],
  parts: $parts[$offsets[i]..$offsets[i + 1]],
  starts: $starts[$offsets[i]..$offsets[i + 1]],
  ends: $ends[$offsets[i]..$offsets[i + 1]],
  dates: $dates[$offsets[i]..$offsets[i + 1]],
  sources: $sources[$offsets[i]..$offsets[i + 1]],
  rules: $rules[$offsets[i]..$offsets[i + 1]],
  confidences: $confidences[$offsets[i]..$offsets[i + 1]],
  triggers: $triggers[$offsets[i]..$offsets[i + 1]],
  count: $offsets[i + 1] - $offsets[i]
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
}
