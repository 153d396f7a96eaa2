// Every relation with its evidence lists, for reading a loaded graph back into graphkit.
MATCH (s:Actor)-[r]->(t:Actor)
RETURN s.id AS source, t.id AS target, type(r) AS type, r.evidence_keys AS evidence_keys,
       r.quotes AS quotes, r.articles AS articles, r.parts AS parts, r.starts AS starts,
       r.ends AS ends, r.dates AS dates, r.sources AS sources, r.rules AS rules,
       r.confidences AS confidences, r.triggers AS triggers, r.count AS count
ORDER BY source, target, type
