"""Sinks: the graph written as JSON, GraphML, a Cypher script, HTML, or into Neo4j."""
