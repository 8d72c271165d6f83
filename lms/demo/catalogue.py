"""What the demo contains: courses with lessons, and topics for materials.

Vietnamese first; English for the English subject and teacher training.
"""

from dataclasses import dataclass, field

from lms.vocabulary import GradeLevel, Language, MaterialType, Subject


@dataclass(frozen=True)
class DemoLesson:
    title: str
    text: str
    quiz: tuple[str, tuple[str, ...], int] | None = None  # prompt, choices, answer


@dataclass(frozen=True)
class DemoCourse:
    title: str
    summary: str
    subject: Subject
    grade: GradeLevel
    modules: tuple[tuple[str, tuple[DemoLesson, ...]], ...]
    language: Language = Language.VIETNAMESE
    outcomes: tuple[str, ...] = field(default_factory=tuple)
    hours: int = 6


def _lesson(title, text, quiz=None):
    return DemoLesson(title, text, quiz)


DEMO_COURSES = (
    DemoCourse(
        "Toán 6: Số tự nhiên và phân số",
        "Ôn tập và mở rộng về số tự nhiên, ước và bội, phân số cho học sinh lớp 6.",
        Subject.MATHEMATICS,
        GradeLevel.GRADE_6,
        (
            (
                "Số tự nhiên",
                (
                    _lesson(
                        "Tập hợp các số tự nhiên",
                        "Số tự nhiên gồm 0, 1, 2, 3, ... Ta kí hiệu tập hợp các số tự nhiên là N.",
                    ),
                    _lesson(
                        "Ước và bội",
                        "Nếu a chia hết cho b thì a là bội của b và b là ước của a.",
                        ("Số nào là ước của 12?", ("5", "4", "7"), 1),
                    ),
                ),
            ),
            (
                "Phân số",
                (
                    _lesson(
                        "Phân số bằng nhau",
                        "Hai phân số a/b và c/d bằng nhau nếu a.d = b.c.",
                    ),
                    _lesson(
                        "Cộng và trừ phân số",
                        "Muốn cộng hai phân số khác mẫu, ta quy đồng mẫu số rồi cộng các tử số.",
                        ("1/2 + 1/4 bằng bao nhiêu?", ("2/6", "3/4", "1/8"), 1),
                    ),
                ),
            ),
        ),
        outcomes=("Nhận biết ước và bội của một số", "Cộng, trừ phân số khác mẫu"),
    ),
    DemoCourse(
        "Toán 9: Hệ phương trình bậc nhất hai ẩn",
        "Giải hệ phương trình bằng phương pháp thế và cộng đại số, giải bài toán bằng cách lập hệ.",
        Subject.MATHEMATICS,
        GradeLevel.GRADE_9,
        (
            (
                "Phương pháp giải",
                (
                    _lesson(
                        "Phương pháp thế",
                        "Từ một phương trình, biểu diễn một ẩn theo ẩn kia rồi thế vào phương trình còn lại.",
                    ),
                    _lesson(
                        "Phương pháp cộng đại số",
                        "Cộng hoặc trừ từng vế hai phương trình để khử một ẩn.",
                        (
                            "Hệ x + y = 3, x - y = 1 có nghiệm là?",
                            ("(2; 1)", "(1; 2)", "(3; 0)"),
                            0,
                        ),
                    ),
                ),
            ),
            (
                "Ứng dụng",
                (
                    _lesson(
                        "Giải bài toán bằng cách lập hệ phương trình",
                        "Chọn ẩn, đặt điều kiện, lập hệ, giải và đối chiếu điều kiện.",
                    ),
                ),
            ),
        ),
        outcomes=(
            "Giải hệ phương trình bậc nhất hai ẩn",
            "Lập hệ phương trình từ bài toán thực tế",
        ),
    ),
    DemoCourse(
        "Ngữ văn 10: Đọc hiểu văn bản thơ",
        "Phương pháp đọc hiểu thơ trữ tình Việt Nam qua các tác phẩm tiêu biểu.",
        Subject.LITERATURE,
        GradeLevel.GRADE_10,
        (
            (
                "Thơ trữ tình",
                (
                    _lesson(
                        "Đặc trưng của thơ trữ tình",
                        "Thơ trữ tình thể hiện trực tiếp cảm xúc, tâm trạng của chủ thể trữ tình.",
                    ),
                    _lesson(
                        "Đọc hiểu bài thơ Thu hứng",
                        "Bài thơ của Đỗ Phủ thể hiện nỗi nhớ quê hương trong cảnh thu.",
                        (
                            "Thể thơ của bài Thu hứng là?",
                            ("Lục bát", "Thất ngôn bát cú", "Tự do"),
                            1,
                        ),
                    ),
                ),
            ),
            (
                "Viết",
                (
                    _lesson(
                        "Viết đoạn văn phân tích thơ",
                        "Đoạn văn cần có câu chủ đề, dẫn chứng và lời bình.",
                    ),
                ),
            ),
        ),
    ),
    DemoCourse(
        "English 7: Everyday English",
        "Practise speaking and listening for everyday situations: greetings, shopping and travel.",
        Subject.ENGLISH,
        GradeLevel.GRADE_7,
        (
            (
                "Talking to people",
                (
                    _lesson(
                        "Greetings and introductions",
                        "Say hello, introduce yourself and ask how someone is.",
                    ),
                    _lesson(
                        "Asking for directions",
                        "Use 'Could you tell me the way to...?' to ask politely.",
                        (
                            "Which question is the most polite?",
                            (
                                "Where is the bank?",
                                "Could you tell me where the bank is?",
                                "Bank where?",
                            ),
                            1,
                        ),
                    ),
                ),
            ),
            (
                "Out and about",
                (
                    _lesson(
                        "Shopping for clothes",
                        "Ask for sizes, colours and prices in a shop.",
                    ),
                ),
            ),
        ),
        language=Language.ENGLISH,
        outcomes=("Greet and introduce yourself", "Ask for directions politely"),
    ),
    DemoCourse(
        "Vật lý 11: Dao động và sóng",
        "Dao động điều hòa, con lắc lò xo, con lắc đơn và sóng cơ học.",
        Subject.PHYSICS,
        GradeLevel.GRADE_11,
        (
            (
                "Dao động",
                (
                    _lesson(
                        "Dao động điều hòa",
                        "Dao động điều hòa có li độ là hàm cosin của thời gian: x = A cos(ωt + φ).",
                    ),
                    _lesson(
                        "Con lắc lò xo",
                        "Chu kì của con lắc lò xo T = 2π√(m/k).",
                        (
                            "Tăng khối lượng vật nặng thì chu kì con lắc lò xo sẽ?",
                            ("Giảm", "Tăng", "Không đổi"),
                            1,
                        ),
                    ),
                ),
            ),
            (
                "Sóng",
                (
                    _lesson(
                        "Sóng cơ và sự truyền sóng",
                        "Sóng cơ là dao động lan truyền trong một môi trường.",
                    ),
                ),
            ),
        ),
    ),
    DemoCourse(
        "Hóa học 8: Nguyên tử và phân tử",
        "Cấu tạo nguyên tử, nguyên tố hóa học, đơn chất, hợp chất và phân tử.",
        Subject.CHEMISTRY,
        GradeLevel.GRADE_8,
        (
            (
                "Nguyên tử",
                (
                    _lesson(
                        "Cấu tạo nguyên tử",
                        "Nguyên tử gồm hạt nhân mang điện tích dương và lớp vỏ electron mang điện tích âm.",
                    ),
                    _lesson(
                        "Nguyên tố hóa học",
                        "Nguyên tố hóa học là tập hợp những nguyên tử cùng loại, có cùng số proton.",
                        ("Kí hiệu hóa học của sắt là?", ("S", "Fe", "Si"), 1),
                    ),
                ),
            ),
            (
                "Phân tử",
                (
                    _lesson(
                        "Đơn chất và hợp chất",
                        "Đơn chất tạo nên từ một nguyên tố; hợp chất tạo nên từ hai nguyên tố trở lên.",
                    ),
                ),
            ),
        ),
    ),
    DemoCourse(
        "Sinh học 10: Tế bào và quang hợp",
        "Cấu trúc tế bào, chuyển hóa năng lượng và quá trình quang hợp ở thực vật.",
        Subject.BIOLOGY,
        GradeLevel.GRADE_10,
        (
            (
                "Tế bào",
                (
                    _lesson(
                        "Cấu trúc tế bào nhân thực",
                        "Tế bào nhân thực có nhân hoàn chỉnh và nhiều bào quan có màng bao bọc.",
                    ),
                    _lesson(
                        "Lục lạp và ti thể",
                        "Lục lạp thực hiện quang hợp, ti thể thực hiện hô hấp tế bào.",
                        (
                            "Bào quan nào thực hiện quang hợp?",
                            ("Ti thể", "Lục lạp", "Ribôxôm"),
                            1,
                        ),
                    ),
                ),
            ),
            (
                "Quang hợp",
                (
                    _lesson(
                        "Quang hợp ở thực vật",
                        "Quang hợp chuyển năng lượng ánh sáng thành năng lượng hóa học trong chất hữu cơ.",
                    ),
                ),
            ),
        ),
        outcomes=("Mô tả cấu trúc tế bào nhân thực", "Giải thích quá trình quang hợp"),
    ),
    DemoCourse(
        "Lịch sử 12: Việt Nam từ năm 1945 đến nay",
        "Những sự kiện tiêu biểu của lịch sử Việt Nam hiện đại.",
        Subject.HISTORY,
        GradeLevel.GRADE_12,
        (
            (
                "1945 - 1975",
                (
                    _lesson(
                        "Cách mạng tháng Tám năm 1945",
                        "Ngày 2/9/1945, Chủ tịch Hồ Chí Minh đọc Tuyên ngôn Độc lập.",
                    ),
                    _lesson(
                        "Thống nhất đất nước",
                        "Ngày 30/4/1975, miền Nam hoàn toàn giải phóng, đất nước thống nhất.",
                        (
                            "Tuyên ngôn Độc lập được đọc vào ngày nào?",
                            ("2/9/1945", "30/4/1975", "19/8/1945"),
                            0,
                        ),
                    ),
                ),
            ),
            (
                "Đổi mới",
                (
                    _lesson(
                        "Công cuộc Đổi mới từ năm 1986",
                        "Đại hội VI của Đảng năm 1986 đề ra đường lối Đổi mới.",
                    ),
                ),
            ),
        ),
    ),
    DemoCourse(
        "Địa lý 10: Trái Đất và khí hậu",
        "Vũ trụ, Trái Đất, khí quyển và các đới khí hậu trên thế giới.",
        Subject.GEOGRAPHY,
        GradeLevel.GRADE_10,
        (
            (
                "Trái Đất",
                (
                    _lesson(
                        "Chuyển động của Trái Đất",
                        "Trái Đất tự quay quanh trục và chuyển động quanh Mặt Trời.",
                    ),
                    _lesson(
                        "Các mùa trong năm",
                        "Trục Trái Đất nghiêng tạo nên các mùa.",
                        (
                            "Nguyên nhân sinh ra các mùa là?",
                            ("Trục Trái Đất nghiêng", "Mặt Trăng", "Gió mùa"),
                            0,
                        ),
                    ),
                ),
            ),
            (
                "Khí hậu",
                (
                    _lesson(
                        "Các đới khí hậu", "Có bảy đới khí hậu chính trên Trái Đất."
                    ),
                ),
            ),
        ),
    ),
    DemoCourse(
        "Tin học 11: Lập trình Python cơ bản",
        "Biến, kiểu dữ liệu, câu lệnh rẽ nhánh, vòng lặp và hàm trong Python.",
        Subject.INFORMATICS,
        GradeLevel.GRADE_11,
        (
            (
                "Làm quen với Python",
                (
                    _lesson(
                        "Biến và kiểu dữ liệu",
                        "Python có các kiểu int, float, str, bool và list.",
                    ),
                    _lesson(
                        "Câu lệnh if",
                        "Câu lệnh if thực hiện một khối lệnh khi điều kiện đúng.",
                        ("Kết quả của 7 // 2 trong Python là?", ("3.5", "3", "4"), 1),
                    ),
                ),
            ),
            (
                "Vòng lặp và hàm",
                (
                    _lesson(
                        "Vòng lặp for và while",
                        "Vòng lặp for duyệt qua các phần tử; while lặp khi điều kiện còn đúng.",
                    ),
                ),
            ),
        ),
    ),
    DemoCourse(
        "Toán 3: Phép nhân và phép chia",
        "Bảng nhân, bảng chia và giải toán có lời văn cho học sinh lớp 3.",
        Subject.MATHEMATICS,
        GradeLevel.GRADE_3,
        (
            (
                "Bảng nhân",
                (
                    _lesson("Bảng nhân 6", "6 x 1 = 6, 6 x 2 = 12, ... 6 x 10 = 60."),
                    _lesson(
                        "Bảng nhân 7",
                        "7 x 1 = 7, 7 x 2 = 14, ... 7 x 10 = 70.",
                        ("7 x 8 bằng bao nhiêu?", ("54", "56", "63"), 1),
                    ),
                ),
            ),
            (
                "Bảng chia",
                (
                    _lesson(
                        "Bảng chia 6", "Phép chia là phép tính ngược của phép nhân."
                    ),
                ),
            ),
        ),
    ),
    DemoCourse(
        "Tiếng Việt 1: Làm quen với chữ cái",
        "Nhận biết chữ cái, ghép vần và đọc tiếng đơn giản cho học sinh lớp 1.",
        Subject.LITERATURE,
        GradeLevel.GRADE_1,
        (
            (
                "Chữ cái",
                (
                    _lesson("Chữ a, ă, â", "Nhận biết và đọc đúng các chữ a, ă, â."),
                    _lesson(
                        "Chữ đ và d",
                        "Phân biệt chữ đ và chữ d khi đọc và viết.",
                        ("Chữ nào có nét gạch ngang?", ("d", "đ", "b"), 1),
                    ),
                ),
            ),
            (
                "Ghép vần",
                (_lesson("Vần an, ăn, ân", "Ghép âm đầu với vần để tạo thành tiếng."),),
            ),
        ),
    ),
    DemoCourse(
        "Statistics for Teachers: Reading Assessment Data",
        "Use simple statistics to understand test results and plan teaching.",
        Subject.MATHEMATICS,
        GradeLevel.TEACHER_TRAINING,
        (
            (
                "Describing results",
                (
                    _lesson(
                        "Mean, median and mode",
                        "The median is less affected by extreme scores than the mean.",
                    ),
                    _lesson(
                        "Spread of scores",
                        "Range and standard deviation describe how spread out results are.",
                        (
                            "Which measure is least affected by one very low score?",
                            ("Mean", "Median", "Range"),
                            1,
                        ),
                    ),
                ),
            ),
            (
                "Using results",
                (
                    _lesson(
                        "Planning from assessment data",
                        "Group learners by the skills they still need.",
                    ),
                ),
            ),
        ),
        language=Language.ENGLISH,
        outcomes=(
            "Summarise a class's test results",
            "Plan teaching from assessment data",
        ),
    ),
)

# Topics for learning materials, per subject and grade.
MATERIAL_TOPICS = (
    (
        Subject.MATHEMATICS,
        GradeLevel.GRADE_6,
        ("Phân số", "Số thập phân", "Ước và bội", "Hình học trực quan"),
    ),
    (
        Subject.MATHEMATICS,
        GradeLevel.GRADE_9,
        ("Căn bậc hai", "Hàm số bậc nhất", "Đường tròn"),
    ),
    (
        Subject.LITERATURE,
        GradeLevel.GRADE_10,
        ("Thơ Đường luật", "Truyện Kiều", "Văn nghị luận"),
    ),
    (
        Subject.ENGLISH,
        GradeLevel.GRADE_7,
        ("Present simple", "Daily routines", "Hobbies"),
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
        ("Khí quyển", "Thủy quyển", "Dân số thế giới"),
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
