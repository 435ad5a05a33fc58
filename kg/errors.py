"""Project exceptions. Messages say what was expected and what was found."""


class KgError(Exception):
    """Base class of every error kg raises on purpose."""


class InputError(KgError):
    """An input file or folder cannot be read as articles."""

    def __init__(self, path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class QueryError(KgError):
    """A query cannot be found, parsed or run."""


class GraphError(KgError):
    """A graph file cannot be read or does not have the expected shape."""


class StoreError(KgError):
    """A triple store or SPARQL endpoint refused or could not be reached."""
