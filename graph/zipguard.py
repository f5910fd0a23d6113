"""Zip bombs: measure what a zip archive (xlsx, ods) really unpacks to before a reader opens it.

A spreadsheet is a zip of XML files; a few kilobytes of deflate can unpack to gigabytes, and the
sizes the archive declares can lie. `unpacked_size` inflates every member's compressed bytes itself
(zlib, in chunks, never holding more than one chunk) and stops as soon as the total passes the
limit, so the answer costs at most `limit` bytes of decompression and constant memory, whatever the
headers say. Members are read from their local headers, as a reader would.
"""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile
import zlib

#: What a spreadsheet may unpack to (all members together). Measured here: the workbook of
#: bench/import.py at 100,000 actors and 33,333 alliances (10 MB) unpacks to 100 MB.
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
#: At most this many members (an archive of millions of empty files is another bomb).
MAX_MEMBERS = 10_000

_CHUNK = 1 << 16
_LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")
_LOCAL_MAGIC = b"PK\x03\x04"


class ZipBomb(ValueError):
    """The archive unpacks to more than allowed, or cannot be measured."""


def unpacked_size(data: bytes, limit: int = MAX_UNPACKED_BYTES) -> int:
    """Bytes the zip archive `data` unpacks to, measured by inflating it.

    Raises ZipBomb past `limit` bytes or `MAX_MEMBERS` members, or for a compression method other
    than stored and deflate; zipfile.BadZipFile when `data` is not a readable archive. The last
    answer is remembered (a workbook is opened once for its sheet names, then once per sheet).
    """
    key = (hashlib.sha256(data).digest(), limit)
    if _last and _last[0] == key:
        if isinstance(_last[1], Exception):
            raise _last[1]
        return _last[1]
    try:
        size = _measure(data, limit)
    except (ZipBomb, zipfile.BadZipFile) as exc:
        _last[:] = [key, exc]
        raise
    _last[:] = [key, size]
    return size


_last: list = []  # [key, size or exception] of the last archive measured


def _measure(data: bytes, limit: int) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise ZipBomb(f"{len(members)} files in the archive (at most {MAX_MEMBERS})")
    total = 0
    for info in members:
        total += _member_size(data, info, limit - total)
        if total > limit:
            raise ZipBomb(f"unpacks to more than {limit} bytes")
    return total


def _member_size(data: bytes, info: zipfile.ZipInfo, budget: int) -> int:
    """What one member inflates to, or budget + 1 as soon as it passes `budget`."""
    start = info.header_offset
    header = data[start : start + _LOCAL_HEADER.size]
    if len(header) < _LOCAL_HEADER.size or not header.startswith(_LOCAL_MAGIC):
        raise zipfile.BadZipFile(f"{info.filename}: bad local header")
    fields = _LOCAL_HEADER.unpack(header)
    offset = start + _LOCAL_HEADER.size + fields[9] + fields[10]
    compressed = memoryview(data)[offset : offset + info.compress_size]
    if info.compress_type == zipfile.ZIP_STORED:
        return len(compressed)
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise ZipBomb(f"{info.filename}: compression method {info.compress_type} is not read")
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    size = 0
    try:
        for pos in range(0, len(compressed), _CHUNK):
            pending = compressed[pos : pos + _CHUNK].tobytes()
            while pending and not inflater.eof:
                size += len(inflater.decompress(pending, _CHUNK))
                if size > budget:
                    return size
                pending = inflater.unconsumed_tail
            if inflater.eof:
                break
        size += len(inflater.flush())
    except zlib.error as exc:
        raise zipfile.BadZipFile(f"{info.filename}: {exc}") from exc
    return size
