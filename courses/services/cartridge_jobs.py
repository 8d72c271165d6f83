"""Starting a course import: the part the teacher waits for.

The upload is checked at once (a zip, a Common Cartridge and not a SCORM
package, safe XML, within the size limit), so a bad file is refused while
the teacher is still on the page and nothing is kept; the import itself
runs in a background task once the job row is committed.
"""

from typing import IO, Any

from django.core.files import File
from django.db import transaction
from django.utils import translation

from courses.models import CartridgeImport
from courses.services.cartridge_import import (
    cartridge_check,
    clean_details,
    require_importer,
)
from courses.tasks import cartridge_import_task
from materials.validation import validate_filename


def cartridge_import_start(
    *, user: Any, upload: IO[bytes], filename: str, details: dict
) -> CartridgeImport:
    """Check the cartridge now, keep it on a job row, import it after commit."""
    require_importer(user)
    name = validate_filename(filename)
    cartridge_check(upload=upload)
    details = {
        **clean_details(details),
        "interface_language": translation.get_language(),
    }
    job = CartridgeImport(owner=user, original_filename=name, options=details)
    content = upload if isinstance(upload, File) else File(upload, name=name)
    job.upload.save(name, content, save=False)
    try:
        with transaction.atomic():
            job.save()
            transaction.on_commit(lambda: cartridge_import_task.enqueue(job.pk))
    except BaseException:
        job.upload.storage.delete(job.upload.name)
        raise
    return job
