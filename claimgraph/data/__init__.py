"""Lexicons and gazetteer data, each file with its provenance in a header or README."""
