"""The OAI-PMH 2.0 error conditions, raised by the verbs and shown as XML."""

from django.utils.translation import gettext_lazy as _

ERROR_CODES = (
    "badArgument",
    "badResumptionToken",
    "badVerb",
    "cannotDisseminateFormat",
    "idDoesNotExist",
    "noRecordsMatch",
    "noMetadataFormats",
    "noSetHierarchy",
)


class OaiError(Exception):
    """A protocol error: one ``<error code="...">`` element in the response."""

    def __init__(self, code: str, message: str) -> None:
        if code not in ERROR_CODES:
            raise ValueError(f"unknown OAI-PMH error code {code!r}")
        self.code = code
        self.message = str(message)
        super().__init__(f"{code}: {self.message}")


def no_records() -> OaiError:
    return OaiError(
        "noRecordsMatch",
        _("No records match the requested dates, set and metadata format."),
    )
