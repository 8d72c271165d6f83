from django.apps import AppConfig


class FrameworkLocaleConfig(AppConfig):
    name = "framework_locale"
    verbose_name = "Framework translations"
