import pytest

from courses.credentials.loader import CONTEXT_FILES, CONTEXTS_DIR
from courses.services import lesson_mark_done, quiz_attempt_submit
from tests import credential_verifier
from tests.factories import (
    CourseModulePageFactory,
    CoursePageFactory,
    LessonPageFactory,
    QuizLessonPageFactory,
    StudentFactory,
)

RIGHT_ANSWERS = {"0": ["0"], "1": ["0"]}


class CourseTree:
    """A published course: one module with a text lesson, a quiz lesson and
    an optional lesson, in that order."""

    def __init__(self, title="Sinh học 6: Quang hợp", **course_fields):
        self.course = CoursePageFactory(title=title, **course_fields)
        self.module = CourseModulePageFactory(parent=self.course, title="Chương 1")
        self.reading = LessonPageFactory(parent=self.module, title="Bài 1: Lá cây")
        self.quiz_lesson = QuizLessonPageFactory(
            parent=self.module, title="Bài 2: Kiểm tra"
        )
        self.optional = LessonPageFactory(
            parent=self.module, title="Bài 3: Đọc thêm", is_required=False
        )

    @property
    def quiz_id(self) -> str:
        return next(b.id for b in self.quiz_lesson.body if b.block_type == "quiz")

    def complete_required(self, learner) -> None:
        """Read the text lesson and pass the quiz: all a certificate asks for,
        through the same services a learner's clicks reach."""
        lesson_mark_done(learner=learner, lesson=self.reading)
        quiz_attempt_submit(
            learner=learner,
            lesson=self.quiz_lesson,
            quiz_id=self.quiz_id,
            answers=RIGHT_ANSWERS,
        )


@pytest.fixture
def tree(db) -> CourseTree:
    return CourseTree()


@pytest.fixture
def learner(db):
    return StudentFactory(username="hoc_sinh", display_name="Nguyễn Thị Hương")


@pytest.fixture(autouse=True)
def _english(settings):
    """Pages in English, so tests can read Django's own messages."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(scope="module")
def _verifier_jar():
    if credential_verifier.is_installed():
        return
    hint = "build it with: .venv/bin/python tests/credential_verifier.py"
    if credential_verifier.required():
        pytest.fail(
            f"REQUIRE_CREDENTIAL_VERIFIER is set but the verifier is absent; {hint}"
        )
    pytest.skip(f"the Java credential verifier is not built; {hint}")


@pytest.fixture
def java_verify(_verifier_jar, client):
    """Iron's verdict, given the site's DID document as served right now and,
    when passed, a signed status list to read the credential's bit from."""
    contexts = {url: CONTEXTS_DIR / name for url, name in CONTEXT_FILES.items()}

    def run(
        credential: dict, *, status_list: dict | None = None
    ) -> credential_verifier.Verdict:
        did_document = client.get("/.well-known/did.json").json()
        return credential_verifier.verify(
            credential,
            did_document=did_document,
            contexts=contexts,
            status_list=status_list,
        )

    return run
