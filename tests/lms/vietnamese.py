"""Telling Vietnamese written properly from Vietnamese folded to ASCII."""

import re

# Letters only Vietnamese writes: a text folded to ASCII has none of them.
VIETNAMESE_LETTERS = re.compile(
    "[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]",
    re.IGNORECASE,
)
