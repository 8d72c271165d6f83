"""Demo courses in physics, chemistry, biology and informatics."""

from lms.demo.catalogue.model import DemoCourse, DemoFigure, DemoLesson, question
from lms.vocabulary import GradeLevel, Subject

PHYSICS_11 = DemoCourse(
    "Vật lý 11: Dao động và sóng",
    "Dao động điều hòa, con lắc lò xo, con lắc đơn và sóng cơ học.",
    Subject.PHYSICS,
    GradeLevel.GRADE_11,
    (
        (
            "Dao động",
            (
                DemoLesson(
                    "Dao động điều hòa",
                    (
                        (
                            "Dao động cơ là chuyển động qua lại quanh một vị trí cân "
                            "bằng. Dao động tuần hoàn là dao động mà trạng thái chuyển "
                            "động của vật được lặp lại như cũ sau những khoảng thời gian "
                            "bằng nhau."
                        ),
                        (
                            "Dao động điều hòa là dao động trong đó li độ của vật là một "
                            "hàm côsin (hay sin) của thời gian: x = A cos(ωt + φ). Trong "
                            "đó A là biên độ (li độ cực đại, luôn dương), ω là tần số góc "
                            "(rad/s), ωt + φ là pha của dao động tại thời điểm t và φ là "
                            "pha ban đầu."
                        ),
                        (
                            "Chu kì T là khoảng thời gian vật thực hiện một dao động toàn "
                            "phần, đo bằng giây; tần số f = 1/T là số dao động toàn phần "
                            "thực hiện được trong một giây, đo bằng héc (Hz). Ba đại "
                            "lượng liên hệ với nhau bởi ω = 2π/T = 2πf."
                        ),
                        (
                            "Đồ thị li độ theo thời gian của dao động điều hòa là một "
                            "đường hình sin. Từ đồ thị, ta đọc được biên độ A (độ cao của "
                            "đỉnh so với trục thời gian) và chu kì T (khoảng cách giữa "
                            "hai đỉnh liên tiếp)."
                        ),
                    ),
                    figure=DemoFigure(
                        "oscillation",
                        "Đồ thị li độ của dao động x = 4cos(πt)",
                        "Đồ thị hình sin của li độ theo thời gian, biên độ 4 cm, "
                        "chu kì 2 s.",
                        after=4,
                    ),
                ),
                DemoLesson(
                    "Con lắc lò xo",
                    (
                        (
                            "Con lắc lò xo gồm một vật nhỏ khối lượng m gắn vào đầu một "
                            "lò xo có độ cứng k, đầu kia của lò xo cố định. Kéo vật ra "
                            "khỏi vị trí cân bằng rồi thả nhẹ; nếu bỏ qua ma sát, vật "
                            "dao động điều hòa."
                        ),
                        (
                            "Lực kéo về có độ lớn tỉ lệ với li độ và luôn hướng về vị "
                            "trí cân bằng: F = −kx. Chu kì dao động của con lắc lò xo "
                            "T = 2π√(m/k) chỉ phụ thuộc vào khối lượng của vật và độ "
                            "cứng của lò xo, không phụ thuộc vào biên độ."
                        ),
                        (
                            "Ví dụ: vật có khối lượng m = 100 g gắn vào lò xo có độ cứng "
                            "k = 40 N/m. Chu kì dao động là T = 2π√(0,1/40) = 2π · 0,05 "
                            "≈ 0,31 s."
                        ),
                        (
                            "Trong quá trình dao động, động năng và thế năng của con lắc "
                            "chuyển hóa qua lại, còn cơ năng W = ½kA² được bảo toàn nếu "
                            "bỏ qua ma sát."
                        ),
                    ),
                    quiz=(
                        question(
                            "Tăng khối lượng vật nặng thì chu kì con lắc lò xo sẽ?",
                            ("Giảm", "Tăng", "Không đổi"),
                            1,
                            "T = 2π√(m/k): khối lượng m tăng thì chu kì T tăng.",
                        ),
                        question(
                            "Chu kì của con lắc lò xo phụ thuộc vào những đại lượng "
                            "nào?",
                            (
                                "Khối lượng của vật",
                                "Độ cứng của lò xo",
                                "Biên độ dao động",
                                "Li độ ban đầu",
                            ),
                            (0, 1),
                            "Công thức T = 2π√(m/k) chỉ chứa m và k; chu kì không "
                            "phụ thuộc vào biên độ.",
                        ),
                        question(
                            "Một vật dao động điều hòa với chu kì 0,5 s. Tần số dao "
                            "động của vật là?",
                            ("0,5 Hz", "2 Hz", "5 Hz"),
                            1,
                            "f = 1/T = 1/0,5 = 2 Hz: vật thực hiện hai dao động "
                            "toàn phần mỗi giây.",
                        ),
                        question(
                            "Trong phương trình x = A cos(ωt + φ), đại lượng A gọi "
                            "là gì?",
                            ("Biên độ", "Pha ban đầu", "Tần số góc"),
                            0,
                            "A là biên độ, li độ cực đại của vật; φ là pha ban đầu, "
                            "ω là tần số góc.",
                        ),
                    ),
                ),
            ),
        ),
        (
            "Sóng",
            (
                DemoLesson(
                    "Sóng cơ và sự truyền sóng",
                    (
                        (
                            "Sóng cơ là dao động cơ lan truyền trong một môi trường vật "
                            "chất. Khi sóng truyền đi, các phần tử của môi trường chỉ "
                            "dao động quanh vị trí cân bằng của chúng, còn trạng thái "
                            "dao động và năng lượng được truyền đi."
                        ),
                        (
                            "Sóng ngang là sóng trong đó các phần tử môi trường dao động "
                            "theo phương vuông góc với phương truyền sóng, như sóng trên "
                            "mặt nước. Sóng dọc là sóng trong đó các phần tử dao động "
                            "theo phương trùng với phương truyền sóng, như sóng âm trong "
                            "không khí."
                        ),
                        (
                            "Bước sóng λ là quãng đường sóng truyền được trong một chu "
                            "kì, cũng là khoảng cách giữa hai điểm gần nhau nhất trên "
                            "phương truyền sóng dao động cùng pha. Tốc độ truyền sóng "
                            "v = λ/T = λf."
                        ),
                    ),
                ),
            ),
        ),
    ),
    outcomes=(
        "Viết và đọc phương trình, đồ thị của dao động điều hòa",
        "Tính chu kì của con lắc lò xo",
    ),
)

CHEMISTRY_8 = DemoCourse(
    "Hóa học 8: Nguyên tử và phân tử",
    "Cấu tạo nguyên tử, nguyên tố hóa học, đơn chất, hợp chất và phân tử.",
    Subject.CHEMISTRY,
    GradeLevel.GRADE_8,
    (
        (
            "Nguyên tử",
            (
                DemoLesson(
                    "Cấu tạo nguyên tử",
                    (
                        (
                            "Nguyên tử là hạt vô cùng nhỏ và trung hòa về điện. Mọi chất "
                            "đều được tạo nên từ nguyên tử."
                        ),
                        (
                            "Nguyên tử gồm hạt nhân mang điện tích dương ở tâm và lớp "
                            "vỏ tạo bởi một hay nhiều electron mang điện tích âm. Hạt "
                            "nhân được tạo bởi proton (mang điện tích dương) và nơtron "
                            "(không mang điện)."
                        ),
                        (
                            "Trong mỗi nguyên tử, số proton bằng số electron, vì vậy "
                            "nguyên tử trung hòa về điện. Các electron chuyển động rất "
                            "nhanh quanh hạt nhân và sắp xếp thành từng lớp; lớp thứ "
                            "nhất có tối đa 2 electron, lớp thứ hai có tối đa 8 electron."
                        ),
                        (
                            "Khối lượng của electron rất nhỏ so với proton và nơtron, nên "
                            "khối lượng nguyên tử coi như tập trung ở hạt nhân. Nguyên tử "
                            "cacbon có 6 proton, 6 nơtron và 6 electron xếp thành hai "
                            "lớp: 2 electron ở lớp trong và 4 electron ở lớp ngoài."
                        ),
                    ),
                    figure=DemoFigure(
                        "carbon-atom",
                        "Sơ đồ nguyên tử cacbon",
                        "Hạt nhân có 6 proton và 6 nơtron, lớp electron thứ nhất có "
                        "2 electron, lớp thứ hai có 4 electron.",
                        after=4,
                    ),
                ),
                DemoLesson(
                    "Nguyên tố hóa học",
                    (
                        (
                            "Nguyên tố hóa học là tập hợp những nguyên tử cùng loại, có "
                            "cùng số proton trong hạt nhân. Số proton là số đặc trưng "
                            "của một nguyên tố."
                        ),
                        (
                            "Mỗi nguyên tố được biểu diễn bằng một kí hiệu hóa học gồm "
                            "một hoặc hai chữ cái, chữ cái đầu viết in hoa: H (hiđro), O "
                            "(oxi), C (cacbon), Na (natri), Fe (sắt), Cu (đồng)."
                        ),
                        (
                            "Nguyên tử khối là khối lượng của một nguyên tử tính bằng "
                            "đơn vị cacbon (đvC); một đvC bằng 1/12 khối lượng của "
                            "nguyên tử cacbon. Nguyên tử khối của H là 1, của O là 16, "
                            "của Fe là 56 đvC."
                        ),
                    ),
                    quiz=(
                        question(
                            "Kí hiệu hóa học của sắt là?",
                            ("S", "Fe", "Si"),
                            1,
                            "Fe lấy từ tên Latinh của sắt, ferrum; S là lưu huỳnh, "
                            "Si là silic.",
                        ),
                        question(
                            "Những hạt nào có trong hạt nhân nguyên tử?",
                            ("Proton", "Nơtron", "Electron"),
                            (0, 1),
                            "Hạt nhân gồm proton và nơtron; electron chuyển động ở "
                            "lớp vỏ bên ngoài hạt nhân.",
                        ),
                        question(
                            "Vì sao nguyên tử trung hòa về điện?",
                            (
                                "Vì số proton bằng số electron",
                                "Vì số nơtron bằng số proton",
                                "Vì electron không mang điện",
                            ),
                            0,
                            "Mỗi proton mang một điện tích dương, mỗi electron mang "
                            "một điện tích âm; số hạt bằng nhau nên điện tích triệt "
                            "tiêu.",
                        ),
                        question(
                            "Nguyên tử oxi có 8 proton. Nguyên tử oxi có bao nhiêu "
                            "electron?",
                            ("6", "8", "16"),
                            1,
                            "Số electron bằng số proton, nên nguyên tử oxi có 8 "
                            "electron; 16 là nguyên tử khối của oxi.",
                        ),
                    ),
                ),
            ),
        ),
        (
            "Phân tử",
            (
                DemoLesson(
                    "Đơn chất và hợp chất",
                    (
                        (
                            "Đơn chất là những chất tạo nên từ một nguyên tố hóa học, ví "
                            "dụ khí oxi (O₂), kim loại đồng (Cu), than chì (C). Đơn chất "
                            "được chia thành kim loại và phi kim."
                        ),
                        (
                            "Hợp chất là những chất tạo nên từ hai nguyên tố hóa học trở "
                            "lên, ví dụ nước (H₂O) tạo nên từ hiđro và oxi, muối ăn "
                            "(NaCl) tạo nên từ natri và clo."
                        ),
                        (
                            "Phân tử là hạt đại diện cho chất, gồm một số nguyên tử liên "
                            "kết với nhau và thể hiện đầy đủ tính chất hóa học của chất. "
                            "Phân tử khối bằng tổng nguyên tử khối của các nguyên tử "
                            "trong phân tử: phân tử khối của H₂O là 2 · 1 + 16 = 18 đvC."
                        ),
                    ),
                ),
            ),
        ),
    ),
    outcomes=(
        "Mô tả cấu tạo nguyên tử",
        "Phân biệt đơn chất và hợp chất, tính phân tử khối",
    ),
)

BIOLOGY_10 = DemoCourse(
    "Sinh học 10: Tế bào và quang hợp",
    "Cấu trúc tế bào, chuyển hóa năng lượng và quá trình quang hợp ở thực vật.",
    Subject.BIOLOGY,
    GradeLevel.GRADE_10,
    (
        (
            "Tế bào",
            (
                DemoLesson(
                    "Cấu trúc tế bào nhân thực",
                    (
                        (
                            "Tế bào nhân thực có ở nấm, thực vật, động vật và nguyên "
                            "sinh vật. Tế bào có kích thước lớn hơn tế bào nhân sơ, có "
                            "nhân hoàn chỉnh được bao bọc bởi màng nhân và có hệ thống "
                            "nội màng chia tế bào chất thành nhiều xoang."
                        ),
                        (
                            "Nhân tế bào chứa vật chất di truyền (ADN liên kết với "
                            "prôtêin) và điều khiển mọi hoạt động sống của tế bào. Màng "
                            "sinh chất được cấu tạo từ lớp kép phôtpholipit và prôtêin, "
                            "có tính bán thấm: chỉ cho một số chất đi qua."
                        ),
                        (
                            "Trong tế bào chất có nhiều bào quan với chức năng riêng: "
                            "ribôxôm tổng hợp prôtêin, lưới nội chất và bộ máy Gôngi "
                            "vận chuyển và chế biến các chất, ti thể cung cấp năng "
                            "lượng, lục lạp (chỉ có ở tế bào thực vật) thực hiện quang "
                            "hợp."
                        ),
                        (
                            "Tế bào thực vật còn có thành xenlulôzơ bao ngoài màng sinh "
                            "chất và không bào lớn, nhờ đó tế bào giữ được hình dạng ổn "
                            "định."
                        ),
                    ),
                ),
                DemoLesson(
                    "Lục lạp và ti thể",
                    (
                        (
                            "Lục lạp có hai lớp màng bao bọc; bên trong là chất nền chứa "
                            "các túi dẹt tilacôit xếp chồng lên nhau thành grana. Trên "
                            "màng tilacôit có chất diệp lục và các enzim của pha sáng "
                            "quang hợp."
                        ),
                        (
                            "Ti thể cũng có hai lớp màng; màng trong gấp nếp thành các "
                            "mào, trên đó có nhiều enzim hô hấp. Ti thể là nơi diễn ra "
                            "hô hấp tế bào, chuyển năng lượng trong chất hữu cơ thành "
                            "ATP, dạng năng lượng mà tế bào sử dụng được."
                        ),
                        (
                            "Lục lạp và ti thể đều có ADN và ribôxôm riêng, nên tự tổng "
                            "hợp được một số prôtêin cho mình. Có thể nói lục lạp tích "
                            "lũy năng lượng, còn ti thể giải phóng năng lượng cho tế bào."
                        ),
                    ),
                    quiz=(
                        question(
                            "Bào quan nào thực hiện quang hợp?",
                            ("Ti thể", "Lục lạp", "Ribôxôm"),
                            1,
                            "Lục lạp chứa diệp lục và thực hiện quang hợp; ti thể "
                            "thực hiện hô hấp, ribôxôm tổng hợp prôtêin.",
                        ),
                        question(
                            "Những đặc điểm nào có ở cả lục lạp và ti thể?",
                            (
                                "Có hai lớp màng bao bọc",
                                "Có ADN và ribôxôm riêng",
                                "Chứa chất diệp lục",
                                "Có trong mọi tế bào động vật",
                            ),
                            (0, 1),
                            "Diệp lục chỉ có trong lục lạp, và tế bào động vật không "
                            "có lục lạp.",
                        ),
                        question(
                            "Hô hấp tế bào ở ti thể tạo ra dạng năng lượng nào mà tế "
                            "bào sử dụng được?",
                            ("ATP", "Glucôzơ", "Ôxi"),
                            0,
                            "Ti thể chuyển năng lượng trong glucôzơ thành ATP; ôxi "
                            "được dùng trong hô hấp chứ không phải sản phẩm của nó.",
                        ),
                        question(
                            "Pha sáng của quang hợp diễn ra ở đâu?",
                            ("Chất nền lục lạp", "Màng tilacôit", "Màng trong ti thể"),
                            1,
                            "Diệp lục và enzim của pha sáng nằm trên màng tilacôit; "
                            "pha tối diễn ra trong chất nền.",
                        ),
                    ),
                ),
            ),
        ),
        (
            "Quang hợp",
            (
                DemoLesson(
                    "Quang hợp ở thực vật",
                    (
                        (
                            "Quang hợp là quá trình lá cây dùng năng lượng ánh sáng mặt "
                            "trời do diệp lục hấp thụ để tổng hợp chất hữu cơ từ khí "
                            "cacbônic và nước, đồng thời giải phóng khí ôxi."
                        ),
                        (
                            "Quang hợp gồm hai pha. Pha sáng diễn ra trên màng tilacôit: "
                            "năng lượng ánh sáng được dùng để phân li nước, giải phóng "
                            "ôxi và tạo ATP, NADPH. Pha tối diễn ra trong chất nền lục "
                            "lạp: ATP và NADPH được dùng để khử CO₂ thành đường."
                        ),
                        (
                            "Quang hợp tạo ra gần như toàn bộ chất hữu cơ trên Trái Đất, "
                            "cung cấp ôxi cho sự sống và góp phần điều hòa lượng CO₂ "
                            "trong khí quyển. Vì vậy, bảo vệ rừng và trồng cây xanh có ý "
                            "nghĩa rất lớn đối với môi trường."
                        ),
                    ),
                    figure=DemoFigure(
                        "photosynthesis",
                        "Sơ đồ quá trình quang hợp",
                        "Lá cây nhận ánh sáng, CO₂ và nước, tạo ra glucôzơ và giải "
                        "phóng ôxi: 6CO₂ + 6H₂O → C₆H₁₂O₆ + 6O₂.",
                        after=1,
                    ),
                ),
            ),
        ),
    ),
    outcomes=("Mô tả cấu trúc tế bào nhân thực", "Giải thích quá trình quang hợp"),
)

INFORMATICS_11 = DemoCourse(
    "Tin học 11: Lập trình Python cơ bản",
    "Biến, kiểu dữ liệu, câu lệnh rẽ nhánh, vòng lặp và hàm trong Python.",
    Subject.INFORMATICS,
    GradeLevel.GRADE_11,
    (
        (
            "Làm quen với Python",
            (
                DemoLesson(
                    "Biến và kiểu dữ liệu",
                    (
                        (
                            "Biến là tên dùng để lưu một giá trị trong bộ nhớ khi chương "
                            "trình chạy. Trong Python, biến được tạo bằng câu lệnh gán, "
                            'chẳng hạn diem = 8 hay ten = "An", không cần khai báo kiểu '
                            "trước."
                        ),
                        (
                            "Các kiểu dữ liệu cơ bản gồm số nguyên (int) như 10, số thực "
                            '(float) như 7.5, xâu kí tự (str) như "Hà Nội" và lôgic '
                            "(bool) với hai giá trị True, False. Hàm type() cho biết kiểu "
                            "của một giá trị; các hàm int(), float(), str() chuyển đổi "
                            "giữa các kiểu."
                        ),
                        (
                            "Danh sách (list) lưu nhiều giá trị theo thứ tự trong cặp "
                            "ngoặc vuông, ví dụ diem = [8, 9, 7]. Các phần tử được đánh "
                            "chỉ số từ 0: diem[0] là 8. Phép // cho thương nguyên, phép % "
                            "cho số dư: 7 // 2 bằng 3 và 7 % 2 bằng 1."
                        ),
                    ),
                ),
                DemoLesson(
                    "Câu lệnh if",
                    (
                        (
                            "Câu lệnh if cho phép chương trình chọn việc cần làm tùy theo "
                            "một điều kiện. Điều kiện là một biểu thức lôgic, thường dùng "
                            "các phép so sánh ==, !=, <, <=, >, >= và các phép and, or, "
                            "not."
                        ),
                        (
                            "Cú pháp: if điều kiện: khối lệnh 1, else: khối lệnh 2. Các "
                            "lệnh trong cùng một khối phải thụt lề như nhau, thường là "
                            "bốn dấu cách."
                        ),
                        (
                            'Ví dụ: nhập điểm kiểm tra; nếu diem >= 5 thì in "Đạt", '
                            'ngược lại in "Chưa đạt". Sơ đồ khối dưới đây mô tả cách '
                            "chương trình chọn một trong hai nhánh."
                        ),
                        (
                            "Khi có nhiều trường hợp, dùng thêm elif: if diem >= 8: in "
                            '"Giỏi"; elif diem >= 6.5: in "Khá"; else: in "Cần cố '
                            'gắng". Python xét các điều kiện từ trên xuống và chỉ thực '
                            "hiện nhánh đầu tiên có điều kiện đúng."
                        ),
                    ),
                    figure=DemoFigure(
                        "if-flowchart",
                        "Sơ đồ khối của câu lệnh if … else",
                        "Nhập điểm, nếu điểm từ 5 trở lên thì in Đạt, ngược lại in "
                        "Chưa đạt, rồi kết thúc.",
                        after=3,
                    ),
                    quiz=(
                        question(
                            "Kết quả của 7 // 2 trong Python là?",
                            ("3.5", "3", "4"),
                            1,
                            "Phép // cho phần nguyên của thương: 7 // 2 = 3; còn "
                            "7 / 2 = 3.5.",
                        ),
                        question(
                            "Với x = 5, những biểu thức nào có giá trị True?",
                            ("x > 3 and x < 10", "x == 5", "not x == 5", "x % 2 == 0"),
                            (0, 1),
                            "5 nằm giữa 3 và 10 và bằng 5; not x == 5 là False, còn "
                            "5 % 2 bằng 1 chứ không bằng 0.",
                        ),
                        question(
                            "Với diem = 4, chương trình trong sơ đồ khối in ra gì?",
                            ("Đạt", "Chưa đạt", "Không in gì"),
                            1,
                            "4 >= 5 là sai, nên chương trình đi theo nhánh else và "
                            "in Chưa đạt.",
                        ),
                        question(
                            'Giá trị "Hà Nội" có kiểu dữ liệu nào?',
                            ("int", "str", "bool"),
                            1,
                            "Giá trị đặt trong dấu nháy là một xâu kí tự, kiểu str.",
                        ),
                    ),
                ),
            ),
        ),
        (
            "Vòng lặp và hàm",
            (
                DemoLesson(
                    "Vòng lặp for và while",
                    (
                        (
                            "Vòng lặp giúp thực hiện một khối lệnh nhiều lần. Vòng lặp "
                            "for thường dùng khi biết trước số lần lặp hoặc khi cần duyệt "
                            "qua các phần tử của một danh sách, một xâu."
                        ),
                        (
                            "Hàm range(n) sinh các số 0, 1, ..., n − 1, còn range(1, 11) "
                            "sinh các số từ 1 đến 10. Đoạn lệnh tong = 0, rồi for i in "
                            "range(1, 11): tong = tong + i tính tổng các số từ 1 đến 10 "
                            "và được 55."
                        ),
                        (
                            "Vòng lặp while lặp lại khi điều kiện còn đúng và thường dùng "
                            "khi chưa biết trước số lần lặp, chẳng hạn yêu cầu người dùng "
                            "nhập lại cho đến khi được một số hợp lệ. Cần bảo đảm điều "
                            "kiện sẽ có lúc sai, nếu không chương trình sẽ lặp vô hạn."
                        ),
                    ),
                ),
            ),
        ),
    ),
    outcomes=(
        "Dùng biến, kiểu dữ liệu và câu lệnh rẽ nhánh",
        "Viết vòng lặp for và while",
    ),
)
