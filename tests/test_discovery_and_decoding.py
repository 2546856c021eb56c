"""Which files are seeds, and how their bytes become text."""

from __future__ import annotations

import os

import pytest

from clippings import build_archive, discovery
from clippings.decoding import decode_seed
from clippings.discovery import SeedsFolderError, discover_seeds


def test_text_files_in_subfolders_are_seeds_hidden_ones_are_not(tmp_path):
    for name in [
        "a.txt",
        "sub/b.md",
        "sub/deeper/c.markdown",
        ".hidden.txt",
        ".git/d.md",
        "notes.yml",
        "image.png",
        "sub/.swap.md",
    ]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("正文\n", encoding="utf-8")
    seeds, problems = discover_seeds(tmp_path)
    assert [str(seed.relative_path) for seed in seeds] == [
        "a.txt",
        "sub/b.md",
        "sub/deeper/c.markdown",
    ]
    assert [seed.seed_id for seed in seeds] == ["a", "sub/b", "sub/deeper/c"]
    assert problems == []


def test_symlink_out_of_the_seeds_folder_is_refused(tmp_path):
    seeds_dir = tmp_path / "seeds"
    seeds_dir.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("私密内容\n", encoding="utf-8")
    os.symlink(secret, seeds_dir / "link.txt")
    archive = build_archive(seeds_dir)
    assert archive.pages == []
    assert [str(p) for p in archive.problems] == [
        "seeds/link.txt: symlink points outside seeds/, refused"
    ]


def test_a_missing_seeds_folder_is_an_error_naming_it_not_an_empty_archive(tmp_path):
    with pytest.raises(SeedsFolderError, match=f"seeds folder {tmp_path / 'nowhere'} does not"):
        build_archive(tmp_path / "nowhere")
    (tmp_path / "file").write_text("x")
    with pytest.raises(SeedsFolderError, match="is a file, not a folder"):
        build_archive(tmp_path / "file")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("中文\r\n第二行\r\n".encode(), "utf-8"),
        (b"\xef\xbb\xbf" + "中文\r\n第二行\r\n".encode(), "utf-8-sig"),
        ("中文\r第二行\r".encode(), "utf-8"),
        ("中文\r\n第二行\r\n".encode("utf-16"), "utf-16"),
    ],
)
def test_unicode_with_any_bom_and_newline_style(data, encoding):
    decoded = decode_seed(data)
    assert decoded.text == "中文\n第二行\n"
    assert decoded.encoding == encoding


def test_legacy_chinese_encoding_does_not_crash():
    text = "这是一篇用简体中文写成的文章，保存在一台旧的 Windows 电脑上。" * 4
    decoded = decode_seed(text.encode("gb18030"))
    assert decoded.encoding != "utf-8"
    assert "\ufffd" not in decoded.text


def test_an_unreadable_seeds_folder_is_an_error_naming_it(tmp_path, monkeypatch):
    def refused(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(discovery.os, "listdir", refused)
    with pytest.raises(SeedsFolderError) as raised:
        build_archive(tmp_path)
    assert str(raised.value) == f"seeds folder {tmp_path} cannot be read: Permission denied"


def test_a_seed_cut_in_the_middle_of_a_character_is_read_and_said_to_be_half_written(tmp_path):
    seed = tmp_path / "half.txt"
    seed.write_bytes("# 半截的文章\n\n正文写到一半".encode()[:-1])
    archive = build_archive(tmp_path)
    assert archive.pages[0].article.title == "半截的文章"
    assert [str(p) for p in archive.problems] == [
        "seeds/half.txt: ends in the middle of a character: saved half-written? "
        "Save it again once it is complete"
    ]
