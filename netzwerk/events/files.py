"""Files attached to events (invitations, theses): PDF, DOCX and ODT only, recognised by their
content, size-capped, stored under the data directory with a random name and mode 0600."""
import io
import os
import re
import secrets
import zipfile
from pathlib import Path

from ..errors import DomainError

MAX_BYTES = 10 * 1024 * 1024
# extension -> media type; the content must say the same as the name
TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
}
_STORED = re.compile(r"^[0-9a-f]{32}$")
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\\\]")


class FileRefused(DomainError):
    title = "Datei abgelehnt"


def sniff(data):
    """The media type the content shows (PDF, DOCX, ODT), or None."""
    if data.startswith(b"%PDF-"):
        return TYPES[".pdf"]
    if not data.startswith(b"PK\x03\x04"):
        return None
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        if "mimetype" in names and archive.getinfo("mimetype").file_size < 100:
            if archive.read("mimetype").strip() == TYPES[".odt"].encode():
                return TYPES[".odt"]
        if "[Content_Types].xml" in names and "word/document.xml" in names:
            return TYPES[".docx"]
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, NotImplementedError):
        return None
    return None


def check(filename, stream):
    """(display name, media type, bytes) of an upload, or FileRefused saying why."""
    name = _UNSAFE.sub("", os.path.basename((filename or "").replace("\\", "/"))).strip()[:120]
    if not name:
        raise FileRefused("Bitte eine Datei wählen.")
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise FileRefused("Die Datei ist größer als 10 MB.")
    if not data:
        raise FileRefused("Die Datei ist leer.")
    extension = os.path.splitext(name)[1].lower()
    detected = sniff(data)
    if extension not in TYPES or detected != TYPES[extension]:
        raise FileRefused("Nur PDF-, DOCX- und ODT-Dateien sind möglich, und der Inhalt muss zur "
                          "Endung passen: „{name}“ ist keine solche Datei.", name=name)
    return name, detected, data


def store(files_dir, data):
    """Writes the bytes under a random name (mode 0600); returns that name."""
    directory = Path(files_dir)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    stored = secrets.token_hex(16)
    descriptor = os.open(directory / stored, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    return stored


def path(files_dir, stored):
    if not _STORED.match(stored or ""):
        raise FileRefused("Ungültiger Dateiname.")
    return Path(files_dir) / stored


def remove(files_dir, stored):
    try:
        path(files_dir, stored).unlink()
    except (FileNotFoundError, DomainError):
        pass
