"""Every image gets alt text: its caption, or the article's title."""

from __future__ import annotations

from dataclasses import replace

from test_article_pages import ARTICLE

from clippings.cleaning.images import describe_images

TITLED = replace(ARTICLE, title="奥特曼谈 [GPT-5]")


def test_an_image_without_alt_text_takes_the_article_title():
    body = "![](https://e.com/a.png)\n\n在发布当天，他分享了幕后细节。"
    assert describe_images(body, TITLED) == (
        "![奥特曼谈 \\[GPT-5\\]](https://e.com/a.png)\n\n在发布当天，他分享了幕后细节。"
    )


def test_a_caption_under_the_image_becomes_its_alt_text():
    for caption, alt in [
        ("图：奥特曼在斯坦福演讲", "图：奥特曼在斯坦福演讲"),
        ("▲ 发布会现场", "▲ 发布会现场"),
        ("*Sam Altman 与 Logan Bartlett*", "Sam Altman 与 Logan Bartlett"),
    ]:
        body = f"![](https://e.com/a.png)\n\n{caption}\n\n正文。"
        assert describe_images(body, TITLED).startswith(f"![{alt}](")


def test_a_long_or_ordinary_paragraph_is_not_a_caption():
    body = "![](https://e.com/a.png)\n\n图灵奖得主在会上谈到了很多关于人工智能未来发展的长远看法和担忧。"
    assert describe_images(body, TITLED).startswith("![奥特曼谈")


def test_images_inside_a_line_or_with_alt_text_and_code_are_left_as_they_are_or_titled():
    body = "内容]![](https://e.com/b.png)\n\n![现场照片](https://e.com/c.png)\n\n```\n![](x)\n```"
    assert describe_images(body, TITLED) == (
        "内容]![奥特曼谈 \\[GPT-5\\]](https://e.com/b.png)\n\n![现场照片](https://e.com/c.png)"
        "\n\n```\n![](x)\n```"
    )
