"""Small pictures written without an image library, for the cover's logo."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path


def png(path: Path, rgb: tuple[int, int, int] = (255, 255, 255), size: int = 2) -> Path:
    """A ``size`` x ``size`` PNG of one colour."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + bytes(rgb) * size for _ in range(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
    return path


def gif(path: Path) -> Path:
    """A 1 x 1 GIF (the smallest valid one: a global palette of two, one black pixel)."""
    path.write_bytes(
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff"
        b"!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
    )
    return path


def jpeg_header(path: Path, width: int = 8, height: int = 8) -> Path:
    """The markers python-docx reads of a JPEG (JFIF, a frame header), without pixel data."""
    jfif = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x01\x00H\x00H\x00\x00"
    frame = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    path.write_bytes(b"\xff\xd8" + jfif + frame + b"\xff\xd9")
    return path


# the first bytes of a WebP file: what a browser's "save image" gives under any name
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00" + b"\x00" * 24
