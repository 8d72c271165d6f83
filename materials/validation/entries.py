"""A zip must unpack to one set of files, whatever program unpacks it.

What we check is what the learner's computer, the course player or a
later import must get too, so every entry has to read one way only:

- An entry marked encrypted cannot be checked at all (and, if the flag is
  a lie, some programs ask for a password and others unpack it).
- The same name twice: programs keep the first, the last or both.
- Names that differ only in upper and lower case, or in how an accented
  letter is encoded (Vietnamese ``ệ`` as one code point or as ``e`` with
  two combining marks): Windows and macOS disks treat them as one file,
  so one silently replaces the other.
- A name in the directory at the end of the zip that differs from the one
  in the entry's own header: programs that read the zip from the start
  (streaming unzip, some browsers' players) see another file.
"""

import struct
import unicodedata
import zipfile

from django.utils.translation import gettext as _

from materials.validation.base import FileRefused

ENCRYPTED_FLAG = 0x1
UTF8_FLAG = 0x800
LOCAL_HEADER = struct.Struct("<4s2xH14x4xHH")  # 30 bytes
LOCAL_SIGNATURE = b"PK\x03\x04"


def check_unambiguous(archive: zipfile.ZipFile) -> None:
    """Refuse the first entry that could unpack to something else."""
    entries = archive.infolist()
    for entry in entries:
        if entry.flag_bits & ENCRYPTED_FLAG:
            raise refused_encrypted(entry.filename)
    _check_names(entries)
    for entry in entries:
        _check_local_header(archive, entry)


def _check_names(entries: list[zipfile.ZipInfo]) -> None:
    seen: dict[str, str] = {}
    for entry in entries:
        name = entry.orig_filename
        key = unicodedata.normalize("NFC", name).casefold()
        if key in seen:
            raise _refused_clash(seen[key], name)
        seen[key] = name


def _check_local_header(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> None:
    source = archive.fp
    source.seek(entry.header_offset)
    header = source.read(LOCAL_HEADER.size)
    if len(header) < LOCAL_HEADER.size:
        raise _refused_header(entry.filename)
    signature, flags, name_length, _extra = LOCAL_HEADER.unpack(header)
    if signature != LOCAL_SIGNATURE:
        raise _refused_header(entry.filename)
    if flags & ENCRYPTED_FLAG:
        raise refused_encrypted(entry.filename)
    raw = source.read(name_length)
    name = raw.decode("utf-8" if flags & UTF8_FLAG else "cp437", "replace")
    if name != entry.orig_filename:
        raise _refused_header(entry.filename)


def refused_encrypted(name: str) -> FileRefused:
    return FileRefused(
        "zip_encrypted",
        _(
            "The zip archive contains a password-protected (encrypted) file, which "
            "cannot be checked: %(name)s. Make the zip again without a password."
        )
        % {"name": name},
    )


def _refused_clash(first: str, second: str) -> FileRefused:
    if first == second:
        return FileRefused(
            "zip_duplicate_name",
            _(
                "The zip archive contains %(name)s twice; programs would unpack "
                "one or the other."
            )
            % {"name": first},
        )
    return FileRefused(
        "zip_ambiguous_name",
        _(
            "The zip archive contains %(first)s and %(second)s, names that differ "
            "only in capital letters or in how accents are encoded; on most "
            "computers one would replace the other."
        )
        % {"first": first, "second": second},
    )


def _refused_header(name: str) -> FileRefused:
    return FileRefused(
        "zip_header_mismatch",
        _(
            "The zip archive is damaged or tampered with: the entry %(name)s is "
            "named differently inside the archive."
        )
        % {"name": name},
    )
