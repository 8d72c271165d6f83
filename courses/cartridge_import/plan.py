"""What reading a cartridge produces and building a course consumes.

Everything here is checked already: paths are inside the zip, files passed
the material rules, quiz questions fit ``QuizBlock``. Rich text fragments
still carry ``cc-file:N`` and ``cc-page:N`` placeholders where a link points
to a file or another lesson, since those get their addresses only once
building has saved them.
"""

from dataclasses import asdict, dataclass, field
from typing import Literal

FILE_PLACEHOLDER = "cc-file:"
PAGE_PLACEHOLDER = "cc-page:"


@dataclass(frozen=True)
class Part:
    """One block of a lesson body, in reading order."""

    kind: Literal["text", "image", "material", "quiz"]
    html: str = ""  # text
    file: int = -1  # image, material: index into ImportPlan.files
    alt: str = ""  # image
    quiz: dict | None = None  # quiz: a QuizBlock value


@dataclass(frozen=True)
class PackageFile:
    """A file of the cartridge that becomes a Wagtail image or a material."""

    path: str
    kind: Literal["image", "material"]
    sniffed_kind: str  # document, image, audio, video, package
    title: str = ""  # what the cartridge calls it: a lesson's title, a link's text


@dataclass
class LessonPlan:
    title: str
    source: str  # the resource's file, to turn links between pages into page links
    parts: list[Part] = field(default_factory=list)


@dataclass
class ModulePlan:
    title: str
    lessons: list[LessonPlan] = field(default_factory=list)


@dataclass
class Report:
    """What the teacher reads once the import ends (stored as JSON)."""

    modules: int = 0
    lessons: int = 0
    quizzes: int = 0
    questions: int = 0
    images: int = 0
    materials: int = 0
    links: int = 0
    skipped: list[dict] = field(default_factory=list)

    def skip(self, title: str, reason: str) -> None:
        self.skipped.append({"title": title, "reason": reason})

    def as_json(self) -> dict:
        return asdict(self)


@dataclass
class ImportPlan:
    title: str
    description: str
    version: str
    modules: list[ModulePlan] = field(default_factory=list)
    files: list[PackageFile] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)  # sources of page links
    report: Report = field(default_factory=Report)

    def lessons(self) -> list[LessonPlan]:
        return [lesson for module in self.modules for lesson in module.lessons]
