"""Demo courses in Vietnamese, literature and English."""

from lms.demo.catalogue.model import DemoCourse, DemoFigure, DemoLesson, question
from lms.vocabulary import GradeLevel, Language, Subject

LITERATURE_10 = DemoCourse(
    "Ngữ văn 10: Đọc hiểu văn bản thơ",
    "Phương pháp đọc hiểu thơ trữ tình qua các tác phẩm tiêu biểu.",
    Subject.LITERATURE,
    GradeLevel.GRADE_10,
    (
        (
            "Thơ trữ tình",
            (
                DemoLesson(
                    "Đặc trưng của thơ trữ tình",
                    (
                        (
                            "Thơ trữ tình là thể loại văn học phản ánh đời sống qua cảm "
                            "xúc, tâm trạng, suy tư của con người. Người bộc lộ cảm xúc "
                            "trong bài thơ được gọi là chủ thể trữ tình; đó có thể là "
                            "chính nhà thơ hoặc một nhân vật trữ tình do nhà thơ xây "
                            "dựng."
                        ),
                        (
                            "Ngôn ngữ thơ cô đọng, giàu hình ảnh và nhạc điệu. Nhạc điệu "
                            "được tạo nên từ vần, nhịp và sự phối hợp thanh bằng, thanh "
                            "trắc. Đọc to bài thơ, ngắt nhịp đúng là bước đầu tiên để "
                            "cảm nhận cảm xúc của văn bản."
                        ),
                        (
                            "Khi đọc hiểu một bài thơ, cần xác định thể thơ, đề tài, chủ "
                            "thể trữ tình và mạch cảm xúc, rồi phân tích các hình ảnh, từ "
                            "ngữ và biện pháp tu từ tiêu biểu như so sánh, ẩn dụ, hoán "
                            "dụ, điệp ngữ."
                        ),
                    ),
                ),
                DemoLesson(
                    "Đọc hiểu bài thơ Thu hứng",
                    (
                        (
                            "Thu hứng (Cảm xúc mùa thu) là chùm tám bài thơ Đỗ Phủ sáng "
                            "tác năm 766, khi ông đang sống nơi đất khách ở Quỳ Châu. Bài "
                            "thứ nhất quen thuộc với học sinh Việt Nam qua bản dịch thơ "
                            "của Nguyễn Công Trứ."
                        ),
                        (
                            "Bài thơ viết theo thể thất ngôn bát cú Đường luật: tám câu, "
                            "mỗi câu bảy chữ, gieo một vần bằng, hai câu thực và hai câu "
                            "luận đối nhau. Bố cục thường được chia thành bốn phần: đề, "
                            "thực, luận, kết."
                        ),
                        (
                            "Bốn câu đầu vẽ cảnh thu hiu hắt ở vùng núi Vu Sơn, Vu Giáp: "
                            "rừng phong tiêu điều, sóng tung lên tận trời, mây sa sầm "
                            "giáp mặt đất. Bốn câu sau chuyển sang tình: khóm cúc nở hoa "
                            "đã hai lần gợi giọt lệ ngày trước, con thuyền cô độc buộc "
                            "chặt tấm lòng nhớ vườn cũ, tiếng chày đập vải dồn dập trong "
                            "chiều tối ở thành Bạch Đế."
                        ),
                        (
                            "Cảnh và tình hòa quyện: nỗi buồn của thiên nhiên mùa thu "
                            "cũng là nỗi buồn lưu lạc, nỗi lo cho vận nước và lòng nhớ "
                            "quê hương của nhà thơ."
                        ),
                    ),
                    figure=DemoFigure(
                        "poem-structure",
                        "Bố cục bài thơ Thu hứng",
                        "Bốn phần đề, thực, luận, kết của bài thơ: bốn câu đầu tả "
                        "cảnh thu, bốn câu sau nói nỗi nhớ quê hương.",
                        after=2,
                    ),
                    quiz=(
                        question(
                            "Bài Thu hứng được viết theo thể thơ nào?",
                            ("Lục bát", "Thất ngôn bát cú Đường luật", "Thơ tự do"),
                            1,
                            "Bài thơ có tám câu, mỗi câu bảy chữ, theo luật thơ Đường.",
                        ),
                        question(
                            "Những hình ảnh nào trong bài thơ gợi nỗi nhớ quê của "
                            "nhà thơ?",
                            (
                                "Khóm cúc nở hoa đã hai lần",
                                "Con thuyền cô độc buộc tấm lòng nhớ vườn cũ",
                                "Tiếng chày đập vải lúc chiều tối",
                                "Cánh đồng lúa chín vàng",
                            ),
                            (0, 1, 2),
                            "Cúc, thuyền và tiếng chày đều gắn với nỗi buồn xa xứ; "
                            "bài thơ không nhắc tới cánh đồng lúa.",
                        ),
                        question(
                            "Trong bài thất ngôn bát cú Đường luật, những cặp câu "
                            "nào phải đối nhau?",
                            (
                                "Hai câu đề",
                                "Hai câu thực",
                                "Hai câu luận",
                                "Hai câu kết",
                            ),
                            (1, 2),
                            "Luật thơ yêu cầu hai câu thực (câu 3–4) và hai câu luận "
                            "(câu 5–6) đối nhau về ý và về thanh.",
                        ),
                        question(
                            "Chủ thể trữ tình là ai?",
                            (
                                "Người bộc lộ cảm xúc, suy tư trong bài thơ",
                                "Nhân vật phản diện trong truyện",
                                "Người dịch bài thơ",
                            ),
                            0,
                            "Chủ thể trữ tình là người trực tiếp bày tỏ cảm xúc; ở "
                            "Thu hứng, đó là chính nhà thơ nơi đất khách.",
                        ),
                    ),
                ),
            ),
        ),
        (
            "Viết",
            (
                DemoLesson(
                    "Viết đoạn văn phân tích thơ",
                    (
                        (
                            "Đoạn văn phân tích thơ tập trung vào một khía cạnh: một hình "
                            "ảnh, một câu thơ hay một biện pháp tu từ. Đoạn văn cần có "
                            "câu chủ đề nêu rõ nhận xét chính, thường đặt ở đầu đoạn."
                        ),
                        (
                            "Các câu tiếp theo dẫn chứng bằng câu thơ, từ ngữ cụ thể, "
                            "phân tích tác dụng của chúng về nội dung và nghệ thuật, rồi "
                            "bình luận, liên hệ. Dẫn chứng phải chính xác và được đặt "
                            "trong ngoặc kép."
                        ),
                        (
                            "Câu kết khép lại đoạn văn, khẳng định lại nhận xét và nêu ý "
                            "nghĩa của chi tiết đối với cả bài thơ. Trước khi nộp, hãy "
                            "đọc lại để sửa lỗi chính tả, dùng từ và liên kết câu."
                        ),
                    ),
                ),
            ),
        ),
    ),
    outcomes=(
        "Đọc hiểu một bài thơ trữ tình theo đặc trưng thể loại",
        "Viết đoạn văn phân tích một chi tiết thơ",
    ),
)

VIETNAMESE_1 = DemoCourse(
    "Tiếng Việt 1: Làm quen với chữ cái",
    "Nhận biết chữ cái, ghép vần và đọc tiếng đơn giản cho học sinh lớp 1.",
    Subject.LITERATURE,
    GradeLevel.GRADE_1,
    (
        (
            "Chữ cái",
            (
                DemoLesson(
                    "Chữ a, ă, â",
                    (
                        (
                            "Chữ a gồm một nét cong kín và một nét móc ngược. Chữ ă giống "
                            "chữ a, có thêm một nét cong nhỏ ở trên như vầng trăng "
                            "khuyết; chữ â có thêm dấu mũ."
                        ),
                        (
                            "Âm a đọc mở miệng to, như trong tiếng lá, ba; âm ă đọc ngắn "
                            "hơn, như trong tiếng ăn, khăn; âm â đọc ngắn và hơi khép "
                            "miệng, như trong tiếng ấm, cân."
                        ),
                        (
                            "Em tìm và đọc các tiếng có âm a, ă, â: ba, cá, lá; ăn, khăn, "
                            "măng; ấm, cân, sân. Khi viết, em đặt bút đúng dòng kẻ, viết "
                            "nét cong trước rồi đến nét móc."
                        ),
                    ),
                    figure=DemoFigure(
                        "letters",
                        "Chữ a, ă, â",
                        "Ba chữ a, ă, â viết to, dưới mỗi chữ là một tiếng có chữ "
                        "đó: lá, khăn, cân.",
                        after=1,
                    ),
                ),
                DemoLesson(
                    "Chữ đ và d",
                    (
                        (
                            "Chữ d gồm một nét cong kín và một nét móc ngược dài. Chữ đ "
                            "giống chữ d và có thêm một nét gạch ngang ngắn."
                        ),
                        (
                            "Âm d đọc nhẹ, như trong tiếng dê, da, dế; âm đ đọc mạnh hơn, "
                            "đầu lưỡi chạm vào chân răng trên, như trong tiếng đò, đá, "
                            "đỏ."
                        ),
                        (
                            "Em luyện đọc: dê đi; đá đỏ; bé đi đò. Sau đó tô và viết chữ "
                            "d, đ vào vở, nhớ viết nét gạch ngang của chữ đ sau cùng."
                        ),
                    ),
                ),
            ),
        ),
        (
            "Ghép vần",
            (
                DemoLesson(
                    "Vần an, ăn, ân",
                    (
                        (
                            "Vần an gồm âm a đứng trước và âm n đứng sau. Tương tự, vần "
                            "ăn gồm ă và n, vần ân gồm â và n."
                        ),
                        (
                            "Ghép âm đầu với vần để được tiếng: b với an được ban, kh với "
                            "ăn được khăn, c với ân được cân. Thêm dấu thanh để được "
                            "tiếng mới: bàn, bạn, cận."
                        ),
                        (
                            "Em đọc các từ: bàn tay, khăn mặt, cái cân, bạn thân. Tìm "
                            "thêm một tiếng có vần an, một tiếng có vần ăn, một tiếng có "
                            "vần ân, rồi nói một câu có tiếng đó."
                        ),
                    ),
                    quiz=(
                        question(
                            "Chữ nào có nét gạch ngang?",
                            ("d", "đ", "b"),
                            1,
                            "Chữ đ giống chữ d và có thêm nét gạch ngang ngắn.",
                        ),
                        question(
                            "Những tiếng nào bắt đầu bằng chữ đ?",
                            ("đò", "dê", "đỏ", "da"),
                            (0, 2),
                            "Đò và đỏ bắt đầu bằng đ; dê và da bắt đầu bằng d.",
                        ),
                        question(
                            "Chữ nào có dấu mũ ở trên?",
                            ("ă", "â", "a"),
                            1,
                            "Chữ â có dấu mũ; chữ ă có nét cong như vầng trăng khuyết.",
                        ),
                        question(
                            "Ghép âm b với vần an được tiếng nào?",
                            ("ban", "bân", "băn"),
                            0,
                            "b với an được ban, như trong bàn tay, bạn thân khi "
                            "thêm dấu thanh.",
                        ),
                    ),
                ),
            ),
        ),
    ),
    outcomes=("Nhận biết và đọc đúng các chữ cái", "Ghép âm với vần thành tiếng"),
)

ENGLISH_7 = DemoCourse(
    "English 7: Everyday English",
    "Practise speaking and listening for everyday situations: greetings, shopping "
    "and travel.",
    Subject.ENGLISH,
    GradeLevel.GRADE_7,
    (
        (
            "Talking to people",
            (
                DemoLesson(
                    "Greetings and introductions",
                    (
                        (
                            "When we meet someone for the first time, we say hello, give "
                            "our name and ask about the other person. In class, we say "
                            '"Good morning" or "Good afternoon" to teachers and "Hi" '
                            'or "Hello" to friends.'
                        ),
                        (
                            'Useful phrases: "Hello, my name is Lan. What\'s your name?" '
                            '"Hi, I\'m Nam. Nice to meet you." "Nice to meet you too." '
                            'To ask how someone is, say "How are you?" and answer '
                            '"I\'m fine, thanks. And you?"'
                        ),
                        (
                            "Practise in pairs: introduce yourself, say which class you "
                            "are in and name one hobby, for example \"I'm in class 7A and "
                            'I like playing badminton."'
                        ),
                        (
                            "Mẹo: khi mới làm quen, người nói tiếng Anh thường không hỏi "
                            "tuổi hay cân nặng. Hãy hỏi về sở thích, môn học yêu thích "
                            "hoặc quê quán của bạn mới."
                        ),
                    ),
                ),
                DemoLesson(
                    "Asking for directions",
                    (
                        (
                            'To ask the way politely, start with "Excuse me" and use an '
                            'indirect question: "Excuse me, could you tell me the way to '
                            'the post office?" or "Is there a bank near here?"'
                        ),
                        (
                            'To give directions, use the imperative: "Go straight '
                            'ahead", "Turn left at the traffic lights", "Take the '
                            'second turning on the right". Prepositions of place help '
                            "the listener: next to, opposite, between, on the corner of."
                        ),
                        (
                            "Look at the map. You are near the school on Lê Lợi Street. "
                            "Go straight ahead and turn left at the traffic lights into "
                            "Trần Phú Street: the post office is on your right, opposite "
                            "the park."
                        ),
                        (
                            'Mẹo: câu hỏi gián tiếp "Could you tell me where the bank '
                            'is?" giữ trật tự chủ ngữ đứng trước động từ (the bank is), '
                            'khác với câu hỏi trực tiếp "Where is the bank?".'
                        ),
                    ),
                    figure=DemoFigure(
                        "street-map",
                        "Asking the way",
                        "A street map: from the school on Lê Lợi Street, go straight "
                        "ahead and turn left at the traffic lights; the post office "
                        "is opposite the park.",
                        after=3,
                    ),
                    quiz=(
                        question(
                            "Which question is the most polite?",
                            (
                                "Where is the bank?",
                                "Excuse me, could you tell me where the bank is?",
                                "Bank where?",
                            ),
                            1,
                            '"Excuse me" and an indirect question with "could you '
                            'tell me" are the politest way to ask a stranger.',
                        ),
                        question(
                            "Which sentences give directions?",
                            (
                                "Turn left at the traffic lights.",
                                "Go straight ahead.",
                                "I like playing badminton.",
                                "It's opposite the park.",
                            ),
                            (0, 1, 3),
                            "Imperatives and prepositions of place give directions; "
                            '"I like playing badminton" talks about a hobby.',
                        ),
                        question(
                            "Look at the map. The café is ___ the bank.",
                            ("next to", "between", "opposite of"),
                            0,
                            "The café and the bank stand side by side on Lê Lợi "
                            "Street: the café is next to the bank.",
                        ),
                        question(
                            "Look at the map. Where is the post office?",
                            (
                                "Next to the school",
                                "Opposite the park",
                                "Behind the bank",
                            ),
                            1,
                            "The post office and the park face each other across "
                            "Trần Phú Street.",
                        ),
                    ),
                ),
            ),
        ),
        (
            "Out and about",
            (
                DemoLesson(
                    "Shopping for clothes",
                    (
                        (
                            'In a clothes shop, the shop assistant may ask "Can I help '
                            'you?". You can answer "Yes, I\'m looking for a T-shirt" or '
                            '"No, thanks. I\'m just looking."'
                        ),
                        (
                            'Ask about size, colour and price: "Do you have this in a '
                            'medium?", "Have you got it in blue?", "How much is it?" '
                            '"It\'s 150,000 dong." Before you buy, ask "Can I try it '
                            'on?"'
                        ),
                        (
                            "Role-play: one learner is the shop assistant and the other "
                            "is the customer. Then change roles and buy something "
                            "different."
                        ),
                        (
                            'Mẹo: 150,000 dong đọc là "one hundred and fifty thousand '
                            'dong"; tiếng Anh dùng dấu phẩy để tách hàng nghìn và dấu '
                            "chấm cho phần thập phân, ngược với tiếng Việt."
                        ),
                    ),
                ),
            ),
        ),
    ),
    language=Language.ENGLISH,
    outcomes=("Greet and introduce yourself", "Ask for directions politely"),
)
