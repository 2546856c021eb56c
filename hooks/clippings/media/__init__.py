"""Images archived with their articles: fetched once into `<seeds>/_media/` with a
manifest of where each came from (`make images`), then published from the site."""
