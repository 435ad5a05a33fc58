"""kg: German news articles -> a knowledge graph of statements and country relations."""

__version__ = "0.1.0"
