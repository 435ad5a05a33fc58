"""The SPARQL queries that ship with kg (installed as the package kg.queries)."""
