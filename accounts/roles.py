"""The people who use the platform, as Django groups.

Group names are stable identifiers created by a migration; code refers to
them only through this module.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    STUDENT = "Student", _("Student")
    TEACHER = "Teacher", _("Teacher")
    CURATOR = "Curator", _("Curator")
    SITE_ADMINISTRATOR = "Site administrator", _("Site administrator")
