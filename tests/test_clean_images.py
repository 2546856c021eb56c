"""Images: a figure is described by its caption or its number, never by the article's
title; an image inside a sentence has an empty alt; an image that shows nothing goes."""

from __future__ import annotations

from dataclasses import replace

from test_article_pages import ARTICLE

from clippings.cleaning import clean
from clippings.cleaning.images import describe_images, drop_unusable_images, unusable_source
from clippings.dialects import exporter_html
from clippings.records import Capture

TITLED = replace(ARTICLE, title="奥特曼谈 [GPT-5]")
# WeChat's lazy-loading stand-in, as html2text writes it: spaces and parentheses inside.
WECHAT_PLACEHOLDER = (
    "data:image/svg+xml,%3C%3Fxml version='1.0' encoding='UTF-8'%3F%3E%3Csvg width='1px' "
    "height='1px' viewBox='0 0 1 1' version='1.1' xmlns='http://www.w3.org/2000/svg'%3E"
    "%3Cg transform='translate(-249.000000, -126.000000)' fill='%23FFFFFF'%3E%3Crect "
    "x='249' y='126' width='1' height='1'%3E%3C/rect%3E%3C/g%3E%3C/svg%3E"
)
TRANSPARENT_GIF = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
DIAGRAM = (
    "data:image/svg+xml,%3Csvg width='200' height='100' xmlns='http://www.w3.org/2000/svg'%3E"
    "%3Ccircle cx='50' cy='50' r='40'/%3E%3C/svg%3E"
)


def test_a_figure_without_alt_text_takes_its_number_not_the_title():
    body = "![](https://e.com/a.png)\n\n在发布当天，他分享了幕后细节。\n\n![](https://e.com/b.png)"
    assert describe_images(body, TITLED) == (
        "![图 1](https://e.com/a.png)\n\n在发布当天，他分享了幕后细节。\n\n![图 2](https://e.com/b.png)"
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
    assert describe_images(body, TITLED).startswith("![图 1](")


def test_an_image_inside_a_sentence_has_an_empty_alt():
    body = (
        "损失函数是 ![](https://e.com/f.png) 再加一项![奥特曼谈 \\[GPT-5\\]](https://e.com/e.png)。"
    )
    assert describe_images(body, TITLED) == (
        "损失函数是 ![](https://e.com/f.png) 再加一项![](https://e.com/e.png)。"
    )


def test_alt_text_a_capture_gave_is_kept_and_code_is_left_alone():
    body = "![现场照片](https://e.com/c.png)\n\n```\n![](x)\n```"
    assert describe_images(body, TITLED) == body


def test_the_title_as_alt_text_is_replaced_and_linked_figures_are_numbered():
    body = "![奥特曼谈 \\[GPT-5\\]](https://e.com/a.png)\n\n**[![](https://e.com/b.png)](https://e.com/)**"
    assert describe_images(body, TITLED) == (
        "![图 1](https://e.com/a.png)\n\n**[![图 2](https://e.com/b.png)](https://e.com/)**"
    )


def test_lazy_loading_stand_ins_and_empty_sources_are_unusable():
    for source in ["", "about:blank", WECHAT_PLACEHOLDER, TRANSPARENT_GIF, "data:image/svg+xml,"]:
        assert unusable_source(source), source
    for source in ["https://e.com/a.png", DIAGRAM, "media/abc.png"]:
        assert not unusable_source(source), source


def test_an_image_with_no_usable_source_is_dropped_with_its_line():
    body = (
        f"第一段。\n\n![]({WECHAT_PLACEHOLDER})\n\n**![]()**\n\n"
        f"[![]({TRANSPARENT_GIF})](https://e.com/)\n\n行内![]({TRANSPARENT_GIF})图。\n\n"
        f"![图]({DIAGRAM})"
    )
    assert drop_unusable_images(body, TITLED) == f"第一段。\n\n\n\n\n行内图。\n\n![图]({DIAGRAM})"


def test_dropped_images_are_listed_in_the_cleaning_report():
    _, reports = clean(replace(TITLED, body=f"正文。\n\n![]({WECHAT_PLACEHOLDER})\n"))
    report = next(r for r in reports if r.name == "drop_unusable_images")
    assert report.removed_lines == (f"![]({WECHAT_PLACEHOLDER})",)


def test_exporter_img_tags_use_their_lazy_load_source():
    body = (
        '正文<span style="color:red">一</span>段。\n\n'
        f'<img src="{TRANSPARENT_GIF}" data-src="https://mmbiz.qpic.cn/a/640" alt="示意 [1]">\n\n'
        '<img src="data:image/svg+xml,%3Csvg%3E" class="lazy">'
    )
    capture = Capture(format="wechat", body=body)
    assert exporter_html.detect(capture)
    converted = exporter_html.apply(capture)
    assert converted.problems == ()
    assert "![示意 \\[1\\]](https://mmbiz.qpic.cn/a/640)" in converted.body
    cleaned, _ = clean(replace(TITLED, body=converted.body))
    assert "data:" not in cleaned.body
    assert "![示意 \\[1\\]](<https://mmbiz.qpic.cn/a/640>)" in cleaned.body


def test_an_img_with_a_lazy_source_alone_marks_exporter_markup():
    capture = Capture(format="wechat", body='<img data-src="https://e.com/a.png" src="">')
    assert exporter_html.detect(capture)
    assert exporter_html.apply(capture).body == "![](https://e.com/a.png)"


def test_a_figure_glued_to_the_next_line_is_still_a_figure():
    body = "前一句  \n![](https://e.com/tweet.png)Karpathy 称：原话。"
    assert describe_images(body, TITLED) == (
        "前一句  \n![图 1](https://e.com/tweet.png)Karpathy 称：原话。"
    )
