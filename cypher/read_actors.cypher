// Every actor, for reading a loaded graph back into graphkit (round-trip checks).
MATCH (a:Actor)
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.aliases AS aliases,
       a.articles AS articles, [label IN labels(a) WHERE label <> 'Actor'] AS kinds
ORDER BY id
