"""Controlled vocabularies shared by materials, courses and search facets.

Values are stable codes stored in the database and the search index; labels
are translatable and shown to people.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Subject(models.TextChoices):
    MATHEMATICS = "toan", _("Mathematics")
    LITERATURE = "ngu-van", _("Vietnamese literature")
    ENGLISH = "tieng-anh", _("English")
    PHYSICS = "vat-ly", _("Physics")
    CHEMISTRY = "hoa-hoc", _("Chemistry")
    BIOLOGY = "sinh-hoc", _("Biology")
    HISTORY = "lich-su", _("History")
    GEOGRAPHY = "dia-ly", _("Geography")
    INFORMATICS = "tin-hoc", _("Informatics")
    CIVIC_EDUCATION = "giao-duc-cong-dan", _("Civic education")
    TECHNOLOGY = "cong-nghe", _("Technology")
    NATURAL_SCIENCE = "khoa-hoc-tu-nhien", _("Natural science")
    ARTS = "nghe-thuat", _("Arts")
    PHYSICAL_EDUCATION = "the-duc", _("Physical education")
    OTHER = "khac", _("Other")


class GradeLevel(models.TextChoices):
    GRADE_1 = "1", _("Grade 1")
    GRADE_2 = "2", _("Grade 2")
    GRADE_3 = "3", _("Grade 3")
    GRADE_4 = "4", _("Grade 4")
    GRADE_5 = "5", _("Grade 5")
    GRADE_6 = "6", _("Grade 6")
    GRADE_7 = "7", _("Grade 7")
    GRADE_8 = "8", _("Grade 8")
    GRADE_9 = "9", _("Grade 9")
    GRADE_10 = "10", _("Grade 10")
    GRADE_11 = "11", _("Grade 11")
    GRADE_12 = "12", _("Grade 12")
    HIGHER_EDUCATION = "higher-education", _("Higher education")
    TEACHER_TRAINING = "teacher-training", _("Teacher training")


class Language(models.TextChoices):
    VIETNAMESE = "vi", _("Vietnamese")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    CHINESE = "zh", _("Chinese")
    JAPANESE = "ja", _("Japanese")
    KOREAN = "ko", _("Korean")
    KHMER = "km", _("Khmer")
    OTHER = "other", _("Other")


class MaterialType(models.TextChoices):
    LESSON_PLAN = "lesson-plan", _("Lesson plan")
    SLIDES = "slides", _("Slides")
    WORKSHEET = "worksheet", _("Worksheet")
    TEXTBOOK = "textbook", _("Textbook")
    ASSESSMENT = "assessment", _("Assessment")
    VIDEO = "video", _("Video")
    AUDIO = "audio", _("Audio")
    IMAGE = "image", _("Image")
    INTERACTIVE = "interactive", _("Interactive package")
    OTHER = "other", _("Other")


class PackageKind(models.TextChoices):
    """The course-package standard a zip follows, read from its manifest."""

    SCORM_12 = "scorm-1.2", _("SCORM 1.2")
    SCORM_2004 = "scorm-2004", _("SCORM 2004")
    COMMON_CARTRIDGE = "common-cartridge", _("IMS Common Cartridge")


class Licence(models.TextChoices):
    CC_BY = "cc-by", _("Creative Commons Attribution 4.0")
    CC_BY_SA = "cc-by-sa", _("Creative Commons Attribution-ShareAlike 4.0")
    CC_BY_NC = "cc-by-nc", _("Creative Commons Attribution-NonCommercial 4.0")
    CC_BY_NC_SA = (
        "cc-by-nc-sa",
        _("Creative Commons Attribution-NonCommercial-ShareAlike 4.0"),
    )
    CC0 = "cc0", _("CC0 1.0 Public Domain Dedication")
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")

    @property
    def url(self) -> str:
        return LICENCE_URLS[self.value]

    @property
    def is_open(self) -> bool:
        return self.value != self.ALL_RIGHTS_RESERVED


LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/",
    Licence.CC_BY_NC_SA: "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
    Licence.ALL_RIGHTS_RESERVED: "",
}


class CourseLevel(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")
