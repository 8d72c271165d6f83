"""What demo learning materials are about, and the kinds there are."""

from lms.vocabulary import GradeLevel, MaterialType, Subject

# Topics for learning materials, per subject and grade. Each course's subject
# and grade comes first, before higher education, and its first topic is the
# course's own, so the first edition of each kind is one a course can embed.
MATERIAL_TOPICS = (
    (
        Subject.MATHEMATICS,
        GradeLevel.GRADE_6,
        ("Phân số", "Số thập phân", "Ước và bội", "Hình học trực quan"),
    ),
    (
        Subject.MATHEMATICS,
        GradeLevel.GRADE_9,
        (
            "Hệ phương trình bậc nhất hai ẩn",
            "Căn bậc hai",
            "Hàm số bậc nhất",
            "Đường tròn",
        ),
    ),
    (
        Subject.LITERATURE,
        GradeLevel.GRADE_10,
        ("Thơ Đường luật", "Truyện Kiều", "Văn nghị luận"),
    ),
    (
        Subject.ENGLISH,
        GradeLevel.GRADE_7,
        ("Asking for directions", "Present simple", "Daily routines", "Hobbies"),
    ),
    (
        Subject.PHYSICS,
        GradeLevel.GRADE_11,
        ("Dao động điều hòa", "Sóng âm", "Điện trường"),
    ),
    (
        Subject.CHEMISTRY,
        GradeLevel.GRADE_8,
        ("Nguyên tử", "Phản ứng hóa học", "Mol và khối lượng mol"),
    ),
    (Subject.BIOLOGY, GradeLevel.GRADE_10, ("Quang hợp", "Hô hấp tế bào", "Phân bào")),
    (
        Subject.HISTORY,
        GradeLevel.GRADE_12,
        ("Cách mạng tháng Tám", "Kháng chiến chống Pháp", "Đổi mới"),
    ),
    (
        Subject.GEOGRAPHY,
        GradeLevel.GRADE_10,
        ("Các mùa trên Trái Đất", "Khí quyển", "Thủy quyển", "Dân số thế giới"),
    ),
    (
        Subject.INFORMATICS,
        GradeLevel.GRADE_11,
        ("Lập trình Python", "Cơ sở dữ liệu", "Mạng máy tính"),
    ),
    (Subject.MATHEMATICS, GradeLevel.GRADE_3, ("Bảng nhân", "Đo độ dài")),
    (Subject.LITERATURE, GradeLevel.GRADE_1, ("Học vần", "Tập viết")),
    (
        Subject.MATHEMATICS,
        GradeLevel.TEACHER_TRAINING,
        ("Thống kê trong đánh giá học sinh",),
    ),
    (
        Subject.MATHEMATICS,
        GradeLevel.HIGHER_EDUCATION,
        ("Giải tích", "Đại số tuyến tính"),
    ),
)

MATERIAL_KINDS = (
    (MaterialType.LESSON_PLAN, "Giáo án", "Lesson plan"),
    (MaterialType.SLIDES, "Bài giảng trình chiếu", "Slides"),
    (MaterialType.WORKSHEET, "Phiếu học tập", "Worksheet"),
    (MaterialType.ASSESSMENT, "Đề kiểm tra", "Test"),
    (MaterialType.TEXTBOOK, "Tài liệu tham khảo", "Reading"),
    (MaterialType.IMAGE, "Hình ảnh minh họa", "Illustration"),
)

# Subject names as printed in Vietnamese titles, whatever language is active.
SUBJECT_NAMES = {
    Subject.MATHEMATICS: "Toán",
    Subject.LITERATURE: "Ngữ văn",
    Subject.ENGLISH: "English",
    Subject.PHYSICS: "Vật lý",
    Subject.CHEMISTRY: "Hóa học",
    Subject.BIOLOGY: "Sinh học",
    Subject.HISTORY: "Lịch sử",
    Subject.GEOGRAPHY: "Địa lý",
    Subject.INFORMATICS: "Tin học",
}
