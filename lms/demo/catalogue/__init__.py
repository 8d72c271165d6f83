"""What the demo contains: courses with lessons, and topics for materials.

Vietnamese first; English for the English subject and teacher training.
"""

from lms.demo.catalogue.languages import ENGLISH_7, LITERATURE_10, VIETNAMESE_1
from lms.demo.catalogue.maths import (
    MATHS_3,
    MATHS_6,
    MATHS_9,
    STATISTICS_FOR_TEACHERS,
)
from lms.demo.catalogue.model import DemoCourse, DemoFigure, DemoLesson, DemoQuestion
from lms.demo.catalogue.sciences import (
    BIOLOGY_10,
    CHEMISTRY_8,
    INFORMATICS_11,
    PHYSICS_11,
)
from lms.demo.catalogue.society import GEOGRAPHY_10, HISTORY_12
from lms.demo.catalogue.topics import MATERIAL_KINDS, MATERIAL_TOPICS, SUBJECT_NAMES

DEMO_COURSES = (
    MATHS_6,
    MATHS_9,
    LITERATURE_10,
    ENGLISH_7,
    PHYSICS_11,
    CHEMISTRY_8,
    BIOLOGY_10,
    HISTORY_12,
    GEOGRAPHY_10,
    INFORMATICS_11,
    MATHS_3,
    VIETNAMESE_1,
    STATISTICS_FOR_TEACHERS,
)

__all__ = [
    "DEMO_COURSES",
    "MATERIAL_KINDS",
    "MATERIAL_TOPICS",
    "SUBJECT_NAMES",
    "DemoCourse",
    "DemoFigure",
    "DemoLesson",
    "DemoQuestion",
]
