"""Byte decoding with encoding detection: BOMs, UTF-16 without BOM, UTF-8, Windows-1256.

Arabic pages still come in Windows-1256, so after strict UTF-8 fails, cp1256 is tried
and kept only when the result reads as Arabic; charset-normalizer is the last resort.
Binary data (NUL bytes outside a UTF-16 pattern, file signatures) is refused.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from marsad.ingest.rejected import Rejected

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SIGNATURES = (
    b"%PDF-", b"PK\x03\x04", b"\x1f\x8b", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"BZh", b"\x7fELF",
    b"\xfd7zXZ", b"SQLite format 3", b"7z\xbc\xaf",
)
_SAMPLE = 4096
# Share of undecodable bytes tolerated in otherwise valid UTF-8 (a truncated page, one stray byte).
_UTF8_REPLACEMENT_TOLERANCE = 0.002
# In plausible cp1256 text, most non-ASCII characters are Arabic letters, marks or punctuation.
_CP1256_ARABIC_SHARE = 0.8


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data`` to text, detecting its encoding; raise :class:`Rejected` when impossible.

    ``declared`` is an encoding named by the container (HTTP header, HTML meta charset);
    it is honoured when the bytes are not valid UTF-8 and it decodes them cleanly.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise Rejected(f"undecodable ({encoding} BOM but invalid data)") from exc
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError as exc:
            raise Rejected("undecodable (UTF-16 pattern but invalid data)") from exc
    if is_binary(data):
        raise Rejected("binary data, not text")
    # Valid UTF-8 with non-ASCII bytes is almost never an accident, while pages often
    # declare a wrong single-byte charset: strict UTF-8 comes before the declaration.
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        text = _try_declared(data, declared)
        if text is not None:
            return text
    text = data.decode("cp1256", errors="replace")
    if _plausible_arabic(text):
        return text
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= _UTF8_REPLACEMENT_TOLERANCE * len(text):
        return text
    best = from_bytes(data).best()
    if best is None:
        raise Rejected("undecodable (no text encoding fits)")
    return str(best)


def is_binary(data: bytes) -> bool:
    """True when ``data`` looks like a binary file rather than text (signature or NUL bytes)."""
    if data.startswith(_SIGNATURES):
        return True
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(sample) // 50)


def _utf16_without_bom(data: bytes) -> str | None:
    """Name the UTF-16 byte order when NUL bytes sit regularly at even or odd positions."""
    sample = data[: _SAMPLE - _SAMPLE % 2]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    half = len(sample) // 2
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    # Arabic UTF-16 has no NUL bytes at all (0x06xx): the pattern comes from spaces,
    # digits and punctuation, so ask for a clear majority on one side and none on the other.
    if odd_nuls >= half * 0.1 and even_nuls == 0:
        return "utf-16-le"
    if even_nuls >= half * 0.1 and odd_nuls == 0:
        return "utf-16-be"
    return None


def _try_declared(data: bytes, declared: str) -> str | None:
    try:
        codecs.lookup(declared)
    except LookupError:
        return None
    try:
        return data.decode(declared)
    except UnicodeDecodeError:
        return None


def _plausible_arabic(text: str) -> bool:
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return False
    arabic = sum(1 for c in non_ascii if "\u0600" <= c <= "\u06ff")
    return arabic >= _CP1256_ARABIC_SHARE * len(non_ascii)
