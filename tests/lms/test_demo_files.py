"""Demo images show their Vietnamese label as written, diacritics and all."""

import io

from PIL import Image

from lms.demo_files import make_image


def _pixels(label: str) -> bytes:
    return Image.open(io.BytesIO(make_image(label))).tobytes()


def test_a_demo_image_draws_the_diacritics_of_its_label():
    assert _pixels("Phân số") != _pixels("Phan so")


def test_a_long_demo_image_label_is_drawn_whole_not_cut():
    """Words past the old 48-character cut still reach the picture."""
    start = "Hình ảnh minh họa: Hệ phương trình bậc nhất hai ẩn"

    assert _pixels(f"{start} (Toán lớp 9)") != _pixels(f"{start} (Toán lớp 6)")
