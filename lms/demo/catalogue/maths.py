"""Demo mathematics courses, from grade 3 to teacher training."""

from lms.demo.catalogue.model import (
    DemoCourse,
    DemoFigure,
    DemoLesson,
    question,
)
from lms.vocabulary import GradeLevel, Language, Subject

MATHS_6 = DemoCourse(
    "Toán 6: Số tự nhiên và phân số",
    "Ôn tập và mở rộng về số tự nhiên, ước và bội, phân số cho học sinh lớp 6.",
    Subject.MATHEMATICS,
    GradeLevel.GRADE_6,
    (
        (
            "Số tự nhiên",
            (
                DemoLesson(
                    "Tập hợp các số tự nhiên",
                    (
                        (
                            "Các số 0, 1, 2, 3, 4, ... là các số tự nhiên. Tập hợp các "
                            "số tự nhiên được kí hiệu là ℕ, tức là ℕ = {0; 1; 2; 3; ...}. "
                            "Tập hợp các số tự nhiên khác 0 được kí hiệu là ℕ*."
                        ),
                        (
                            "Mỗi số tự nhiên được biểu diễn bởi một điểm trên tia số. "
                            "Điểm biểu diễn số nhỏ hơn nằm bên trái điểm biểu diễn số "
                            "lớn hơn. Với hai số tự nhiên a và b khác nhau, ta luôn có "
                            "a < b hoặc b < a."
                        ),
                        (
                            "Trong hệ thập phân, mỗi số tự nhiên được viết bằng các chữ "
                            "số từ 0 đến 9, và giá trị của mỗi chữ số phụ thuộc vào vị "
                            "trí của nó. Chẳng hạn, trong số 2 026, chữ số 2 đầu tiên có "
                            "giá trị 2 000, còn chữ số 2 thứ hai có giá trị 20."
                        ),
                    ),
                ),
                DemoLesson(
                    "Ước và bội",
                    (
                        (
                            "Nếu số tự nhiên a chia hết cho số tự nhiên b (b khác 0) thì "
                            "ta nói a là bội của b, còn b là ước của a. Ví dụ: 12 chia "
                            "hết cho 4 nên 12 là bội của 4 và 4 là ước của 12."
                        ),
                        (
                            "Muốn tìm các ước của a (a > 1), ta lần lượt chia a cho các "
                            "số tự nhiên từ 1 đến a để xem a chia hết cho những số nào. "
                            "Các ước của 12 là 1, 2, 3, 4, 6 và 12."
                        ),
                        (
                            "Muốn tìm các bội của một số tự nhiên b khác 0, ta nhân b lần "
                            "lượt với 0, 1, 2, 3, ... Các bội nhỏ hơn 30 của 6 là 0, 6, "
                            "12, 18 và 24."
                        ),
                    ),
                ),
            ),
        ),
        (
            "Phân số",
            (
                DemoLesson(
                    "Phân số bằng nhau",
                    (
                        (
                            "Với a, b là các số nguyên và b khác 0, ta gọi a/b là một "
                            "phân số; a là tử số, b là mẫu số. Phân số 3/4 đọc là ba "
                            "phần tư: chia một hình thành bốn phần bằng nhau và lấy ba "
                            "phần."
                        ),
                        (
                            "Hai phân số a/b và c/d bằng nhau nếu a · d = b · c. Chẳng "
                            "hạn 1/2 = 2/4 vì 1 · 4 = 2 · 2. Hình dưới đây cho thấy 1/2, "
                            "2/4 và 4/8 của cùng một băng giấy có độ dài bằng nhau."
                        ),
                        (
                            "Tính chất cơ bản: nếu nhân cả tử và mẫu của một phân số với "
                            "cùng một số nguyên khác 0, hoặc chia cả tử và mẫu cho cùng "
                            "một ước chung, ta được một phân số bằng phân số đã cho. Nhờ "
                            "đó ta rút gọn được phân số: 6/8 = 3/4."
                        ),
                    ),
                    figure=DemoFigure(
                        "fraction-bars",
                        "Phân số bằng nhau",
                        "Ba băng giấy bằng nhau, tô màu 1/2, 2/4 và 4/8: phần tô "
                        "màu dài bằng nhau.",
                        after=2,
                    ),
                ),
                DemoLesson(
                    "Cộng và trừ phân số",
                    (
                        (
                            "Muốn cộng hai phân số cùng mẫu, ta cộng các tử và giữ "
                            "nguyên mẫu: 2/7 + 3/7 = 5/7."
                        ),
                        (
                            "Muốn cộng hai phân số không cùng mẫu, ta quy đồng mẫu rồi "
                            "cộng hai phân số có cùng mẫu vừa tìm được. Ví dụ: 1/2 + 1/4 "
                            "= 2/4 + 1/4 = 3/4."
                        ),
                        (
                            "Muốn trừ hai phân số, ta cũng quy đồng mẫu rồi trừ các tử: "
                            "5/6 − 1/3 = 5/6 − 2/6 = 3/6 = 1/2. Sau khi tính, hãy rút gọn "
                            "kết quả nếu có thể."
                        ),
                    ),
                    quiz=(
                        question(
                            "1/2 + 1/4 bằng bao nhiêu?",
                            ("2/6", "3/4", "1/8"),
                            1,
                            "Quy đồng mẫu: 1/2 = 2/4, nên 1/2 + 1/4 = 2/4 + 1/4 = 3/4.",
                        ),
                        question(
                            "Những phân số nào bằng phân số 1/2?",
                            ("2/4", "3/6", "2/3", "5/10"),
                            (0, 1, 3),
                            "2/4, 3/6 và 5/10 đều rút gọn được thành 1/2; còn 2/3 "
                            "thì không, vì 1 · 3 ≠ 2 · 2.",
                        ),
                        question(
                            "Số nào là ước của 12?",
                            ("5", "4", "7"),
                            1,
                            "12 : 4 = 3 nên 4 là ước của 12; 12 không chia hết cho "
                            "5 và cũng không chia hết cho 7.",
                        ),
                        question(
                            "5/6 − 1/3 bằng bao nhiêu?",
                            ("4/3", "1/2", "2/3"),
                            1,
                            "1/3 = 2/6, nên 5/6 − 2/6 = 3/6 = 1/2.",
                        ),
                    ),
                ),
            ),
        ),
    ),
    outcomes=("Nhận biết ước và bội của một số", "Cộng, trừ phân số khác mẫu"),
)

MATHS_9 = DemoCourse(
    "Toán 9: Hệ phương trình bậc nhất hai ẩn",
    "Giải hệ phương trình bằng phương pháp thế và cộng đại số, giải bài toán bằng "
    "cách lập hệ.",
    Subject.MATHEMATICS,
    GradeLevel.GRADE_9,
    (
        (
            "Phương pháp giải",
            (
                DemoLesson(
                    "Phương pháp thế",
                    (
                        (
                            "Hệ hai phương trình bậc nhất hai ẩn có dạng ax + by = c và "
                            "a'x + b'y = c'. Mỗi cặp số (x₀; y₀) thỏa mãn đồng thời cả "
                            "hai phương trình gọi là một nghiệm của hệ. Giải hệ phương "
                            "trình là tìm tất cả các nghiệm của nó."
                        ),
                        (
                            "Phương pháp thế gồm hai bước. Bước 1: từ một phương trình "
                            "của hệ, biểu diễn một ẩn theo ẩn kia rồi thế vào phương "
                            "trình còn lại để được một phương trình một ẩn. Bước 2: giải "
                            "phương trình một ẩn vừa có, rồi suy ra ẩn còn lại."
                        ),
                        (
                            "Ví dụ: giải hệ x + y = 3 và x − y = 1. Từ phương trình thứ "
                            "hai, x = y + 1. Thế vào phương trình thứ nhất: (y + 1) + y "
                            "= 3, suy ra 2y = 2, y = 1 và x = 2. Vậy hệ có nghiệm duy "
                            "nhất (2; 1)."
                        ),
                        (
                            "Về mặt hình học, mỗi phương trình bậc nhất hai ẩn được biểu "
                            "diễn bởi một đường thẳng trên mặt phẳng tọa độ, và nghiệm "
                            "của hệ là tọa độ giao điểm của hai đường thẳng. Hai đường "
                            "thẳng cắt nhau thì hệ có một nghiệm, song song thì hệ vô "
                            "nghiệm, trùng nhau thì hệ có vô số nghiệm."
                        ),
                    ),
                    figure=DemoFigure(
                        "two-lines",
                        "Hệ phương trình x + y = 3 và x − y = 1",
                        "Đồ thị hai đường thẳng x + y = 3 và x − y = 1 cắt nhau tại "
                        "điểm (2; 1), nghiệm của hệ.",
                        after=4,
                    ),
                ),
                DemoLesson(
                    "Phương pháp cộng đại số",
                    (
                        (
                            "Khi hệ số của cùng một ẩn trong hai phương trình bằng nhau "
                            "hoặc đối nhau, ta cộng hoặc trừ từng vế hai phương trình để "
                            "khử ẩn đó và được một phương trình một ẩn."
                        ),
                        (
                            "Nếu các hệ số chưa bằng nhau hay đối nhau, trước hết ta nhân "
                            "hai vế của mỗi phương trình với một số thích hợp. Ví dụ: với "
                            "hệ 2x + 3y = 7 và x − y = 1, nhân hai vế phương trình thứ "
                            "hai với 3 được 3x − 3y = 3; cộng từng vế với phương trình "
                            "thứ nhất được 5x = 10, nên x = 2 và y = 1."
                        ),
                        (
                            "Sau khi tìm được nghiệm, nên thay lại vào cả hai phương "
                            "trình ban đầu để kiểm tra: 2 · 2 + 3 · 1 = 7 và 2 − 1 = 1, "
                            "vậy (2; 1) đúng là nghiệm của hệ."
                        ),
                    ),
                    quiz=(
                        question(
                            "Hệ x + y = 3, x − y = 1 có nghiệm là?",
                            ("(2; 1)", "(1; 2)", "(3; 0)"),
                            0,
                            "Cộng từng vế được 2x = 4, nên x = 2 và y = 1. Thử lại: "
                            "2 + 1 = 3 và 2 − 1 = 1.",
                        ),
                        question(
                            "Những cặp số nào là nghiệm của phương trình 2x + y = 5?",
                            ("(1; 3)", "(2; 1)", "(0; 5)", "(3; 0)"),
                            (0, 1, 2),
                            "Thay từng cặp: 2 · 1 + 3 = 5, 2 · 2 + 1 = 5, 2 · 0 + 5 "
                            "= 5, còn 2 · 3 + 0 = 6 ≠ 5.",
                        ),
                        question(
                            "Nếu hai đường thẳng biểu diễn hai phương trình của hệ "
                            "song song với nhau thì hệ có bao nhiêu nghiệm?",
                            ("Một nghiệm", "Vô nghiệm", "Vô số nghiệm"),
                            1,
                            "Hai đường thẳng song song không có điểm chung nào, nên "
                            "hệ vô nghiệm.",
                        ),
                        question(
                            "Để giải hệ 2x + 3y = 7, x − y = 1 bằng phương pháp cộng "
                            "đại số, bước đầu tiên hợp lí là?",
                            (
                                "Nhân hai vế phương trình thứ hai với 3",
                                "Nhân hai vế phương trình thứ nhất với 0",
                                "Cộng x vào hai vế của phương trình thứ nhất",
                            ),
                            0,
                            "Khi đó hệ số của y là 3 và −3, đối nhau, nên cộng từng "
                            "vế sẽ khử được y.",
                        ),
                    ),
                ),
            ),
        ),
        (
            "Ứng dụng",
            (
                DemoLesson(
                    "Giải bài toán bằng cách lập hệ phương trình",
                    (
                        (
                            "Các bước giải: chọn hai ẩn và đặt điều kiện thích hợp cho "
                            "chúng; biểu diễn các đại lượng chưa biết theo ẩn; lập hai "
                            "phương trình từ các dữ kiện của bài toán; giải hệ; cuối "
                            "cùng đối chiếu nghiệm với điều kiện rồi trả lời."
                        ),
                        (
                            "Bài toán: Một lớp có 40 học sinh tham gia trồng cây. Mỗi bạn "
                            "nam trồng được 3 cây, mỗi bạn nữ trồng được 2 cây, cả lớp "
                            "trồng được 100 cây. Hỏi lớp có bao nhiêu bạn nam, bao nhiêu "
                            "bạn nữ?"
                        ),
                        (
                            "Gọi số bạn nam là x, số bạn nữ là y (x, y là số tự nhiên). "
                            "Ta có hệ x + y = 40 và 3x + 2y = 100. Nhân hai vế phương "
                            "trình thứ nhất với 2 rồi trừ từng vế được x = 20, suy ra y "
                            "= 20. Hai giá trị đều thỏa mãn điều kiện, vậy lớp có 20 bạn "
                            "nam và 20 bạn nữ."
                        ),
                    ),
                ),
            ),
        ),
    ),
    outcomes=(
        "Giải hệ phương trình bậc nhất hai ẩn",
        "Lập hệ phương trình từ bài toán thực tế",
    ),
)

MATHS_3 = DemoCourse(
    "Toán 3: Phép nhân và phép chia",
    "Bảng nhân, bảng chia và giải toán có lời văn cho học sinh lớp 3.",
    Subject.MATHEMATICS,
    GradeLevel.GRADE_3,
    (
        (
            "Bảng nhân",
            (
                DemoLesson(
                    "Bảng nhân 6",
                    (
                        (
                            "Bảng nhân 6: 6 × 1 = 6, 6 × 2 = 12, 6 × 3 = 18, 6 × 4 = 24, "
                            "6 × 5 = 30, 6 × 6 = 36, 6 × 7 = 42, 6 × 8 = 48, 6 × 9 = 54, "
                            "6 × 10 = 60."
                        ),
                        (
                            "Mỗi kết quả hơn kết quả liền trước 6 đơn vị, vì thêm một lần "
                            "6. Nếu quên 6 × 7, em lấy 6 × 6 = 36 rồi cộng thêm 6, được "
                            "42."
                        ),
                        (
                            "Bài toán: Mỗi hộp có 6 cái bánh. Hỏi 4 hộp như thế có bao "
                            "nhiêu cái bánh? Bài giải: Số bánh có trong 4 hộp là 6 × 4 = "
                            "24 (cái bánh). Đáp số: 24 cái bánh."
                        ),
                    ),
                    figure=DemoFigure(
                        "groups-of-six",
                        "Bảng nhân 6",
                        "Bốn hộp, mỗi hộp 6 cái bánh: 6 + 6 + 6 + 6 = 6 × 4 = 24.",
                        after=3,
                    ),
                ),
                DemoLesson(
                    "Bảng nhân 7",
                    (
                        (
                            "Bảng nhân 7: 7 × 1 = 7, 7 × 2 = 14, 7 × 3 = 21, 7 × 4 = 28, "
                            "7 × 5 = 35, 7 × 6 = 42, 7 × 7 = 49, 7 × 8 = 56, 7 × 9 = 63, "
                            "7 × 10 = 70."
                        ),
                        (
                            "Một tuần lễ có 7 ngày, nên 3 tuần lễ có 7 × 3 = 21 ngày. Đổi "
                            "chỗ các thừa số thì tích không thay đổi: 7 × 6 = 6 × 7 = 42, "
                            "vì vậy em có thể dùng bảng nhân 6 để kiểm tra bảng nhân 7."
                        ),
                        (
                            "Luyện tập: đếm thêm 7 từ 7 đến 70 (7, 14, 21, 28, ...), rồi "
                            "điền số thích hợp vào chỗ chấm: 7 × ... = 35; 7 × 8 = ...; "
                            "... × 7 = 63."
                        ),
                    ),
                ),
            ),
        ),
        (
            "Bảng chia",
            (
                DemoLesson(
                    "Bảng chia 6",
                    (
                        (
                            "Phép chia là phép tính ngược của phép nhân. Từ 6 × 3 = 18 "
                            "ta có 18 : 6 = 3 và 18 : 3 = 6."
                        ),
                        (
                            "Bảng chia 6: 6 : 6 = 1, 12 : 6 = 2, 18 : 6 = 3, 24 : 6 = 4, "
                            "30 : 6 = 5, 36 : 6 = 6, 42 : 6 = 7, 48 : 6 = 8, 54 : 6 = 9, "
                            "60 : 6 = 10."
                        ),
                        (
                            "Bài toán: Có 30 quyển vở chia đều cho 6 bạn. Hỏi mỗi bạn "
                            "được mấy quyển vở? Bài giải: Số quyển vở mỗi bạn được là "
                            "30 : 6 = 5 (quyển). Đáp số: 5 quyển vở."
                        ),
                    ),
                    quiz=(
                        question(
                            "7 × 8 bằng bao nhiêu?",
                            ("54", "56", "63"),
                            1,
                            "7 × 8 = 56. Có thể tính 7 × 7 = 49 rồi cộng thêm 7.",
                        ),
                        question(
                            "Những phép tính nào có kết quả bằng 42?",
                            ("6 × 7", "7 × 6", "6 × 8", "7 × 5"),
                            (0, 1),
                            "Đổi chỗ các thừa số thì tích không đổi: 6 × 7 = 7 × 6 "
                            "= 42; còn 6 × 8 = 48 và 7 × 5 = 35.",
                        ),
                        question(
                            "Mỗi hộp có 6 cái bánh. 4 hộp như thế có bao nhiêu cái "
                            "bánh?",
                            ("10", "24", "30"),
                            1,
                            "Lấy số bánh một hộp nhân với số hộp: 6 × 4 = 24.",
                        ),
                        question(
                            "42 : 6 bằng bao nhiêu?",
                            ("6", "7", "8"),
                            1,
                            "Vì 6 × 7 = 42 nên 42 : 6 = 7.",
                        ),
                    ),
                ),
            ),
        ),
    ),
)

STATISTICS_FOR_TEACHERS = DemoCourse(
    "Statistics for Teachers: Reading Assessment Data",
    "Use simple statistics to understand test results and plan teaching.",
    Subject.MATHEMATICS,
    GradeLevel.TEACHER_TRAINING,
    (
        (
            "Describing results",
            (
                DemoLesson(
                    "Mean, median and mode",
                    (
                        (
                            "The mean is the sum of all scores divided by the number of "
                            "scores. The median is the middle score when the scores are "
                            "put in order; with an even number of scores, it is the mean "
                            "of the two middle ones. The mode is the score that appears "
                            "most often."
                        ),
                        (
                            "Take the scores 4, 6, 7, 7, 8, 9 and 2. In order they are 2, "
                            "4, 6, 7, 7, 8, 9. The mean is 43 / 7 ≈ 6.1, the median is 7 "
                            "and the mode is 7."
                        ),
                        (
                            "The median is less affected by extreme scores than the mean. "
                            "One very low score, such as the 2 above, pulls the mean down "
                            "but leaves the median where it was, so report both when a "
                            "few learners are far behind the rest of the class."
                        ),
                    ),
                ),
                DemoLesson(
                    "Spread of scores",
                    (
                        (
                            "Two classes can have the same mean and still be very "
                            "different. The range, the highest score minus the lowest, "
                            "is quick to work out but depends on just two learners."
                        ),
                        (
                            "The standard deviation measures how far, on average, scores "
                            "lie from the mean. A small standard deviation means most "
                            "learners scored close to the mean; a large one means the "
                            "class is spread out and may need teaching at several levels."
                        ),
                        (
                            "A bar chart of how many learners got each score shows the "
                            "spread at a glance. In the chart below, 21 of the 32 "
                            "learners in class 9A scored 6, 7 or 8, and two scored 3 or "
                            "less."
                        ),
                    ),
                    figure=DemoFigure(
                        "score-chart",
                        "Class 9A test scores (out of 10)",
                        "Bar chart of 32 learners' scores: most scored 6, 7 or 8; "
                        "the mean is 6.7 and the median 7.",
                        after=3,
                    ),
                    quiz=(
                        question(
                            "Which measure is least affected by one very low score?",
                            ("Mean", "Median", "Range"),
                            1,
                            "The median depends only on the middle of the ordered "
                            "scores, so one extreme score barely moves it.",
                        ),
                        question(
                            "Which measures describe how spread out the scores are?",
                            ("Range", "Standard deviation", "Mode", "Median"),
                            (0, 1),
                            "Range and standard deviation measure spread; the mode "
                            "and median describe a typical score.",
                        ),
                        question(
                            "What is the median of 3, 5, 8 and 9?",
                            ("6.5", "5", "8"),
                            0,
                            "With four scores, the median is the mean of the two "
                            "middle ones: (5 + 8) / 2 = 6.5.",
                        ),
                        question(
                            "In the chart of class 9A, which score did the most "
                            "learners get?",
                            ("6", "7", "8"),
                            1,
                            "Eight learners scored 7, more than any other score: "
                            "7 is the mode.",
                        ),
                    ),
                ),
            ),
        ),
        (
            "Using results",
            (
                DemoLesson(
                    "Planning from assessment data",
                    (
                        (
                            "Assessment data is most useful when it changes what happens "
                            "in the next lesson. Look at the questions, not only the "
                            "totals: which skills did most learners master, and which "
                            "did many get wrong?"
                        ),
                        (
                            "Group learners by the skills they still need rather than by "
                            "their total score. A learner with 6/10 who lost marks on "
                            "fractions needs different help from one who lost marks on "
                            "word problems."
                        ),
                        (
                            "Plan a short re-teach of the skills the whole class missed, "
                            "targeted practice for each group, and a quick check a week "
                            "later to see whether the gap has closed. Share the results "
                            "with learners so they know what to work on."
                        ),
                    ),
                ),
            ),
        ),
    ),
    language=Language.ENGLISH,
    outcomes=(
        "Summarise a class's test results",
        "Plan teaching from assessment data",
    ),
)
