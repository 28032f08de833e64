"""The two script variants of the site and where their pages live.

Whether variants are published at all is zhpress/variants' business: when it
is off, no page has a variant and `variant_of` returns None.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Variant:
    key: str  # script name used by the text layer: "hant" or "hans"
    prefix: str  # URL and src_uri prefix of this variant's pages
    lang: str  # BCP 47 tag for <html lang> and hreflang
    label: str  # the switch's label, in the variant's own script
    name: str  # full name of the variant, in its own script
    theme_language: str  # our Material language partial for interface strings


HANT = Variant("hant", "zh-hant", "zh-Hant", "繁", "繁體中文", "zhpress-hant")
HANS = Variant("hans", "zh-hans", "zh-Hans", "简", "简体中文", "zhpress-hans")
VARIANTS = (HANT, HANS)
BY_KEY = {v.key: v for v in VARIANTS}
BY_PREFIX = {v.prefix: v for v in VARIANTS}


def split_variant(src_uri: str) -> tuple[Variant | None, str]:
    """'zh-hans/articles/a.md' -> (HANS, 'articles/a.md'); unprefixed -> (None, uri)."""
    head, _, rest = src_uri.partition("/")
    variant = BY_PREFIX.get(head)
    return (variant, rest) if variant and rest else (None, src_uri)


def variant_uri(variant: Variant, base_uri: str) -> str:
    return f"{variant.prefix}/{base_uri}"


def variant_of(page) -> Variant | None:
    """The variant a page belongs to, from where it lives; None for pages
    outside the variants (the root, 404, any page when zhpress/variants is off)."""
    return split_variant(page.file.src_uri)[0]
