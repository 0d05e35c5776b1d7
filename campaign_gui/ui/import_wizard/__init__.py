"""The import wizard: file → header → mapping → review → target → upload → results."""
