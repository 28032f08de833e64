"""The shared text layer: script conversion, slugs, HTML text walking and CJK
punctuation. Every zhpress plugin uses these modules; none re-implements them."""
