"""Demo content: realistic, bilingual and generated on the spot (nothing downloaded)."""
