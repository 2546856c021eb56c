"""The archive-wide glossary: terms shown with their definition wherever they occur.

Python-Markdown's `abbr` matches terms only between word boundaries, and Chinese has
none: "建立AGI之前" never matched AGI. This extension is `abbr` with boundaries that
only refuse Latin letters and digits, so terms are found inside Chinese text while
"AGI" still does not match inside "MAGIC".
"""

from __future__ import annotations

import re

import yaml
from markdown.extensions.abbr import AbbrExtension, AbbrTreeprocessor

GLOSSARY_FILE = "glossary.yml"


def parse_glossary(text: str) -> tuple[dict[str, str], list[str]]:
    """`term: definition` pairs; anything else is a problem."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        return {}, [f"is not valid YAML ({error.__class__.__name__}); no glossary"]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, ["should map each term to its definition; no glossary"]
    terms, problems = {}, []
    for term, definition in data.items():
        if isinstance(term, str) and isinstance(definition, str) and term.strip():
            terms[term.strip()] = " ".join(definition.split())
        else:
            problems.append(f"entry {term!r} should be a term and a text definition; ignored")
    return terms, problems


class _CjkAwareAbbrTreeprocessor(AbbrTreeprocessor):
    def run(self, root):
        if not self.abbrs:
            return
        terms = sorted(self.abbrs, key=len, reverse=True)
        alternatives = "|".join(re.escape(term) for term in terms)
        self.RE = re.compile(f"(?<![A-Za-z0-9])(?:{alternatives})(?![A-Za-z0-9])")
        self.iter_element(root)


class GlossaryExtension(AbbrExtension):
    """`abbr`, CJK-aware, with the archive's glossary defined on every page."""

    def set_terms(self, terms: dict[str, str]) -> None:
        self.reset_glossary()
        self.load_glossary(terms)

    def extendMarkdown(self, md):
        super().extendMarkdown(md)
        md.treeprocessors.register(_CjkAwareAbbrTreeprocessor(md, self.abbrs), "abbr", 7)
