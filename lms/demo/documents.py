"""What a demo material's PDF says, and the PDF itself.

The text is in the material's language, about its topic and subject, in a few
paragraphs. The PDF embeds Roboto from the ``font-roboto`` package: the PDF
standard fonts have no Vietnamese letters, and a PDF in them loses every
diacritic when its text is extracted for search.
"""

import io
from functools import cache

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from lms.vocabulary import Subject

REGULAR, BOLD = "DemoRoboto", "DemoRoboto-Bold"
MARGIN = 56
TITLE_SIZE, TEXT_SIZE = 18, 11.5

# Two sentences per subject that any of its topics can carry.
SUBJECT_CONTEXT = {
    Subject.MATHEMATICS: (
        (
            "Học sinh nêu được định nghĩa, tính chất và vận dụng để giải bài tập, "
            "trong đó có những bài dẫn đến giải phương trình và hệ phương trình."
        ),
        (
            "Mỗi ví dụ đều có lời giải từng bước, hình vẽ minh họa và phần kiểm tra "
            "lại kết quả bằng cách thay số."
        ),
    ),
    Subject.LITERATURE: (
        (
            "Học sinh đọc kĩ văn bản, tìm hiểu hoàn cảnh sáng tác, nhân vật, hình "
            "ảnh và biện pháp tu từ tiêu biểu."
        ),
        (
            "Cuối bài, mỗi em viết một đoạn văn ngắn nêu cảm nhận và liên hệ với "
            "cuộc sống hôm nay."
        ),
    ),
    Subject.PHYSICS: (
        (
            "Các đại lượng vật lý được định nghĩa cùng đơn vị đo, công thức liên hệ "
            "và đồ thị biểu diễn sự phụ thuộc giữa chúng."
        ),
        (
            "Thí nghiệm đơn giản với dụng cụ có sẵn giúp học sinh kiểm chứng định "
            "luật trước khi giải bài tập định lượng."
        ),
    ),
    Subject.CHEMISTRY: (
        (
            "Học sinh viết đúng công thức hóa học, cân bằng phương trình phản ứng "
            "và tính toán theo số mol."
        ),
        (
            "Phần thực hành nhắc lại quy tắc an toàn trong phòng thí nghiệm và cách "
            "ghi chép hiện tượng quan sát được."
        ),
    ),
    Subject.BIOLOGY: (
        (
            "Nội dung gắn cấu tạo với chức năng của tế bào, cơ quan và cơ thể sống, "
            "kèm sơ đồ có chú thích."
        ),
        (
            "Học sinh quan sát mẫu vật hoặc ảnh hiển vi, rồi trả lời câu hỏi về vai "
            "trò của quá trình sống trong tự nhiên."
        ),
    ),
    Subject.HISTORY: (
        (
            "Các sự kiện được sắp xếp theo trình tự thời gian, với nguyên nhân, diễn "
            "biến, kết quả và ý nghĩa lịch sử."
        ),
        (
            "Học sinh đọc tư liệu gốc, lập bảng niên biểu và trình bày quan điểm của "
            "mình bằng lập luận có dẫn chứng."
        ),
    ),
    Subject.GEOGRAPHY: (
        (
            "Bản đồ, biểu đồ và số liệu thống kê giúp học sinh nhận xét sự phân bố "
            "và mối quan hệ giữa các hiện tượng địa lý."
        ),
        "Phần liên hệ thực tế nói về Việt Nam và địa phương nơi học sinh sinh sống.",
    ),
    Subject.INFORMATICS: (
        (
            "Mỗi khái niệm đi kèm ví dụ chạy được trên máy tính và bài tập tự kiểm "
            "tra có đáp án."
        ),
        (
            "Học sinh làm việc theo nhóm, viết chương trình nhỏ và giải thích từng "
            "bước xử lý dữ liệu."
        ),
    ),
}
GENERAL_CONTEXT = (
    (
        "Nội dung bám sát chương trình giáo dục phổ thông, với ví dụ gần gũi và "
        "câu hỏi gợi mở."
    ),
    "Giáo viên có thể điều chỉnh thời lượng và mức độ theo trình độ của lớp.",
)
ENGLISH_TEXT = (
    (
        "This {label} on {topic} is written for {grade}. It opens with the key "
        "words and a short warm-up, then moves to practice in pairs."
    ),
    (
        "Learners read a short text, answer questions about it and use the new "
        "language in sentences about their own lives."
    ),
    (
        "The last part is a quick check with answers, so learners and teachers "
        "can see what to review."
    ),
)


def paragraphs_for(*, label: str, topic: str, subject: str, grade: str, english: bool):
    """A few paragraphs about ``topic`` in the material's language."""
    if english:
        values = {"label": label.lower(), "topic": topic, "grade": grade}
        return [text.format(**values) for text in ENGLISH_TEXT]
    context = SUBJECT_CONTEXT.get(subject, GENERAL_CONTEXT)
    return [
        (
            f"{label} này trình bày chủ đề {topic} dành cho {grade}. Tài liệu gồm "
            "phần mục tiêu, nội dung chính, hoạt động trên lớp và câu hỏi ôn tập."
        ),
        (
            f"Mục tiêu: sau khi học chủ đề {topic}, học sinh hiểu các khái niệm cơ "
            f"bản và biết vận dụng vào bài tập. {context[0]}"
        ),
        (
            f"Hoạt động: {context[1]} Giáo viên tổ chức thảo luận nhóm, học sinh "
            "trình bày kết quả và nhận xét lẫn nhau."
        ),
        (
            "Đánh giá: phiếu câu hỏi ngắn ở cuối tài liệu giúp học sinh tự kiểm tra "
            "mức độ hiểu bài; đáp án và gợi ý chấm nằm ở trang cuối."
        ),
    ]


@cache
def _register_fonts() -> None:
    import font_roboto

    pdfmetrics.registerFont(TTFont(REGULAR, font_roboto.Roboto))
    pdfmetrics.registerFont(TTFont(BOLD, font_roboto.RobotoBold))


def material_pdf(title: str, paragraphs: list[str], *, pages: int = 1) -> bytes:
    """An A4 PDF: the title and the paragraphs on each page, as real text."""
    _register_fonts()
    buffer = io.BytesIO()
    width, height = A4
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
    canvas.setTitle(title)
    for number in range(1, pages + 1):
        y = _write(canvas, title, BOLD, TITLE_SIZE, height - MARGIN - TITLE_SIZE)
        for paragraph in paragraphs:
            y = _write(canvas, paragraph, REGULAR, TEXT_SIZE, y - TEXT_SIZE)
        if pages > 1:
            canvas.setFont(REGULAR, 9)
            canvas.drawCentredString(width / 2, MARGIN / 2, f"Trang {number}/{pages}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _write(canvas: Canvas, text: str, font: str, size: float, y: float) -> float:
    """Draw ``text`` wrapped to the page's width from ``y`` down; the next y."""
    canvas.setFont(font, size)
    for line in simpleSplit(text, font, size, A4[0] - 2 * MARGIN):
        canvas.drawString(MARGIN, y, line)
        y -= size * 1.4
    return y
