"""The editor's layer over the seeds: corrections, notes, cross-references, glossary.

Annotations live in files beside the seeds and never change them; they are applied to
the cleaned article, so the raw capture and the editor's word stay apart.
"""

from .anchoring import Placement, mark_up, place_notes
from .corrections import apply_corrections
from .sidecar import Annotations, PassageNote, parse_annotations, sidecar_path

__all__ = [
    "Annotations",
    "PassageNote",
    "Placement",
    "apply_corrections",
    "mark_up",
    "parse_annotations",
    "place_notes",
    "sidecar_path",
]
