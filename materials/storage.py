"""Where material files live: a private storage that the public cannot browse.

Material files and thumbnails are kept apart from ``MEDIA_ROOT`` (which the
development server publishes as-is) so a draft can only leave through the
download view, which checks who is asking. On S3 the same alias points at a
private key prefix and files go out through short-lived presigned URLs.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty

STORAGE_ALIAS = "materials"


class PrivateFileSystemStorage(FileSystemStorage):
    """Local files with no public URL: they are only sent by the views."""

    def url(self, name: str | None) -> str:
        return ""


def _build_storage() -> Storage:
    if STORAGE_ALIAS in settings.STORAGES:
        return storages[STORAGE_ALIAS]
    # Local files: a folder of their own next to MEDIA_ROOT (never inside it,
    # since MEDIA_ROOT may be published as it is).
    media_root = Path(settings.MEDIA_ROOT)
    location = settings.MATERIALS_PRIVATE_ROOT or media_root.with_name(
        media_root.name + "-private"
    )
    return PrivateFileSystemStorage(location=location)


class PrivateMaterialStorage(LazyObject):
    def _setup(self) -> None:
        self._wrapped = _build_storage()


private_storage = PrivateMaterialStorage()


def get_private_storage() -> Storage:
    """The storage for material files (a callable so migrations stay stable)."""
    return private_storage


def is_remote(storage: Storage) -> bool:
    """True for object stores that hand out their own (presigned) URLs."""
    target = getattr(storage, "_wrapped", storage)
    if target is empty:
        storage._setup()
        target = storage._wrapped
    return not isinstance(target, FileSystemStorage)


@receiver(setting_changed, dispatch_uid="materials.storage.reset")
def _reset_on_setting_change(*, setting: str, **kwargs) -> None:
    if setting in {"STORAGES", "MEDIA_ROOT", "MATERIALS_PRIVATE_ROOT"}:
        private_storage._wrapped = empty
