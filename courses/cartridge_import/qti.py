"""QTI 1.2 assessments, as Common Cartridge profiles them, turned into a quiz.

A lesson's quiz knows one kind of question: pick one or several answers
among two to ten, at least one of them right. The cartridge profiles
``cc.multiple_choice``, ``cc.multiple_response`` and ``cc.true_false`` are
that kind; fill-in-the-blank, essays, pattern matches and anything else
are reported with their reason. Prompts and answers are plain text in a
quiz, so any markup in them is reduced to its text.
"""

from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from bs4 import BeautifulSoup
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from materials.packages.elements import child, local_name, text

SUPPORTED = {"cc.multiple_choice", "cc.multiple_response", "cc.true_false"}
PROFILE_NAMES = {
    "cc.fib": gettext_lazy("fill in the blank"),
    "cc.essay": gettext_lazy("essay"),
    "cc.pattern_match": gettext_lazy("pattern match"),
}
PROMPT_LENGTH = 2000
ANSWER_LENGTH = 500
MIN_CHOICES, MAX_CHOICES = 2, 10
PASS_MARK = 70


@dataclass
class QuizReading:
    quiz: dict | None
    skipped: list[tuple[str, str]] = field(default_factory=list)


def read_quiz(root: Element, *, title: str) -> QuizReading:
    """The quiz value for ``QuizBlock``, with each question left out and why."""
    questions, skipped = [], []
    for number, item in enumerate(_elements(root, "item"), start=1):
        name = item.get("title", "").strip() or _("Question %(n)d") % {"n": number}
        question = _question(item)
        if isinstance(question, str):
            skipped.append((name, question))
        else:
            questions.append(question)
    quiz = None
    if questions:
        quiz = {"title": title[:255], "pass_mark": PASS_MARK, "questions": questions}
    return QuizReading(quiz=quiz, skipped=skipped)


def _question(item: Element) -> dict | str:
    """The question's value, or why the quiz cannot hold it."""
    profile = _profile(item)
    if profile not in SUPPORTED:
        kind = PROFILE_NAMES.get(profile, profile or _("unknown"))
        return _(
            "Questions of the kind “%(kind)s” are not supported: a quiz only holds "
            "questions answered by picking among choices."
        ) % {"kind": kind}
    prompt = _plain(child(_element(item, "presentation"), "material"))
    choices = _choices(item)
    if not prompt:
        return _("The question has no text.")
    if len(prompt) > PROMPT_LENGTH:
        return _("The question is longer than %(n)d characters.") % {"n": PROMPT_LENGTH}
    if not MIN_CHOICES <= len(choices) <= MAX_CHOICES:
        return _("A quiz question needs 2 to 10 answers; this one has %(n)d.") % {
            "n": len(choices)
        }
    if not all(choice["text"] for choice in choices):
        return _("An answer has no text.")
    if any(len(choice["text"]) > ANSWER_LENGTH for choice in choices):
        return _("An answer is longer than %(n)d characters.") % {"n": ANSWER_LENGTH}
    correct = sum(choice["is_correct"] for choice in choices)
    if correct == 0:
        return _("The question marks no answer as correct.")
    multiple = profile == "cc.multiple_response"
    if correct > 1 and not multiple:
        return _("A single-choice question marks more than one answer as correct.")
    return {
        "prompt": prompt,
        "allows_multiple": multiple,
        "choices": choices,
        "feedback": _feedback(item),
    }


def _profile(item: Element) -> str:
    """``cc_profile`` without its version: "cc.multiple_choice"..."""
    for entry in _elements(item, "qtimetadatafield"):
        if text(child(entry, "fieldlabel")) == "cc_profile":
            return text(child(entry, "fieldentry")).rsplit(".v", 1)[0]
    return ""


def _choices(item: Element) -> list[dict]:
    right = _correct_idents(item)
    return [
        {
            "text": _plain(child(label, "material")),
            "is_correct": label.get("ident") in right,
        }
        for label in _elements(item, "response_label")
    ]


def _correct_idents(item: Element) -> set[str]:
    """Answers whose condition gives a positive score, not those under <not>."""
    right: set[str] = set()
    for condition in _elements(item, "respcondition"):
        if not any(_positive(setvar) for setvar in _elements(condition, "setvar")):
            continue
        for variable in child(condition, "conditionvar") or ():
            right.update(_equals(variable))
    return right


def _equals(element: Element) -> set[str]:
    if local_name(element.tag) == "not":
        return set()
    if local_name(element.tag) == "varequal":
        return {text(element)}
    return {value for part in element for value in _equals(part)}


def _positive(setvar: Element) -> bool:
    try:
        return float(text(setvar)) > 0 and setvar.get("action", "Set") != "Subtract"
    except ValueError:
        return False


def _feedback(item: Element) -> str:
    for feedback in _elements(item, "itemfeedback"):
        if feedback.get("ident") == "general_fb":
            return _plain(_element(feedback, "material"))[:PROMPT_LENGTH]
    return ""


def _plain(material: Element | None) -> str:
    """The text of a QTI ``material``: every ``mattext``, markup removed."""
    if material is None:
        return ""
    pieces = []
    for mattext in _elements(material, "mattext"):
        value = "".join(mattext.itertext())
        if "html" in mattext.get("texttype", "").lower():
            value = BeautifulSoup(value, "html.parser").get_text(" ")
        pieces.append(value)
    return " ".join(" ".join(pieces).split())


def _elements(element: Element, name: str) -> list[Element]:
    return [e for e in element.iter() if local_name(e.tag) == name]


def _element(element: Element | None, name: str) -> Element | None:
    if element is None:
        return None
    return next(iter(_elements(element, name)), None)
