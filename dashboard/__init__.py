"""The careerkg Dash app: explorer, path finder, SPARQL and curriculum pages over ``kg``."""
