"""Paragraph and line breaks start sentences.

spaCy's parser happily runs a headline, a byline and the first paragraph together into one
"sentence", which then leaks speakers and subjects across them. This component runs before the
parser and marks the token after a paragraph break (or after a line that ends a sentence, or a short
header line) as a sentence start; the parser respects preset boundaries.
"""

from __future__ import annotations

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.nlp.state import get_state, report_failure

SENTENCE_END = {".", "!", "?", ":", "\"", "”", "’", "'", "»"}
HEADER_LINE_MAX = 90  # a line shorter than this that ends without punctuation is a header or title


@Language.factory("claimgraph_paragraphs", requires=[], assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> ParagraphBreaks:
    return ParagraphBreaks()


class ParagraphBreaks:
    def __call__(self, doc: Doc) -> Doc:
        try:
            self._mark(doc)
        except Exception as exc:  # noqa: BLE001 - a component never raises on text; the parser still splits
            report_failure(doc, "claimgraph_paragraphs", exc)
        return doc

    @staticmethod
    def _mark(doc: Doc) -> None:
        text = doc.text
        check_time = get_state(doc).check_time
        prev = None
        starts: list[int] = []
        for token in doc:
            if prev is None or not prev.is_space or "\n" not in prev.text or token.is_space:
                prev = token
                if not token.i & 1023:
                    check_time()
                continue
            line_start = text.rfind("\n", 0, prev.idx) + 1
            previous_line = text[line_start:prev.idx].strip()
            if (
                "\n\n" in prev.text.replace("\r", "").replace(" ", "").replace("\t", "")
                or not previous_line
                or previous_line[-1] in SENTENCE_END
                or len(previous_line) < HEADER_LINE_MAX
            ):
                starts.append(token.i)
            prev = token
        if starts:  # one array write: each `token.is_sent_start = True` re-checks the whole doc (quadratic)
            column = doc.to_array([SENT_START])
            column[starts] = 1
            doc.from_array([SENT_START], column)
