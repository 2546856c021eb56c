"""Character classes of Chinese, Japanese and Korean text, written once.

Each constant is a fragment for inside a regular-expression character class
(`f"[{HAN}]"`), so the passes that need "CJK" agree on what it is.
"""

# Ideographs: extension A, the unified block, compatibility forms, extensions B to H.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Ideographic space and CJK punctuation: 、。「」《》.
CJK_PUNCTUATION = "\u3000-\u303f"
KANA = "\u3040-\u30ff"
RADICALS = "\u2e80-\u2fff"
# Full-width Latin letters, digits and punctuation: ，！？（）.
FULL_WIDTH = "\uff00-\uffef"
# Everything written without spaces between words.
CJK = RADICALS + CJK_PUNCTUATION + KANA + HAN + FULL_WIDTH
# Full-width punctuation, which carries its own space: ，。、；：？！（）「」《》【】.
FULL_WIDTH_PUNCTUATION = (
    "\u3001-\u3011\u3014-\u301f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
)
# Quotation marks Chinese text uses, opening and closing: “…”, ‘…’, 「…」, 『…』.
CJK_OPENING_QUOTES = "\u201c\u2018\u300c\u300e"
CJK_CLOSING_QUOTES = "\u201d\u2019\u300d\u300f"
