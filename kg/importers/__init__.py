"""Importers of third-party taxonomies (ESCO, O*NET) into careerkg's ontology."""
