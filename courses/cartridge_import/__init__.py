"""Turning an IMS Common Cartridge (1.1-1.3) into a draft course.

The work runs in two steps so a failure never leaves half a course:
``reading`` checks and converts everything the cartridge holds (its table of
contents, web pages, web links, QTI quizzes, images and files) into an
``ImportPlan`` without writing anything, and ``building`` writes the plan
(pages, images, materials) in one transaction, removing the files it stored
if anything fails. Whatever cannot become part of a course is listed in the
report with the reason, never dropped silently.
"""

from courses.cartridge_import.building import build_course
from courses.cartridge_import.plan import ImportPlan, Report
from courses.cartridge_import.reading import read_cartridge

__all__ = ["ImportPlan", "Report", "build_course", "read_cartridge"]
