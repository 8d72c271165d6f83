"""StreamField blocks a teacher builds lessons from."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer"), max_length=500)
    is_correct = blocks.BooleanBlock(label=_("correct"), required=False)

    class Meta:
        icon = "tick"


class QuestionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("question"), max_length=2000)
    allows_multiple = blocks.BooleanBlock(
        label=_("more than one answer is correct"), required=False
    )
    choices = blocks.ListBlock(ChoiceBlock(), min_num=2, max_num=10)
    feedback = blocks.TextBlock(
        label=_("feedback shown after answering"), required=False, max_length=2000
    )

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for choice in value["choices"] if choice["is_correct"])
        if correct == 0:
            raise ValidationError(_("Mark at least one answer as correct."))
        if correct > 1 and not value["allows_multiple"]:
            raise ValidationError(
                _("Only one answer may be correct in a single-choice question.")
            )
        return value


class QuizBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=255)
    pass_mark = blocks.IntegerBlock(
        label=_("pass mark (percent)"), min_value=0, max_value=100, default=70
    )
    questions = blocks.ListBlock(QuestionBlock(), min_num=1)

    class Meta:
        icon = "help"
        template = "courses/blocks/quiz.html"


class VideoBlock(blocks.StructBlock):
    """A video file uploaded to the document library, so it plays offline too."""

    video = DocumentChooserBlock(label=_("video file"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=500)
    transcript = blocks.TextBlock(label=_("transcript"), required=False)

    class Meta:
        icon = "media"
        template = "courses/blocks/video.html"


class MaterialBlock(blocks.StructBlock):
    material = SnippetChooserBlock("materials.Material", label=_("learning material"))
    note = blocks.CharBlock(label=_("note"), required=False, max_length=500)

    class Meta:
        icon = "doc-full"
        template = "courses/blocks/material.html"


class LessonImageBlock(ImageBlock):
    """A figure in a lesson, sent in several WebP widths so that a phone on a
    slow connection downloads only the width its screen shows."""

    class Meta:
        icon = "image"
        template = "courses/blocks/image.html"


class LessonBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        label=_("text"),
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "hr"],
    )
    image = LessonImageBlock(label=_("image"))
    video = VideoBlock(label=_("video"))
    material = MaterialBlock(label=_("learning material"))
    quiz = QuizBlock(label=_("quiz"))
