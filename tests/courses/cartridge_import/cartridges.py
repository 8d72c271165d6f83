"""Common Cartridges written on the spot, shaped like a platform's export.

``cartridge`` makes one of two modules: the first with a web page (a
picture, a link to a PDF, a link to the next lesson), a page nested two
folders deep, a web link and a QTI quiz with two supported questions and an
essay; the second with a discussion topic and an LTI tool link. Tests
change one piece (the version, a file, the manifest's prolog) at a time.
"""

from lms.demo_files import make_image, make_pdf
from tests.materials.files import zip_bytes

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
LESSON = (
    "<!DOCTYPE html><html><head><title>Bài 1</title><script>alert(1)</script>"
    "</head><body><h1>Phân số là gì?</h1><p>Phân số gồm <b>tử số</b> và mẫu số."
    '</p><img src="../images/banh.png" alt="Chiếc bánh chia tư"><p>Xem '
    '<a href="../files/phieu.pdf">phiếu bài tập</a> rồi sang '
    '<a href="bai-doc-them.html">bài đọc thêm</a>.</p>'
    '<p><a href="javascript:alert(1)" onclick="x()">Bấm</a></p></body></html>'
)
READING = "<html><body><p>Phân số trong đời sống.</p></body></html>"


def cartridge(
    *,
    version: str = "1.3",
    prolog: str = "",
    lesson: str = LESSON,
    extra_files: dict[str, bytes] | None = None,
) -> bytes:
    files = {
        "imsmanifest.xml": prolog + manifest(version),
        "web/bai-1.html": lesson,
        "web/bai-doc-them.html": READING,
        "images/banh.png": make_image("Bánh", size=(64, 36)),
        "files/phieu.pdf": make_pdf("Phiếu bài tập"),
        "links/tu-dien.xml": web_link(version),
        "quiz/assessment.xml": assessment(),
        "topic/topic.xml": "<topic><title>Thảo luận</title></topic>",
        "lti/tool.xml": "<cartridge_basiclti_link/>",
        **(extra_files or {}),
    }
    return zip_bytes(
        {n: d.encode() if isinstance(d, str) else d for n, d in files.items()}
    )


def manifest(version: str) -> str:
    minor = version.split(".")[1]
    return (
        f'<manifest identifier="CC" xmlns="http://www.imsglobal.org/xsd/imsccv1p{minor}'
        '/imscp_v1p1"><metadata><schema>IMS Common Cartridge</schema>'
        f"<schemaversion>{version}.0</schemaversion><lom><general><title><string>"
        "Toán 6: Phân số</string></title><description><string>Khái niệm phân số "
        "và bài tập.</string></description></general></lom></metadata>"
        '<organizations><organization identifier="O" structure="rooted-hierarchy">'
        '<item identifier="ROOT"><item identifier="M1"><title>Chương 1: Phân số'
        '</title><item identifier="L1" identifierref="PAGE"><title>Bài 1: Khái niệm'
        '</title></item><item identifier="F1"><title>Mở rộng</title>'
        '<item identifier="F2"><title>Đọc thêm</title><item identifier="L2" '
        'identifierref="READ"><title>Bài đọc thêm</title></item></item></item>'
        '<item identifier="L3" identifierref="LINK"><title>Từ điển</title></item>'
        '<item identifier="L4" identifierref="QUIZ"><title>Kiểm tra 15 phút</title>'
        '</item></item><item identifier="M2"><title>Chương 2: Thảo luận</title>'
        '<item identifier="L5" identifierref="TOPIC"><title>Diễn đàn</title></item>'
        '<item identifier="L6" identifierref="TOOL"><title>Phòng thí nghiệm ảo'
        "</title></item></item></item></organization></organizations><resources>"
        '<resource identifier="PAGE" type="webcontent" href="web/bai-1.html">'
        '<file href="web/bai-1.html"/><file href="images/banh.png"/></resource>'
        '<resource identifier="READ" type="webcontent" href="web/bai-doc-them.html">'
        '<file href="web/bai-doc-them.html"/></resource>'
        f'<resource identifier="LINK" type="imswl_xmlv1p{minor}">'
        '<file href="links/tu-dien.xml"/></resource>'
        '<resource identifier="QUIZ" type="imsqti_xmlv1p2/imscc_xmlv1p'
        f'{minor}/assessment"><file href="quiz/assessment.xml"/></resource>'
        f'<resource identifier="TOPIC" type="imsdt_xmlv1p{minor}">'
        '<file href="topic/topic.xml"/></resource>'
        '<resource identifier="TOOL" type="imsbasiclti_xmlv1p0">'
        '<file href="lti/tool.xml"/></resource></resources></manifest>'
    )


def web_link(version: str) -> str:
    minor = version.split(".")[1]
    return (
        f'<webLink xmlns="http://www.imsglobal.org/xsd/imsccv1p{minor}/imswl_v1p{minor}">'
        '<title>Từ điển Toán học</title><url href="https://vi.wikipedia.org/wiki/'
        'Ph%C3%A2n_s%E1%BB%91"/></webLink>'
    )


def assessment() -> str:
    return (
        f'<questestinterop xmlns="{QTI_NS}"><assessment ident="A1" '
        'title="Kiểm tra 15 phút"><section ident="S1">'
        + choice_item("Q1", "cc.multiple_choice.v0p1", "Phân số nào bằng 1/2?",
                      [("a", "2/4"), ("b", "1/3"), ("c", "3/4")], ["a"])
        + choice_item("Q2", "cc.true_false.v0p1", "&lt;p&gt;Mẫu số có thể bằng 0."
                      "&lt;/p&gt;", [("t", "Đúng"), ("f", "Sai")], ["f"])
        + choice_item("Q3", "cc.multiple_response.v0p1", "Chọn các phân số lớn hơn 1",
                      [("a", "3/2"), ("b", "1/2"), ("c", "5/4")], ["a", "c"])
        + '<item ident="Q4" title="Giải thích"><itemmetadata><qtimetadata>'
        "<qtimetadatafield><fieldlabel>cc_profile</fieldlabel><fieldentry>"
        "cc.essay.v0p1</fieldentry></qtimetadatafield></qtimetadata></itemmetadata>"
        "<presentation><material><mattext>Giải thích vì sao.</mattext></material>"
        '<response_str ident="R"><render_fib/></response_str></presentation></item>'
        "</section></assessment></questestinterop>"
    )  # fmt: skip


def choice_item(ident, profile, prompt, choices, correct) -> str:
    cardinality = "Multiple" if profile.startswith("cc.multiple_response") else "Single"
    labels = "".join(
        f'<response_label ident="{key}"><material><mattext texttype="text/plain">'
        f"{label}</mattext></material></response_label>"
        for key, label in choices
    )
    if cardinality == "Single":
        condition = f'<varequal respident="R">{correct[0]}</varequal>'
    else:
        wrong = [key for key, _label in choices if key not in correct]
        condition = (
            "<and>"
            + "".join(f'<varequal respident="R">{key}</varequal>' for key in correct)
            + "".join(
                f'<not><varequal respident="R">{key}</varequal></not>' for key in wrong
            )
            + "</and>"
        )
    return (
        f'<item ident="{ident}" title="Câu {ident}"><itemmetadata><qtimetadata>'
        "<qtimetadatafield><fieldlabel>cc_profile</fieldlabel>"
        f"<fieldentry>{profile}</fieldentry></qtimetadatafield></qtimetadata>"
        f'</itemmetadata><presentation><material><mattext texttype="text/html">'
        f'{prompt}</mattext></material><response_lid ident="R" rcardinality='
        f'"{cardinality}"><render_choice>{labels}</render_choice></response_lid>'
        '</presentation><resprocessing><outcomes><decvar varname="SCORE"/></outcomes>'
        f'<respcondition continue="No"><conditionvar>{condition}</conditionvar>'
        '<setvar varname="SCORE" action="Set">100</setvar></respcondition>'
        "</resprocessing></item>"
    )
