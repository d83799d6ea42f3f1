"""Health themes (the Gezond Werken App content): articles, exercises and experience stories."""
