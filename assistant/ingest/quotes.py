"""Quotation marks as the labeller reads them: single quotation marks used as quotes (British
style: 'Patience has limits,' said Brassac.) are read as double ones; an apostrophe ("workers'
rights", "don't", "the '90s") stays one.

The view has the text's length, character for character, so offsets and the verbatim quotes of
citations (taken from the original text) are unchanged."""

from __future__ import annotations

import re

# An opening mark: at the start or after a space or bracket, before a letter or digit.
_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))['‘](?=[^\W_])")
# A closing mark after closing punctuation ('... limits.' / '... two years,'), or after a word
# and before a space, punctuation or the end ("called the strike 'unjustified' and ...").
_CLOSE_AFTER_PUNCT = re.compile(r"(?<=[.,!?])['’](?=[\s)\]—–-]|$)")
_CLOSE_AFTER_WORD = re.compile(r"(?<=[^\W_])['’](?=[\s.,;:!?)\]—–-]|$)")


def quote_view(text: str) -> str:
    """``text`` with each paired single quotation mark replaced by a double one."""
    if "'" not in text and "‘" not in text:
        return text
    chars = list(text)
    pos = 0
    while (opening := _OPEN.search(text, pos)) is not None:
        start = opening.end()
        # A quotation that opens the sentence runs to its last closing punctuation mark; one that
        # opens mid-sentence closes at the first mark after a word.
        closing = None
        if opening.start() == 0:
            closing = next(reversed(list(_CLOSE_AFTER_PUNCT.finditer(text, start))), None)
        closing = closing or _CLOSE_AFTER_WORD.search(text, start) or _CLOSE_AFTER_PUNCT.search(text, start)
        if closing is None:
            break
        chars[opening.start()] = chars[closing.start()] = '"'
        pos = closing.end()
    return "".join(chars)
