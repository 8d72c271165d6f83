import unicodedata

from lms.text import ascii_slug, fold_diacritics, normalise


def test_folding_removes_every_tone_and_diacritic():
    assert fold_diacritics("Quang hợp ở thực vật") == "Quang hop o thuc vat"
    assert {fold_diacritics(word) for word in ["ma", "má", "mà", "mả", "mã", "mạ"]} == {
        "ma"
    }


def test_folding_treats_d_with_stroke_like_any_other_letter():
    assert fold_diacritics("Địa lý đất nước") == "Dia ly dat nuoc"


def test_nfd_and_nfc_forms_normalise_to_the_same_string():
    decomposed = unicodedata.normalize("NFD", "Việt")

    assert decomposed != "Việt"
    assert normalise(decomposed) == "Việt"
    assert fold_diacritics(decomposed) == "Viet"


def test_slugs_are_readable_without_diacritics():
    assert ascii_slug("Địa lý 10: Trái Đất") == "dia-ly-10-trai-dat"
    assert ascii_slug("???", fallback="material") == "material"
