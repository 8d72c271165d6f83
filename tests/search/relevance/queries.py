"""Queries and the items that must come first, as a reader would judge them.

Each entry: (query, keys that are relevant). Relevant keys refer to
``corpus.MATERIALS`` or ``corpus.COURSES``.
"""

QUERIES = [
    # Vietnamese with diacritics
    ("quang hợp", ["quang-hop"]),
    ("hô hấp tế bào", ["ho-hap"]),
    ("quãng đường", ["quang-duong"]),
    ("phương trình bậc hai", ["phuong-trinh-bac-hai"]),
    ("hệ phương trình", ["he-phuong-trinh"]),
    ("hàm số", ["ham-so"]),
    ("địa lý Việt Nam", ["dia-ly-vn"]),
    ("đồng bằng sông Cửu Long", ["dong-bang"]),
    ("đường lối đổi mới", ["duong-loi"]),
    ("Điện Biên Phủ", ["dien-bien-phu"]),
    ("cách mạng tháng Tám", ["cach-mang-thang-tam"]),
    ("Truyện Kiều", ["truyen-kieu"]),
    ("Nguyễn Du", ["truyen-kieu"]),
    ("Chí Phèo", ["chi-pheo"]),
    ("thanh điệu", ["ma-ma"]),
    ("mạng máy tính", ["mang-may-tinh"]),
    ("lập trình Python", ["lap-trinh-python", "khoa-python", "programming"]),
    ("axit bazơ", ["axit-bazo", "chemistry"]),
    ("bảng tuần hoàn", ["bang-tuan-hoan"]),
    ("di truyền", ["di-truyen"]),
    ("dân ca quan họ", ["music"]),
    ("khúc xạ ánh sáng", ["quang-hoc"]),
    # Vietnamese without diacritics
    ("quang hop", ["quang-hop"]),
    ("ho hap", ["ho-hap"]),
    ("quang duong", ["quang-duong"]),
    ("phuong trinh bac hai", ["phuong-trinh-bac-hai"]),
    ("dia ly viet nam", ["dia-ly-vn"]),
    ("dong bang song cuu long", ["dong-bang"]),
    ("duong loi doi moi", ["duong-loi"]),
    ("dien bien phu", ["dien-bien-phu"]),
    ("truyen kieu", ["truyen-kieu"]),
    ("chi pheo nam cao", ["chi-pheo"]),
    ("lap trinh python", ["lap-trinh-python", "khoa-python", "programming"]),
    ("bang tuan hoan", ["bang-tuan-hoan"]),
    ("oxi hoa khu", ["phan-ung-oxi-hoa"]),
    ("te bao nhan thuc", ["te-bao"]),
    ("lich su viet nam", ["khoa-lich-su"]),
    ("bong da", ["the-duc"]),
    # English
    ("photosynthesis", ["photosynthesis"]),
    ("plants sunlight", ["photosynthesis"]),
    ("cell biology", ["cells"]),
    ("present perfect", ["grammar"]),
    ("vocabulary", ["vocabulary"]),
    ("quadratic equation", ["algebra"]),
    ("triangles", ["geometry"]),
    ("industrial revolution", ["world-history"]),
    ("climate change", ["climate"]),
    ("acids and bases", ["chemistry", "axit-bazo"]),
    ("reading practice", ["reading"]),
    ("english speaking", ["khoa-english"]),
    ("quadratic formula", ["algebra"]),
    ("cell membranes", ["cells"]),
    ("global warming", ["climate"]),
    ("green plants food", ["photosynthesis"]),
    ("python loops", ["programming"]),
    # Exact tones outrank the same letters with other tones
    ("ma", ["ma-ghost", "ma-ma"]),
    ("má", ["ma-mother", "ma-ma"]),
    ("mà", ["ma-but", "ma-ma"]),
    ("mã", ["ma-code"]),
    ("mạ", ["ma-seedling"]),
    ("cá", ["ca-fish"]),
    ("các loài", ["cac-birds"]),
    # Several syllables make one word: the phrase ranks first
    ("học sinh", ["hoc-sinh"]),
    ("hoc sinh", ["hoc-sinh"]),
    ("sinh học", ["sinh-hoc-10"]),
    ("phương trình bậc hai một ẩn", ["phuong-trinh-bac-hai"]),
    # One letter wrong in a syllable
    ("quang hpo", ["quang-hop"]),
    ("truyen kieeu", ["truyen-kieu"]),
    ("chi pheoo", ["chi-pheo"]),
    ("dien bien phuu", ["dien-bien-phu"]),
    ("photosinthesis", ["photosynthesis"]),
    ("bang tuan hoaan", ["bang-tuan-hoan"]),
]

# Corpus titles searched exactly as written, and without diacritics: with many
# near-identical demo materials on the same topic beside them, each must
# still come first.
EXACT_TITLES = ["phan-so", "can-bac-hai", "dao-dong", "nguyen-tu"]

# With the demo content beside the library, its items are judged too: for
# these queries a demo material, course or lesson whose title contains the
# phrase (compared without regard to case) is as relevant as the library's
# own; for every other query no demo item is.
DEMO_RELEVANT_TITLES = {
    "quang hợp": "quang hợp",
    "quang hop": "quang hợp",
    "quang hpo": "quang hợp",
    "hệ phương trình": "hệ phương trình",
    "lập trình Python": "lập trình python",
    "lap trinh python": "lập trình python",
    "cách mạng tháng Tám": "cách mạng tháng tám",
    "te bao nhan thuc": "tế bào nhân thực",
    "sinh học": "sinh học",
    "english speaking": "everyday english",
}
