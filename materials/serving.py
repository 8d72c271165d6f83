"""Send a material's file safely: right type, no sniffing, pages as downloads.

Anything a browser could run or render as a page goes out as an attachment;
PDFs, pictures, audio and video may be shown inline. Audio and video honour
Range requests so players can seek. Files in an object store go out through a
short-lived presigned URL instead of through this process.
"""

import re
from collections.abc import Iterator

from django.db.models.fields.files import FieldFile
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseRedirectBase
from django.utils.http import content_disposition_header

from materials.storage import is_remote

INLINE_TYPES = {
    "application/pdf",
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
}
INLINE_PREFIXES = ("audio/", "video/")
RANGE_PATTERN = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK_SIZE = 64 * 1024


class PresignedRedirect(HttpResponseRedirectBase):
    """A redirect to the object store; any scheme the store uses is allowed."""

    status_code = 302
    allowed_schemes = ["http", "https"]


def is_inline(mime_type: str) -> bool:
    return mime_type in INLINE_TYPES or mime_type.startswith(INLINE_PREFIXES)


def serve_file(
    request: HttpRequest, file: FieldFile, *, mime_type: str, filename: str
) -> HttpResponse:
    """The response that hands ``file`` to the browser under ``filename``."""
    mime_type = mime_type or "application/octet-stream"
    inline = is_inline(mime_type)
    disposition = content_disposition_header(not inline, filename)
    if is_remote(file.storage):
        url = file.storage.url(
            file.name,
            parameters={
                "ResponseContentType": mime_type,
                "ResponseContentDisposition": disposition,
            },
        )
        response = PresignedRedirect(url)
    else:
        response = _local_response(request, file, mime_type, ranges=_ranged(mime_type))
        response["Content-Type"] = mime_type
        response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = "private, no-store"
    return response


def is_first_request(request: HttpRequest) -> bool:
    """False for a player's follow-up Range request in the middle of a file."""
    match = RANGE_PATTERN.match(request.headers.get("Range", "").strip())
    return match is None or match.group(1) == "0"


def _ranged(mime_type: str) -> bool:
    return mime_type.startswith(INLINE_PREFIXES)


def _local_response(
    request: HttpRequest, file: FieldFile, mime_type: str, *, ranges: bool
) -> HttpResponse:
    size = file.storage.size(file.name)
    header = request.headers.get("Range", "") if ranges else ""
    if not RANGE_PATTERN.match(header.strip()):
        header = ""  # absent, or a form we do not serve: send the whole file
    start, end = 0, size - 1
    status = 200
    if header:
        parsed = _parse_range(header, size)
        if parsed is None:
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
            return response
        start, end = parsed
        status = 206
    handle = file.storage.open(file.name, "rb")
    response = StreamingHttpResponse(
        _read(handle, start, end - start + 1), status=status
    )
    response["Content-Length"] = str(end - start + 1)
    if ranges:
        response["Accept-Ranges"] = "bytes"
    if status == 206:
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    return response


def _parse_range(header: str, size: int) -> tuple[int, int] | None:
    """One ``bytes=`` range within ``size``; None when it cannot be served."""
    match = RANGE_PATTERN.match(header.strip())
    if not match or size == 0 or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if first == "":
        length = int(last)
        if length == 0:
            return None
        return max(size - length, 0), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        return None
    return start, end


def _read(handle, start: int, length: int) -> Iterator[bytes]:
    try:
        handle.seek(start)
        while length > 0:
            chunk = handle.read(min(CHUNK_SIZE, length))
            if not chunk:
                break
            length -= len(chunk)
            yield chunk
    finally:
        handle.close()
