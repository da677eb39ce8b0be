"""Korean search: a word with a particle attached (허브를, HuggingFace에서) is searched as its
stem, in the index and in the reader's query alike.

Material's search splits both the indexed text and each query term with one regular
expression, its ``separator``. A separator that also matches a particle at the end of a
word (after its stem) therefore does the whole job: no text is changed (result snippets
show exactly what the book says), no query transform is needed (Material 9 removed that
hook), and the build does no extra work. A morphological analyser
(Kiwi) was measured at 0.8 s to load and ~22 s per MB of text, and split the book's coined
words (노코드 → 노/코드); the book's vocabulary is served well enough by this rule.

The pattern uses only what both Python's ``re`` and JavaScript's RegExp understand, so the
unit tests run the very expression the browser runs.
"""

from __future__ import annotations

import re

# Particles and particle clusters that follow a noun. Two-syllable and longer ones may
# follow a one-syllable stem (책에서); one-syllable ones need a stem of two syllables or
# more, so that nouns such as 사이, 아이, 하나, 결과 keep their last syllable.
PARTICLES = (
    "이라는", "에서는", "에서도", "에게서", "으로는", "으로서", "으로써", "까지는", "부터는", "처럼은",
    "에서", "에게", "한테", "으로", "까지", "부터", "처럼", "보다", "이나", "라는", "이라", "마다",
    "조차", "밖에", "이랑", "께서", "에는", "에도", "와는", "과는", "하고",
    "은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만", "나", "랑", "께",
)
WORD_BREAK = r"[\s\-.,:;!?()\[\]{}<>\"'“”‘’/|·…~]+"
HANGUL = "[가-힣]"


def korean_separator() -> str:
    """The search separator: ordinary word breaks, and a particle at the end of a word.

    The particle is part of the separator, so it never becomes a search term: "허브를"
    searches exactly what "허브" does, in the index and in the query alike.
    """
    every = "|".join(sorted(PARTICLES, key=len, reverse=True))
    longer = "|".join(p for p in sorted(PARTICLES, key=len, reverse=True) if len(p) >= 2)
    end_of_word = f"(?!{HANGUL})"
    return (
        f"{WORD_BREAK}"
        f"|(?:(?<={HANGUL}{{2}})|(?<=[A-Za-z0-9]))(?:{every}){end_of_word}"
        f"|(?<={HANGUL})(?:{longer}){end_of_word}"
    )


SEPARATOR = re.compile(korean_separator())


def segment(text: str) -> list[str]:
    """The tokens search makes of ``text`` (lower-cased, as the search index stores them)."""
    return [token.lower() for token in SEPARATOR.split(text) if token]
