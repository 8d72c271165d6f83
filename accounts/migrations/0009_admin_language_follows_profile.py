"""Wagtail's admin profile takes each person's chosen language, so the
emails Wagtail writes itself (comments, workflow steps) reach them in it."""

from django.db import migrations


def copy_languages(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    UserProfile = apps.get_model("wagtailusers", "UserProfile")
    chosen = User.objects.exclude(preferred_language="").values_list(
        "pk", "preferred_language"
    )
    for user_id, language in chosen.iterator():
        profile, _created = UserProfile.objects.get_or_create(user_id=user_id)
        if not profile.preferred_language:
            profile.preferred_language = language
            profile.save(update_fields=["preferred_language"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0008_identity_fingerprint"),
        ("wagtailusers", "0006_userprofile_prefered_language"),
    ]

    operations = [migrations.RunPython(copy_languages, migrations.RunPython.noop)]
