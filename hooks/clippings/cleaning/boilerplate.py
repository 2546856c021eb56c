"""Account promotions around the article: follow prompts, QR codes, reading lists, adverts,
end markers, copyright and contact lines, and what repeats the sidebar.

No string from a particular account is listed here. The rules read the shape of a
capture's tail: an opener (an end marker, a reading-list label, a follow, share or QR
prompt, a copyright or reprint notice, a submission or contact address, a reprint's
attribution, a `原文：<URL>` repeating the source link, a bare `@signature`) in the
second half of the body, after which nothing but short blocks, images, rules and links
follows. That run is cut from the opener to the end. Long prose after an opener means
the opener was content (a podcast host saying "subscribe" in a transcript), and
nothing is cut. An opener glued to the last line of the article by the exporter's
emphasis (`参考内容：…_  \n_© THE END 转载请…`) is split off first.

At the top, a site's own preamble (a recommendation label and an editorial disclaimer
closed by a rule) goes the same way, as do follow prompts.
"""

from __future__ import annotations

import re

from ..attribution import is_reprint_line
from ..records import Article
from ..urls import canonical_url
from .markdown_lines import URL, join_blocks, split_blocks, visible_text

END_MARKER = re.compile(r"^[-—–_~=\s]*(?:END|THE END|完|全文完|本文完)[-—–_~=\s]*$", re.IGNORECASE)
# An end marker that starts a line and is followed by the account's small print.
_END_LEAD = re.compile(r"^[-—–_~=©\s]*(?:(?:THE )?END\b|(?:全文|本文)?完(?=[-—–_~=\s]))")
READING_LIST = re.compile(
    r"^(?:往期(?:回顾|推荐|精选|文章)|推荐阅读|相关阅读|延伸阅读|精彩推荐|热门文章|猜你喜欢|近期热文)"
)
PROMPT = re.compile(
    r"关注(?:我|我们|公众号|本号)|点击.{0,6}关注|关注、|星标|标星|置顶|扫码|二维码|长按.{0,6}(?:识别|关注)"
    r"|一键三连|(?:赞|在看|转发|分享|收藏)[^。！？]{0,6}(?:在看|转发|分享|收藏|点赞)"
    r"|投稿请|欢迎投稿|投稿邮箱|合作请?联系|商务合作|广告合作|读者群|加群|加入.{0,6}群"
    # Copyright and reprint notices, and where to ask for coverage.
    r"|转载请|禁止转载|未经.{0,8}(?:授权|许可)|版权(?:归|所有|声明)|寻求报道"
)
# A tail line that starts by asking the reader to follow or subscribe somewhere.
_FOLLOW = re.compile(r"^(?:关注|订阅|欢迎关注|扫描|下载)\s*\S")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CONTACT = re.compile(r"投稿|报道|联系|合作|邮箱|邮件|[Ee]-?mail")
# The site's signature: "@Appinn", "—— @某站".
_SIGNATURE = re.compile(r"^[-—–~\s]*@[\w.\-]{2,30}$")
# "原文：<URL>", "原文链接：URL", "[阅读原文](URL)": the source link again.
_SOURCE_AGAIN = re.compile(r"^(?:阅读)?原文(?:链接|地址)?\s*[：:]?\s*$")
# A site's preamble above the article: a disclaimer or a recommendation label.
_DISCLAIMER = re.compile(
    r"代表作者(?:本人|个人)?(?:的)?(?:观点|立场)|不代表.{0,12}(?:立场|观点)|仅对.{0,12}(?:修改|调整)"
    r"|(?:首页|编辑)推荐$"
)
_RULE = re.compile(r"^\s*(?:(?:[-*_])\s*){3,}$")
# A tail block is "light" when a reader would see at most this many characters in it.
LIGHT_BLOCK = 120
# The preamble above the article holds a few short blocks before its rule.
_PREAMBLE_BLOCKS = 4


_DECORATION = re.compile(r"^(?:\s*(?:!\[[^\]]*\]\([^)]*\)|[▽△▲▼\-—*_=\s]))+$")


def _is_decoration(block: str) -> bool:
    """Images without a word of text, dividers and rules."""
    return _DECORATION.match(block) is not None


def is_promotion(block: str) -> bool:
    """A block that speaks for the account, not the article: an end marker, a reading
    list, a follow or share prompt, a copyright or contact notice, a disclaimer."""
    text = visible_text(block)
    if END_MARKER.match(text) or READING_LIST.match(text) or _END_LEAD.match(text):
        return True
    if len(text) > LIGHT_BLOCK:
        return False
    if PROMPT.search(text) or _DISCLAIMER.search(text):
        return True
    if _FOLLOW.match(text) and ("](" in block or URL.search(block)):
        return True
    return _EMAIL.search(block) is not None and _CONTACT.search(text) is not None


def _repeats_source(block: str, article: Article) -> bool:
    """`原文：<URL>` whose URL is the source link the sidebar already shows."""
    urls = [url.strip("<>") for url in URL.findall(block)]
    if not article.source_url or len(urls) != 1:
        return False
    if not _SOURCE_AGAIN.match(visible_text(block)) and visible_text(block) != "":
        return False
    return canonical_url(urls[0]) == article.source_url


def _is_opener(block: str, article: Article) -> bool:
    text = visible_text(block)
    if is_promotion(block) or _SIGNATURE.match(text) or _repeats_source(block, article):
        return True
    if text in {name for name in (article.author, article.site_name) if name}:
        return True
    return len(text) <= LIGHT_BLOCK * 2 and is_reprint_line(text)


def _is_light(block: str) -> bool:
    if block.lstrip().startswith(("```", "~~~", "|")):
        return False
    return len(visible_text(block)) <= LIGHT_BLOCK


_DANGLING_MARKS = re.compile(r"\s*[*_]+$")
_LEADING_MARKS = re.compile(r"^[\s*_]+")


def _close_emphasis(text: str) -> str:
    """The kept line without the emphasis the cut left open: the marks that ran into the
    cut-off footer go, and an opening mark with no closing one left goes with them."""
    text = _DANGLING_MARKS.sub("", text.rstrip(), count=1)
    for mark in "*_":
        opening = re.compile(rf"(?:^|(?<=\s)){re.escape(mark)}+(?=\S)")
        closing = re.compile(rf"(?<=\S){re.escape(mark)}+(?=\s|$)")
        if len(opening.findall(text)) > len(closing.findall(text)):
            text = opening.sub("", text)
    return text.rstrip()


def split_glued_end_markers(body: str, article: Article) -> str:
    """A line in the body's second half that starts with an end marker becomes a block of
    its own: the exporter's italics glue `© THE END` to the article's last line. The
    emphasis left open on the line above is closed; `strip_trailing_promotions` then cuts
    the footer as lines of its own, which the cleaning report lists."""
    lines = body.split("\n")
    half = len(body) / 2
    position = 0
    for index, line in enumerate(lines):
        starts_at, position = position, position + len(line) + 1
        if not index or starts_at < half or not lines[index - 1].strip():
            continue
        if _END_LEAD.match(_LEADING_MARKS.sub("", line)):
            start = index - 1
            while start and lines[start - 1].strip():
                start -= 1
            kept = _close_emphasis("\n".join(lines[start:index])).split("\n")
            kept[-1] += "\n"
            lines[start:index] = kept
    return "\n".join(lines)


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
        if offsets[index] >= half and _is_opener(blocks[index], article):
            cut = index
    if cut is None:
        return body
    while cut > 0 and _is_decoration(blocks[cut - 1]):
        cut -= 1
    return join_blocks(blocks[:cut])


def _preamble_end(blocks: list[str]) -> int:
    """How many blocks a site's preamble takes at the top: a few short blocks, one of
    them a disclaimer or recommendation label, closed by a rule; images stay."""
    for index, block in enumerate(blocks[: _PREAMBLE_BLOCKS + 1]):
        if _RULE.match(block):
            text_blocks = [b for b in blocks[:index] if not _is_decoration(b)]
            if any(_DISCLAIMER.search(visible_text(b)) for b in text_blocks) and all(
                len(visible_text(b)) <= LIGHT_BLOCK * 2 for b in text_blocks
            ):
                return index + 1
            return 0
        if block.lstrip().startswith("#"):
            return 0
    return 0


def strip_leading_prompts(body: str, article: Article) -> str:
    """Drop follow prompts ("点击上方蓝字关注我们") and a site's preamble (a
    recommendation label and an editorial disclaimer above a rule) from the top."""
    blocks = split_blocks(body)
    preamble = _preamble_end(blocks)
    kept = [b for b in blocks[:preamble] if _is_decoration(b) and not _RULE.match(b)]
    blocks = kept + blocks[preamble:]
    prompts = len(kept)
    while prompts < len(blocks) and _is_light(blocks[prompts]):
        if not PROMPT.search(visible_text(blocks[prompts])):
            break
        prompts += 1
    if not preamble and prompts == len(kept):
        return body
    return join_blocks(kept + blocks[prompts:])
