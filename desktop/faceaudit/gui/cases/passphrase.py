"""Passphrase helpers: a strength hint in words (no passphrase is ever stored or logged)."""

from __future__ import annotations

import math
import string

from PySide6.QtCore import QCoreApplication, QObject

MIN_CHARS = 8  # faceaudit.store.crypto.MIN_PASSPHRASE_CHARS (the store refuses shorter ones)


class PassphraseLength(QObject):
    """The length hint: lupdate takes a plural (%n) from ``self.tr`` in a class, never from
    ``QCoreApplication.translate``."""

    def too_short(self, minimum: int) -> str:
        return self.tr("Too short: use at least %n characters.", "", minimum)


def estimated_bits(passphrase: str) -> float:
    """A rough guessing-cost estimate: length times the alphabet's size, less for repeats."""
    if not passphrase:
        return 0.0
    alphabet = 0
    if any(c in string.ascii_lowercase for c in passphrase):
        alphabet += 26
    if any(c in string.ascii_uppercase for c in passphrase):
        alphabet += 26
    if any(c in string.digits for c in passphrase):
        alphabet += 10
    if any(c in string.punctuation or c == " " for c in passphrase):
        alphabet += 33
    if any(ord(c) > 127 for c in passphrase):
        alphabet += 100
    distinct = len(set(passphrase))
    effective_length = min(len(passphrase), distinct * 2)  # "aaaaaaaaaaaa" is not long
    return effective_length * math.log2(max(alphabet, 2))


def strength(passphrase: str) -> tuple[str, str]:
    """(state, words) for the hint under the passphrase field."""
    translate = QCoreApplication.translate
    if not passphrase:
        return "", ""
    if len(passphrase) < MIN_CHARS:
        return "bad", PassphraseLength().too_short(MIN_CHARS)
    bits = estimated_bits(passphrase)
    if bits < 45:
        return "bad", translate(
            "passphrase", "Weak: easy to guess. Several unrelated words are better."
        )
    if bits < 70:
        return "warn", translate("passphrase", "Fair. One or two more words would make it strong.")
    return "good", translate("passphrase", "Strong.")
