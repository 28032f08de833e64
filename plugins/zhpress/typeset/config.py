from mkdocs.config import base
from mkdocs.config import config_options as c


class TypesetConfig(base.Config):
    enabled = c.Type(bool, default=True)
    # Half-width , ; : ? ! ( ) in Chinese context become ，；：？！（）.
    punctuation = c.Type(bool, default=True)
    # “ ” and ‘ ’ become 「 」 and 『 』 in Traditional pages (Taiwan and Hong Kong use).
    corner_quotes = c.Type(bool, default=True)
    # 「 」 and 『 』 become “ ” and ‘ ’ in Simplified pages (mainland use, GB/T 15834).
    curly_quotes = c.Type(bool, default=True)
    # Spaces between two CJK characters are dropped (a Latin space has no place there).
    drop_cjk_spaces = c.Type(bool, default=True)
    # A soft line break (the editor's wrap) between two CJK characters is removed
    # (a browser would show it as a space); next to Latin text it stays.
    join_cjk_lines = c.Type(bool, default=True)
