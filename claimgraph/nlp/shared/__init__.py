"""Helpers that several claimgraph components use: data tables they read alike, never another component's logic.

Components may import `claimgraph.nlp.state` (the per-document state) and this package, but not one another
(an import-linter independence contract in pyproject.toml checks it). Registers no factory.
"""
