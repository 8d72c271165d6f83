"""A small picture for every material: a page, the image itself, or a card."""

import io
from typing import IO

import pypdfium2
from PIL import Image, ImageDraw, ImageOps

from materials.processing.base import Derived
from materials.processing.extract import read_all

THUMBNAIL_SIZE = (480, 480)
TYPE_ICON_COLOURS = {
    "document": "#0b5cad",
    "image": "#2e7d32",
    "audio": "#8e24aa",
    "video": "#c62828",
    "package": "#ef6c00",
}


def thumbnail(derived: Derived, source: IO[bytes]) -> None:
    """Set ``derived.thumbnail_jpeg``: first PDF page, the image, or a type card."""
    if derived.mime_type == "application/pdf":
        image = _pdf_first_page(read_all(source))
    elif derived.kind == "image" and derived.mime_type != "image/svg+xml":
        image = Image.open(source)
        image = ImageOps.exif_transpose(image)
    else:
        image = _type_icon(derived)
    image.thumbnail(THUMBNAIL_SIZE, resample=Image.Resampling.BILINEAR)
    buffer = io.BytesIO()
    # JPEG: a tenth of the time PNG takes to encode, and smaller for photos.
    image.convert("RGB").save(buffer, format="JPEG", quality=82)
    derived.thumbnail_jpeg = buffer.getvalue()


def _pdf_first_page(data: bytes) -> Image.Image:
    document = pypdfium2.PdfDocument(data)
    try:
        page = document[0]
        width, _height = page.get_size()
        scale = min(2.0, THUMBNAIL_SIZE[0] / max(width, 1))
        bitmap = page.render(scale=scale)
        image = bitmap.to_pil()
        page.close()
        return image
    finally:
        document.close()


def _type_icon(derived: Derived) -> Image.Image:
    """A plain coloured card naming the format, for files with no picture."""
    colour = TYPE_ICON_COLOURS.get(derived.kind, "#455a64")
    image = Image.new("RGB", (320, 240), colour)
    draw = ImageDraw.Draw(image)
    label = derived.mime_type.rsplit("/", 1)[-1].rsplit(".", 1)[-1].upper()[:12]
    draw.rectangle([0, 160, 320, 240], fill="#f5f7f9")
    draw.text((20, 185), label, fill="#1b1f23")
    return image
