"""Account promotions around the article: follow prompts, QR codes, reading lists, adverts.

No string from a particular account is listed here. The rules read the shape of a
capture's tail: an opener (an end marker, a reading-list label, a follow, share or
QR prompt, a submission or business-contact notice) in the second half of the body,
after which nothing but short blocks, images, rules and links follows. That run is
cut from the opener to the end. Long prose after an opener means the opener was
content (a podcast host saying "subscribe" in a transcript), and nothing is cut.
"""

from __future__ import annotations

import re

from ..records import Article
from .markdown_lines import join_blocks, split_blocks, visible_text

END_MARKER = re.compile(r"^[-—–_~=\s]*(?:END|THE END|完|全文完|本文完)[-—–_~=\s]*$", re.IGNORECASE)
READING_LIST = re.compile(
    r"^(?:往期(?:回顾|推荐|精选|文章)|推荐阅读|相关阅读|延伸阅读|精彩推荐|热门文章|猜你喜欢|近期热文)"
)
PROMPT = re.compile(
    r"关注(?:我|我们|公众号|本号)|点击.{0,6}关注|关注、|星标|标星|置顶|扫码|二维码|长按.{0,6}(?:识别|关注)"
    r"|一键三连|(?:赞|在看|转发|分享|收藏)[^。！？]{0,6}(?:在看|转发|分享|收藏|点赞)"
    r"|投稿请|欢迎投稿|投稿邮箱|合作请?联系|商务合作|广告合作|读者群|加群|加入.{0,6}群"
)
# A tail block is "light" when a reader would see at most this many characters in it.
LIGHT_BLOCK = 120


_DECORATION = re.compile(r"^(?:\s*(?:!\[[^\]]*\]\([^)]*\)|[▽△▲▼\-—*_=\s]))+$")


def _is_decoration(block: str) -> bool:
    """Images without a word of text, dividers and rules."""
    return _DECORATION.match(block) is not None


def _is_opener(block: str) -> bool:
    text = visible_text(block)
    if END_MARKER.match(text) or READING_LIST.match(text):
        return True
    return len(text) <= LIGHT_BLOCK and PROMPT.search(text) is not None


def _is_light(block: str) -> bool:
    if block.lstrip().startswith(("```", "~~~", "|")):
        return False
    return len(visible_text(block)) <= LIGHT_BLOCK


def strip_trailing_promotions(body: str, article: Article) -> str:
    """Cut the account's tail: from the first opener after which every block is light.

    Images and rules left dangling just before the cut (dividers, logos) go with it.
    """
    blocks = split_blocks(body)
    offsets, position = [], 0
    for block in blocks:
        offsets.append(position)
        position += len(block) + 2
    half = position / 2
    cut = None
    for index in range(len(blocks) - 1, -1, -1):
        if not _is_light(blocks[index]):
            break
        if offsets[index] >= half and _is_opener(blocks[index]):
            cut = index
    if cut is None:
        return body
    while cut > 0 and _is_decoration(blocks[cut - 1]):
        cut -= 1
    return join_blocks(blocks[:cut])


def strip_leading_prompts(body: str, article: Article) -> str:
    """Drop follow prompts ("点击上方蓝字关注我们") from the top of the body."""
    blocks = split_blocks(body)
    prompts = 0
    while prompts < len(blocks) and _is_light(blocks[prompts]):
        if not PROMPT.search(visible_text(blocks[prompts])):
            break
        prompts += 1
    return join_blocks(blocks[prompts:]) if prompts else body
