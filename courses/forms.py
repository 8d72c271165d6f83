"""Forms teachers fill in on the site; services validate what they send again."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from lms.vocabulary import GradeLevel, Language, Subject


class CartridgeImportForm(forms.Form):
    """A cartridge and what it rarely says itself: subject, grade, language."""

    file = forms.FileField(
        label=_("Common Cartridge file (.imscc or .zip)"),
        help_text=_(
            "Export the course from Moodle, Canvas or another platform as IMS "
            "Common Cartridge 1.1, 1.2 or 1.3."
        ),
    )
    title = forms.CharField(
        label=_("Course title"),
        max_length=255,
        required=False,
        help_text=_("Leave empty to use the title the cartridge gives."),
    )
    subject = forms.ChoiceField(
        label=pgettext_lazy("school subject", "Subject"), choices=Subject.choices
    )
    grade = forms.ChoiceField(label=_("Grade"), choices=GradeLevel.choices)
    language = forms.ChoiceField(
        label=_("Language"), choices=Language.choices, initial=Language.VIETNAMESE
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.MATERIALS_MAX_UPLOAD_BYTES["package"]
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is larger than %(limit)s MB, the limit for packages."),
                params={"limit": f"{limit / 1024 / 1024:g}"},
            )
        return upload
