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


OPENXML = "application/vnd.openxmlformats-officedocument."
WORD_MAIN = OPENXML + "wordprocessingml.document.main+xml"
SLIDES_MAIN = OPENXML + "presentationml.presentation.main+xml"
SHEET_MAIN = OPENXML + "spreadsheetml.sheet.main+xml"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PACKAGE_NS = "http://schemas.openxmlformats.org/package/2006/"


def ooxml_bytes(
    main: tuple[str, str, bytes],
    *,
    parts: dict[str, bytes] | None = None,
    types: dict[str, str] | None = None,
    relationships: list[tuple[str, str, bool]] = (),
) -> bytes:
    """An office package as Word writes one: content types, then relationships.

    ``main`` is (part name, content type, body); ``types`` adds overrides by
    part name; ``relationships`` are (type, target, external) from the main
    part, the type being the last segment of the standard URL unless it is a
    whole URL.
    """
    name, content_type, body = main
    overrides = {f"/{name}": content_type, **(types or {})}
    declared = "".join(
        f'<Override PartName="{part}" ContentType="{kind}"/>'
        for part, kind in overrides.items()
    )
    content_types = (
        f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{PACKAGE_NS}'
        'content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
        f'ContentType="application/xml"/>{declared}</Types>'
    )
    folder, base = name.rsplit("/", 1)
    entries = {
        "[Content_Types].xml": content_types.encode(),
        "_rels/.rels": _rels([("officeDocument", name, False)]),
        name: body,
        f"{folder}/_rels/{base}.rels": _rels(relationships),
        **(parts or {}),
    }
    return zip_bytes(entries)


def _rels(relationships) -> bytes:
    items = []
    for number, (kind, target, external) in enumerate(relationships, start=1):
        url = kind if "://" in kind else RELATIONSHIPS + kind
        mode = ' TargetMode="External"' if external else ""
        items.append(
            f'<Relationship Id="rId{number}" Type="{url}" Target="{target}"{mode}/>'
        )
    return (
        f'<Relationships xmlns="{PACKAGE_NS}relationships">{"".join(items)}'
        "</Relationships>"
    ).encode()


def docx_bytes(
    paragraphs: list[str], *, main_type: str = WORD_MAIN, **package
) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    document = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/'
        f'wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>'
    )
    return ooxml_bytes(("word/document.xml", main_type, document.encode()), **package)


def pptx_bytes(slides: list[str], **package) -> bytes:
    ns = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    parts = {}
    for number, text in enumerate(slides, start=1):
        parts[f"ppt/slides/slide{number}.xml"] = (
            f"<p:sld {ns} xmlns:p='urn:p'><a:p><a:r><a:t>{text}</a:t></a:r></a:p>"
            "</p:sld>"
        ).encode()
    parts.update(package.pop("parts", {}))
    main = ("ppt/presentation.xml", SLIDES_MAIN, b"<p:presentation xmlns:p='urn:p'/>")
    return ooxml_bytes(main, parts=parts, **package)


def xlsx_bytes(**package) -> bytes:
    workbook = b"<workbook xmlns='urn:x'><sheets/></workbook>"
    return ooxml_bytes(("xl/workbook.xml", SHEET_MAIN, workbook), **package)


ODF_TEXT = "application/vnd.oasis.opendocument.text"
ODF_MANIFEST_NS = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"


def odt_bytes(
    paragraphs: list[str],
    *,
    markup: str = "",
    parts: dict[str, bytes] | None = None,
    manifest: dict[str, str] | None = None,
    mimetype: str = ODF_TEXT,
) -> bytes:
    """A text document; ``markup`` goes into the body as written."""
    ns = (
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0" '
        'xmlns:xlink="http://www.w3.org/1999/xlink"'
    )
    body = "".join(f"<text:p>{text}</text:p>" for text in paragraphs) + markup
    content = (
        f"<office:document-content {ns}><office:scripts/><office:body>"
        f"<office:text>{body}</office:text></office:body></office:document-content>"
    )
    entries = {"/": mimetype, "content.xml": "text/xml", **(manifest or {})}
    listed = "".join(
        f'<manifest:file-entry manifest:full-path="{path}" '
        f'manifest:media-type="{kind}"/>'
        for path, kind in entries.items()
    )
    return zip_bytes(
        {
            "mimetype": mimetype.encode(),
            "META-INF/manifest.xml": (
                f'<manifest:manifest xmlns:manifest="{ODF_MANIFEST_NS}">{listed}'
                "</manifest:manifest>"
            ).encode(),
            "content.xml": content.encode(),
            **(parts or {}),
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
