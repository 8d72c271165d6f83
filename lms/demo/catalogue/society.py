"""Demo courses in history and geography."""

from lms.demo.catalogue.model import DemoCourse, DemoFigure, DemoLesson, question
from lms.vocabulary import GradeLevel, Subject

HISTORY_12 = DemoCourse(
    "Lịch sử 12: Việt Nam từ năm 1945 đến nay",
    "Những sự kiện tiêu biểu của lịch sử Việt Nam hiện đại.",
    Subject.HISTORY,
    GradeLevel.GRADE_12,
    (
        (
            "1945 - 1975",
            (
                DemoLesson(
                    "Cách mạng tháng Tám năm 1945",
                    (
                        (
                            "Tháng 8 năm 1945, Nhật Bản đầu hàng Đồng minh, quân Nhật ở "
                            "Đông Dương hoang mang, chính quyền thân Nhật rệu rã: thời cơ "
                            "cách mạng đã đến. Hội nghị toàn quốc của Đảng (13 – "
                            "15/8/1945) và Quốc dân đại hội Tân Trào (16/8/1945) quyết "
                            "định phát động tổng khởi nghĩa trong cả nước."
                        ),
                        (
                            "Từ ngày 14 đến ngày 28/8/1945, tổng khởi nghĩa giành thắng "
                            "lợi trên cả nước; tiêu biểu là khởi nghĩa ở Hà Nội (19/8), "
                            "Huế (23/8) và Sài Gòn (25/8). Ngày 30/8/1945, vua Bảo Đại "
                            "thoái vị, chế độ phong kiến ở Việt Nam sụp đổ."
                        ),
                        (
                            "Ngày 2/9/1945, tại Quảng trường Ba Đình, Chủ tịch Hồ Chí "
                            "Minh đọc Tuyên ngôn Độc lập, khai sinh nước Việt Nam Dân "
                            "chủ Cộng hòa. Cách mạng tháng Tám mở ra kỉ nguyên mới của "
                            "dân tộc: kỉ nguyên độc lập, tự do."
                        ),
                    ),
                    figure=DemoFigure(
                        "timeline",
                        "Một số mốc lịch sử Việt Nam từ năm 1945",
                        "Trục thời gian: 19/8/1945 khởi nghĩa ở Hà Nội, 2/9/1945 "
                        "Tuyên ngôn Độc lập, 7/5/1954 chiến thắng Điện Biên Phủ, "
                        "30/4/1975 thống nhất đất nước, 12/1986 đường lối Đổi mới.",
                        after=3,
                    ),
                ),
                DemoLesson(
                    "Thống nhất đất nước",
                    (
                        (
                            "Sau Hiệp định Giơnevơ năm 1954, đất nước tạm thời bị chia "
                            "làm hai miền, lấy vĩ tuyến 17 làm giới tuyến quân sự tạm "
                            "thời. Miền Bắc được hoàn toàn giải phóng, còn miền Nam tiếp "
                            "tục cuộc đấu tranh giải phóng dân tộc."
                        ),
                        (
                            "Mùa xuân năm 1975, cuộc Tổng tiến công và nổi dậy diễn ra "
                            "qua ba chiến dịch lớn: Tây Nguyên (4/3 – 24/3), Huế – Đà Nẵng "
                            "(21/3 – 29/3) và chiến dịch Hồ Chí Minh (26/4 – 30/4). Trưa "
                            "ngày 30/4/1975, xe tăng của Quân giải phóng tiến vào Dinh "
                            "Độc Lập, chính quyền Sài Gòn tuyên bố đầu hàng không điều "
                            "kiện."
                        ),
                        (
                            "Ngày 25/4/1976, cuộc Tổng tuyển cử bầu Quốc hội chung được "
                            "tiến hành trong cả nước. Tại kì họp đầu tiên (24/6 – "
                            "3/7/1976), Quốc hội quyết định đặt tên nước là Cộng hòa xã "
                            "hội chủ nghĩa Việt Nam, hoàn thành thống nhất đất nước về "
                            "mặt nhà nước."
                        ),
                    ),
                ),
            ),
        ),
        (
            "Đổi mới",
            (
                DemoLesson(
                    "Công cuộc Đổi mới từ năm 1986",
                    (
                        (
                            "Sau năm 1975, đất nước gặp nhiều khó khăn: kinh tế tăng "
                            "trưởng chậm, lạm phát cao, đời sống nhân dân thiếu thốn. "
                            "Tình hình đó đòi hỏi phải đổi mới cách nghĩ, cách làm."
                        ),
                        (
                            "Tháng 12/1986, Đại hội đại biểu toàn quốc lần thứ VI của "
                            "Đảng đề ra đường lối Đổi mới toàn diện, trọng tâm là đổi "
                            "mới kinh tế: xóa bỏ cơ chế tập trung quan liêu, bao cấp, "
                            "phát triển nền kinh tế hàng hóa nhiều thành phần vận hành "
                            "theo cơ chế thị trường có sự quản lí của Nhà nước."
                        ),
                        (
                            "Công cuộc Đổi mới đạt nhiều thành tựu: từ một nước thiếu "
                            "lương thực, Việt Nam trở thành một trong những nước xuất "
                            "khẩu gạo hàng đầu thế giới; đời sống nhân dân được cải "
                            "thiện; quan hệ đối ngoại được mở rộng, Việt Nam gia nhập "
                            "ASEAN năm 1995 và Tổ chức Thương mại Thế giới (WTO) năm "
                            "2007."
                        ),
                    ),
                    quiz=(
                        question(
                            "Tuyên ngôn Độc lập được đọc vào ngày nào?",
                            ("2/9/1945", "30/4/1975", "19/8/1945"),
                            0,
                            "Ngày 2/9/1945, tại Quảng trường Ba Đình, Chủ tịch Hồ "
                            "Chí Minh đọc Tuyên ngôn Độc lập; 19/8/1945 là ngày khởi "
                            "nghĩa ở Hà Nội.",
                        ),
                        question(
                            "Những chiến dịch nào thuộc cuộc Tổng tiến công và nổi "
                            "dậy mùa xuân năm 1975?",
                            (
                                "Chiến dịch Tây Nguyên",
                                "Chiến dịch Huế – Đà Nẵng",
                                "Chiến dịch Hồ Chí Minh",
                                "Chiến dịch Điện Biên Phủ",
                            ),
                            (0, 1, 2),
                            "Chiến dịch Điện Biên Phủ diễn ra năm 1954, kết thúc "
                            "cuộc kháng chiến chống thực dân Pháp.",
                        ),
                        question(
                            "Tại kì họp đầu tiên năm 1976, Quốc hội chung của cả "
                            "nước đặt tên nước là gì?",
                            (
                                "Việt Nam Dân chủ Cộng hòa",
                                "Cộng hòa xã hội chủ nghĩa Việt Nam",
                                "Liên bang Đông Dương",
                            ),
                            1,
                            "Tên nước Cộng hòa xã hội chủ nghĩa Việt Nam được Quốc "
                            "hội quyết định năm 1976.",
                        ),
                        question(
                            "Đại hội nào của Đảng đề ra đường lối Đổi mới?",
                            (
                                "Đại hội IV (1976)",
                                "Đại hội VI (1986)",
                                "Đại hội IX (2001)",
                            ),
                            1,
                            "Đại hội VI, họp tháng 12/1986, đề ra đường lối Đổi mới "
                            "toàn diện đất nước.",
                        ),
                    ),
                ),
            ),
        ),
    ),
    outcomes=(
        "Trình bày các sự kiện chính từ năm 1945 đến năm 1976",
        "Nêu nội dung và thành tựu của công cuộc Đổi mới",
    ),
)

GEOGRAPHY_10 = DemoCourse(
    "Địa lý 10: Trái Đất và khí hậu",
    "Vũ trụ, Trái Đất, khí quyển và các đới khí hậu trên thế giới.",
    Subject.GEOGRAPHY,
    GradeLevel.GRADE_10,
    (
        (
            "Trái Đất",
            (
                DemoLesson(
                    "Chuyển động của Trái Đất",
                    (
                        (
                            "Trái Đất tự quay quanh trục theo hướng từ tây sang đông, "
                            "hết một vòng trong khoảng 24 giờ. Chuyển động này sinh ra "
                            "sự luân phiên ngày và đêm, làm giờ ở các kinh độ khác nhau "
                            "và làm lệch hướng chuyển động của các vật thể trên bề mặt."
                        ),
                        (
                            "Đồng thời, Trái Đất chuyển động quanh Mặt Trời theo một quỹ "
                            "đạo hình elip, hết một vòng trong khoảng 365 ngày 6 giờ. "
                            "Trong khi chuyển động, trục Trái Đất luôn nghiêng một góc "
                            "66°33′ so với mặt phẳng quỹ đạo và không đổi phương."
                        ),
                        (
                            "Vì Trái Đất hình cầu và tự quay, ở mỗi thời điểm luôn có một "
                            "nửa được Mặt Trời chiếu sáng là ngày, nửa còn lại là đêm. "
                            "Để thuận tiện, người ta chia bề mặt Trái Đất thành 24 múi "
                            "giờ; Việt Nam thuộc múi giờ thứ 7."
                        ),
                    ),
                ),
                DemoLesson(
                    "Các mùa trong năm",
                    (
                        (
                            "Do trục Trái Đất nghiêng và không đổi phương khi chuyển động "
                            "quanh Mặt Trời, mỗi bán cầu lần lượt ngả về phía Mặt Trời "
                            "rồi chếch xa Mặt Trời. Lượng nhiệt và ánh sáng nhận được vì "
                            "thế thay đổi trong năm, sinh ra các mùa."
                        ),
                        (
                            "Ngày 21/3 (xuân phân) và 23/9 (thu phân), Mặt Trời chiếu "
                            "thẳng góc xuống Xích đạo, ngày và đêm dài bằng nhau. Ngày "
                            "22/6 (hạ chí), Mặt Trời chiếu thẳng góc tại chí tuyến Bắc, "
                            "bán cầu Bắc có ngày dài nhất; ngày 22/12 (đông chí), Mặt "
                            "Trời chiếu thẳng góc tại chí tuyến Nam, bán cầu Bắc có đêm "
                            "dài nhất."
                        ),
                        (
                            "Mùa ở hai bán cầu trái ngược nhau: khi bán cầu Bắc là mùa hạ "
                            "thì bán cầu Nam là mùa đông. Ở vùng nhiệt đới như Việt Nam, "
                            "sự khác biệt giữa các mùa thể hiện rõ ở lượng mưa hơn là ở "
                            "nhiệt độ, nhất là ở miền Nam."
                        ),
                    ),
                    figure=DemoFigure(
                        "seasons",
                        "Trái Đất chuyển động quanh Mặt Trời",
                        "Bốn vị trí của Trái Đất trên quỹ đạo vào các ngày xuân "
                        "phân, hạ chí, thu phân và đông chí, trục luôn nghiêng cùng "
                        "một hướng.",
                        after=2,
                    ),
                    quiz=(
                        question(
                            "Nguyên nhân sinh ra các mùa trong năm là gì?",
                            (
                                (
                                    "Trục Trái Đất nghiêng và không đổi phương khi "
                                    "chuyển động quanh Mặt Trời"
                                ),
                                "Mặt Trăng chuyển động quanh Trái Đất",
                                "Gió mùa thổi theo mùa",
                            ),
                            0,
                            "Vì trục nghiêng không đổi phương, mỗi bán cầu lần lượt "
                            "ngả về phía Mặt Trời rồi chếch xa Mặt Trời.",
                        ),
                        question(
                            "Vào những ngày nào Mặt Trời chiếu thẳng góc xuống Xích "
                            "đạo?",
                            ("21/3", "22/6", "23/9", "22/12"),
                            (0, 2),
                            "Xuân phân (21/3) và thu phân (23/9); ngày 22/6 và 22/12 "
                            "Mặt Trời chiếu thẳng góc tại các chí tuyến.",
                        ),
                        question(
                            "Ngày 22/6, bán cầu Bắc có đặc điểm gì?",
                            (
                                "Ngày dài nhất trong năm",
                                "Đêm dài nhất trong năm",
                                "Ngày và đêm dài bằng nhau",
                            ),
                            0,
                            "Ngày hạ chí, bán cầu Bắc ngả về phía Mặt Trời nhiều "
                            "nhất nên có ngày dài nhất.",
                        ),
                        question(
                            "Việt Nam thuộc múi giờ thứ mấy?",
                            ("5", "7", "9"),
                            1,
                            "Việt Nam thuộc múi giờ thứ 7, sớm hơn giờ quốc tế "
                            "(GMT) 7 giờ.",
                        ),
                    ),
                ),
            ),
        ),
        (
            "Khí hậu",
            (
                DemoLesson(
                    "Các đới khí hậu",
                    (
                        (
                            "Khí hậu là trạng thái trung bình của thời tiết ở một nơi, "
                            "được quan sát trong nhiều năm. Nhiệt độ và lượng mưa là hai "
                            "yếu tố quan trọng nhất để phân biệt các kiểu khí hậu."
                        ),
                        (
                            "Càng xa Xích đạo, góc chiếu của tia sáng Mặt Trời càng nhỏ "
                            "và nhiệt độ trung bình càng giảm. Vì vậy, trên mỗi bán cầu "
                            "có bảy đới khí hậu nối tiếp nhau từ Xích đạo về cực: xích "
                            "đạo, cận xích đạo, nhiệt đới, cận nhiệt, ôn đới, cận cực và "
                            "cực."
                        ),
                        (
                            "Việt Nam nằm hoàn toàn trong vùng nội chí tuyến, có khí hậu "
                            "nhiệt đới ẩm gió mùa: nóng ẩm, mưa nhiều, miền Bắc có mùa "
                            "đông lạnh do gió mùa đông bắc. Địa hình đồi núi làm khí hậu "
                            "phân hóa đa dạng theo độ cao."
                        ),
                    ),
                ),
            ),
        ),
    ),
    outcomes=(
        "Giải thích hiện tượng ngày đêm và các mùa",
        "Kể tên các đới khí hậu trên Trái Đất",
    ),
)
