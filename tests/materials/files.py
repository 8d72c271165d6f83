"""Hostile and broken files, made on the spot for the refusal tests."""

import io
import struct
import zipfile
import zlib

from lms.demo_files import make_image, make_pdf


def zip_bytes(entries: dict[str, bytes], *, symlinks: tuple[str, ...] = ()) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            if name in symlinks:
                info.external_attr = (0o120777 << 16) | 0
            archive.writestr(info, data)
    return buffer.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A PNG header announcing a huge picture: a decompression bomb's shape."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    data = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", data)
        + chunk(b"IEND", b"")
    )


def docx_bytes(paragraphs: list[str]) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    document = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/'
        f'wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>'
    )
    return zip_bytes(
        {"[Content_Types].xml": b"<Types/>", "word/document.xml": document.encode()}
    )


def pptx_bytes(slides: list[str]) -> bytes:
    ns = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    entries = {"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<p/>"}
    for number, text in enumerate(slides, start=1):
        entries[f"ppt/slides/slide{number}.xml"] = (
            f"<p:sld {ns} xmlns:p='urn:p'><a:p><a:r><a:t>{text}</a:t></a:r></a:p>"
            "</p:sld>"
        ).encode()
    return zip_bytes(entries)


def odt_bytes(paragraphs: list[str]) -> bytes:
    ns = 'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    body = "".join(f"<text:p>{text}</text:p>" for text in paragraphs)
    content = f"<office:document-content {ns} xmlns:office='urn:o'>{body}"
    content += "</office:document-content>"
    return zip_bytes(
        {
            "mimetype": b"application/vnd.oasis.opendocument.text",
            "content.xml": content.encode(),
        }
    )


PDF = make_pdf("Bai tap", ["Cong tru phan so"])
PNG = make_image("Anh minh hoa")


def wav_bytes(seconds: int, rate: int = 8000) -> bytes:
    import wave

    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(1)
        sound.setframerate(rate)
        sound.writeframes(b"\x80" * rate * seconds)
    return buffer.getvalue()


def mp4_bytes(seconds: int, timescale: int = 1000) -> bytes:
    """The boxes a player reads first: ftyp, then moov with its mvhd header."""

    def box(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body) + 8) + kind + body

    mvhd = struct.pack(">B3xIIII", 0, 0, 0, timescale, seconds * timescale)
    mvhd += b"\x00" * 80
    return (
        box(b"ftyp", b"isom\x00\x00\x02\x00isomiso2mp41")
        + box(b"moov", box(b"mvhd", mvhd))
        + box(b"mdat", b"\x00" * 256)
    )
