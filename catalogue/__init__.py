"""The Zorgwijzer catalogue: provisions, experts and annual editions."""
