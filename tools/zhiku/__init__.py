"""zhiku: raw extracted think-tank texts → a searchable, citable MkDocs site."""
