"""Forms for describing a material; the service validates with the same one."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from lms.vocabulary import GradeLevel, Language, Licence, MaterialType, Subject

TITLE_LENGTH = 255
DESCRIPTION_LENGTH = 10_000
MAX_KEYWORDS = 20
MAX_KEYWORD_LENGTH = 100


class MaterialMetadataForm(forms.Form):
    """What people search and filter by; shared by every file of an upload."""

    title = forms.CharField(label=_("Title"), max_length=TITLE_LENGTH)
    description = forms.CharField(
        label=_("Description"),
        max_length=DESCRIPTION_LENGTH,
        required=False,
        widget=forms.Textarea,
    )
    subject = forms.ChoiceField(label=_("Subject"), choices=Subject.choices)
    grade_levels = forms.MultipleChoiceField(
        label=_("Grade levels"),
        choices=GradeLevel.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=Language.choices, initial=Language.VIETNAMESE
    )
    material_type = forms.ChoiceField(
        label=_("Material type"), choices=MaterialType.choices
    )
    licence = forms.ChoiceField(
        label=_("Licence"), choices=Licence.choices, initial=Licence.CC_BY
    )
    keywords = forms.CharField(
        label=_("Keywords"),
        required=False,
        max_length=1_000,
        help_text=_("Separate keywords with commas."),
    )

    def clean_keywords(self) -> list[str]:
        raw = self.cleaned_data.get("keywords") or ""
        words = [word.strip() for word in raw.split(",") if word.strip()]
        if len(words) > MAX_KEYWORDS:
            raise forms.ValidationError(
                _("Use at most %(limit)d keywords."), params={"limit": MAX_KEYWORDS}
            )
        for word in words:
            if len(word) > MAX_KEYWORD_LENGTH:
                raise forms.ValidationError(
                    _("Each keyword must be at most %(limit)d characters."),
                    params={"limit": MAX_KEYWORD_LENGTH},
                )
        return list(dict.fromkeys(words))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; each is validated by the upload service."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        files = [upload for upload in files if upload]
        if not files:
            raise forms.ValidationError(_("Choose at least one file."))
        limit = settings.MATERIALS_MAX_FILES_PER_UPLOAD
        if len(files) > limit:
            raise forms.ValidationError(
                _("Upload at most %(limit)d files at once."), params={"limit": limit}
            )
        return files


class UploadForm(MaterialMetadataForm):
    # A SCORM or Common Cartridge package brings its own title; the service
    # refuses any other file that arrives without one.
    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_LENGTH,
        required=False,
        help_text=_(
            "Leave it empty for a SCORM or Common Cartridge package to use the "
            "package's own title and description."
        ),
    )
    files = MultipleFileField(
        label=_("Files"),
        help_text=_(
            "One material is created per file; the title gets the file's name "
            "when you choose several."
        ),
    )

    field_order = ["files"]


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment for the teacher"),
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
