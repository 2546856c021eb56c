"""Apply every seed's annotations across the archive: notes placed and marked up,
editor's notes above the text, cross-references linked both ways."""

from __future__ import annotations

import posixpath
from dataclasses import replace
from functools import partial

from ..article_pages import article_src_uri
from ..markdown_escape import markdown_text
from ..records import Article, NoteEntry, Problem, SeedFile
from .anchoring import mark_up, place_notes
from .corrections import apply_corrections
from .sidecar import SIDECAR_SUFFIX, Annotations, PassageNote, parse_annotations, sidecar_path


def read_sidecar(
    seed: SeedFile, article: Article
) -> tuple[Article, Annotations | None, list[Problem]]:
    """The seed's sidecar, if it has one, with its corrections applied to the article."""
    path = sidecar_path(seed.path)
    if not path.is_file():
        return article, None, []
    source = str(seed.relative_path.with_name(seed.relative_path.stem + SIDECAR_SUFFIX))
    annotations, messages = parse_annotations(path.read_text(encoding="utf-8"), source)
    if annotations is None:
        return article, None, [Problem(source, message) for message in messages]
    article, correction_messages = apply_corrections(article, annotations)
    messages += correction_messages
    return article, annotations, [Problem(source, message) for message in messages]


def _link(from_uri: str, to_uri: str, anchor: str = "") -> str:
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri)) + anchor


def _editor_note(text: str) -> str:
    indented = "\n".join(f"    {line}" if line.strip() else "" for line in text.split("\n"))
    return f'!!! note archive-editor-note "编者按"\n\n{indented}\n\n'


def _note_markdown(
    note: PassageNote,
    here: str,
    source: str,
    by_id: dict[str, Article],
    uri: dict[str, str],
    problems: list[Problem],
) -> str:
    """A note's pop-over: its text, its tags, and a link to the article it refers to."""
    text = note.text
    if note.tags:
        text += "\n\n标签：" + "、".join(markdown_text(tag) for tag in note.tags)
    if note.refers_to:
        target = by_id.get(note.refers_to)
        if target is None:
            problems.append(
                Problem(source, f"note {note.number} refers to unknown seed {note.refers_to!r}")
            )
        else:
            text += f"\n\n参见：[{markdown_text(target.title)}]({_link(here, uri[target.seed_id])})"
    return text


def apply_layer(
    entries: list[tuple[Article, Annotations | None]], slugs: dict[str, str]
) -> tuple[list[Article], list[NoteEntry], list[Problem]]:
    """Every article with its annotations in its body, the placed notes, the problems."""
    by_id = {article.seed_id: article for article, _ in entries}
    uri = {article.seed_id: article_src_uri(slugs[article.seed_path]) for article, _ in entries}
    problems: list[Problem] = []
    placed: list[NoteEntry] = []
    articles: list[Article] = []
    for article, sidecar in entries:
        if sidecar is None:
            articles.append(article)
            continue
        here = uri[article.seed_id]
        placements, failures = place_notes(article.body, sidecar.notes)
        for note, reason in failures:
            problems.append(
                Problem(sidecar.source, f"note {note.number} quote “{note.quote}”: {reason}")
            )
        render = partial(
            _note_markdown,
            here=here,
            source=sidecar.source,
            by_id=by_id,
            uri=uri,
            problems=problems,
        )
        body = mark_up(article.body, placements, render)
        if article.editor_note:
            body = _editor_note(article.editor_note) + body
        articles.append(replace(article, body=body))
        for placement in placements:
            note = placement.note
            placed.append(
                NoteEntry(
                    article.seed_id,
                    here,
                    article.title,
                    article.published,
                    note.number,
                    note.quote,
                    note.text,
                    note.tags,
                    note.refers_to,
                    note.prefix,
                    note.suffix,
                    note.imported_from,
                )
            )
    return _with_citations(articles, placed, uri), placed, problems


def _with_citations(
    articles: list[Article], notes: list[NoteEntry], uri: dict[str, str]
) -> list[Article]:
    """Each article that notes point to lists them at its end, under 被引用."""
    citing: dict[str, list[NoteEntry]] = {}
    for note in notes:
        if note.refers_to in uri:
            citing.setdefault(note.refers_to, []).append(note)
    result = []
    for article in articles:
        if article.seed_id in citing:
            here = uri[article.seed_id]
            lines = [
                f"- [{markdown_text(n.title)}]({_link(here, n.src_uri, f'#note-{n.number}')})："
                f"“{markdown_text(n.quote)}”"
                for n in citing[article.seed_id]
            ]
            section = "\n\n## 被引用 { #cited-by }\n\n" + "\n".join(lines) + "\n"
            article = replace(article, body=article.body.rstrip() + section)
        result.append(article)
    return result
