"""The whole extraction: articles -> NLP -> actors -> relations + evidence -> Graph."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc

from graphkit.actors import TENTATIVE, ActorTable, find_mentions
from graphkit.assemble import ArticleExtraction, assemble_graph
from graphkit.coref import resolve_references
from graphkit.ingest import text_for_parser
from graphkit.models import Actor, Article, Evidence
from graphkit.nlp import build_pipeline
from graphkit.registry import Registry, RegistryEntry, load_registry
from graphkit.relations import extract_relations, rule_confidence
from graphkit.rules.acronyms import resolve_acronyms
from graphkit.rules.author import publisher_entry

__all__ = ["ArticleExtraction", "Extractor", "assemble_graph"]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class Extractor:
    """Loads the registry and spaCy pipeline once; extracts any number of articles."""

    def __init__(self, model: str | None = None, actor_files: Sequence[str] = ()) -> None:
        self.registry: Registry = load_registry(tuple(actor_files))
        self.nlp = build_pipeline(self.registry, model)
        self._publishers: dict[str | None, RegistryEntry | None] = {}

    def publisher(self, source: str | None) -> RegistryEntry | None:
        """The registry actor an article's publisher names (cached: few publishers)."""
        if source not in self._publishers:
            self._publishers[source] = publisher_entry(self.nlp, self.registry, source)
        return self._publishers[source]

    def extract(self, article: Article, doc: Doc | None = None) -> ArticleExtraction:
        if doc is None:
            doc = self.nlp(text_for_parser(article.text))
        table = ActorTable(self.registry, article.date)
        # short names the text resolves (acronyms, surnames) before pronouns look for them
        mentions = resolve_acronyms(doc, find_mentions(doc, table), table)
        publisher = self.publisher(article.source)
        author = table.from_entry(publisher) if publisher is not None else None
        mentions += resolve_references(doc, mentions, table, author)
        result = ArticleExtraction(article)
        for candidate in extract_relations(doc, mentions, table, author):
            start, end = _trimmed(
                article.text, candidate.sentence.start_char, candidate.sentence.end_char
            )
            evidence = Evidence(
                article=article.id,
                part=article.part,
                text=article.text[start:end],
                start=start,
                end=end,
                date=article.date,
                source=article.source,
                rule=candidate.rule,
                confidence=rule_confidence(candidate.rule),
                trigger=candidate.trigger,
            )
            key = (candidate.source, candidate.target, candidate.type)
            result.evidence.setdefault(key, []).append(evidence)
        # the state behind an act in one of its places may have no mention of its own
        tentative = {m.actor for m in mentions if m.via == TENTATIVE}
        mentioned = {m.actor for m in mentions} - tentative
        mentioned |= {a for key in result.evidence for a in key[:2]}
        for actor_id in sorted(mentioned):
            info = table.actors[actor_id]
            result.actors.append(
                Actor(
                    id=actor_id,
                    name=info.name,
                    kind=info.kind,
                    aliases=tuple(sorted(info.aliases - {info.name})),
                    articles=(article.id,),
                )
            )
        return result

    def extract_all(
        self,
        articles: Sequence[Article],
        n_process: int = 1,
        progress: Callable[[int], None] | None = None,
    ) -> list[ArticleExtraction]:
        """Every article's extraction, in order, with ``n_process`` worker processes (forked,
        so results are identical to one process); very long articles are parsed in chunks."""
        from graphkit.shard import extract_many

        return extract_many(self, articles, n_process, progress)
