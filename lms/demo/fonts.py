"""Roboto from the ``font-roboto`` package, which has every Vietnamese letter.

Pillow's built-in font has none, so anything the demo draws with words in it
(covers, figures, image materials) loads its font here.
"""

from functools import cache

from PIL import ImageFont


@cache
def roboto(size: int, *, bold: bool = False) -> ImageFont.FreeTypeFont:
    import font_roboto

    path = font_roboto.RobotoBold if bold else font_roboto.Roboto
    return ImageFont.truetype(path, size)


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Words in lines no wider than ``width``; empty if one word alone is wider."""
    lines: list[str] = []
    for word in text.split():
        if font.getlength(word) > width:
            return []
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def fitted(
    text: str, *, width: int, height: int, largest: int, bold: bool = False
) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    """The largest font (down to 8 px) at which ``text``, wrapped at spaces,
    fits ``width`` × ``height``, and its lines; the text is never cut."""
    size = largest
    lines: list[str] = []
    while size >= 8:
        font = roboto(size, bold=bold)
        lines = wrap(text, font, width)
        if lines and len(lines) * round(size * 1.25) <= height:
            return font, lines
        size -= 2
    return roboto(8, bold=bold), lines or [text]
