"""The shape of a demo course: modules of lessons, each a few paragraphs,
perhaps a figure, perhaps a quiz."""

from dataclasses import dataclass, field

from lms.vocabulary import GradeLevel, Language, Subject


@dataclass(frozen=True)
class DemoQuestion:
    prompt: str
    choices: tuple[str, ...]
    correct: tuple[int, ...]  # more than one makes it a multiple-choice question
    feedback: str

    @property
    def allows_multiple(self) -> bool:
        return len(self.correct) > 1


@dataclass(frozen=True)
class DemoFigure:
    drawing: str  # a name in lms.demo.figures.FIGURES
    title: str  # drawn across the top, and the image's title
    alt_text: str
    after: int = 1  # shown after this many paragraphs


@dataclass(frozen=True)
class DemoLesson:
    title: str
    paragraphs: tuple[str, ...]
    figure: DemoFigure | None = None
    quiz: tuple[DemoQuestion, ...] = ()
    minutes: int = 20

    @property
    def summary(self) -> str:
        """The first sentence of the first paragraph."""
        first = self.paragraphs[0]
        end = first.find(". ")
        return first if end < 0 else first[: end + 1]


@dataclass(frozen=True)
class DemoCourse:
    title: str
    summary: str
    subject: Subject
    grade: GradeLevel
    modules: tuple[tuple[str, tuple[DemoLesson, ...]], ...]
    language: Language = Language.VIETNAMESE
    outcomes: tuple[str, ...] = field(default_factory=tuple)
    hours: int = 6

    @property
    def lessons(self) -> list[DemoLesson]:
        return [lesson for _title, lessons in self.modules for lesson in lessons]


def question(prompt: str, choices: tuple[str, ...], correct, feedback: str):
    """A question; ``correct`` is one index or a tuple of them."""
    indexes = correct if isinstance(correct, tuple) else (correct,)
    return DemoQuestion(prompt, choices, indexes, feedback)
