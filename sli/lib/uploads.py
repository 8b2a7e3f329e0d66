"""Checks on uploaded files: an evidence file's size, and its type judged from the content, not
the name."""

import re
import zipfile

from django.core.exceptions import ValidationError

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024

# Extension → (what people call it, test of the first bytes).
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Word and Excel files
ZIP = b"PK\x03\x04"  # .docx and .xlsx are zip packages
# A PNG's signature, then the length and name of its first chunk, which is always IHDR.
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR"
# Markup a browser sniffing the content would take for a web page or an SVG drawing: a real
# image has none in its first kilobyte (binary headers; any XMP metadata is namespaced tags).
MARKUP = re.compile(rb"<(?:!doctype|html|head|body|script|iframe|svg)\b", re.IGNORECASE)
SNIFFED_BYTES = 1024


def _office_package(upload, folder):
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as package:
            names = package.namelist()
    except zipfile.BadZipFile:
        return False
    finally:
        upload.seek(0)
    return "[Content_Types].xml" in names and any(name.startswith(folder) for name in names)


def _image(*signatures):
    """The test for an image: one of its signatures first, and no markup behind it."""

    def looks_right(head, upload):
        if not head.startswith(signatures):
            return False
        upload.seek(0)
        start = upload.read(SNIFFED_BYTES)
        upload.seek(0)
        return not MARKUP.search(start)

    return looks_right


KINDS = {
    "pdf": ("a PDF", lambda head, upload: head.startswith(b"%PDF-")),
    "png": ("a PNG image", _image(PNG)),
    "jpg": ("a JPEG image", _image(b"\xff\xd8\xff")),
    "jpeg": ("a JPEG image", _image(b"\xff\xd8\xff")),
    "gif": ("a GIF image", _image(b"GIF87a", b"GIF89a")),
    "doc": ("a Word document", lambda head, upload: head.startswith(OLE)),
    "xls": ("an Excel workbook", lambda head, upload: head.startswith(OLE)),
    "docx": (
        "a Word document",
        lambda head, upload: head.startswith(ZIP) and _office_package(upload, "word/"),
    ),
    "xlsx": (
        "an Excel workbook",
        lambda head, upload: head.startswith(ZIP) and _office_package(upload, "xl/"),
    ),
}


def check_evidence_file(upload):
    """Refuse a file that is too big, of a type we do not take, or whose content is not what
    its name says (a renamed program, say)."""
    if upload.size > MAX_EVIDENCE_BYTES:
        raise ValidationError("The file must be smaller than 10 MB")
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in KINDS:
        raise ValidationError("The file must be a PDF, Word document, Excel workbook or image")
    what, looks_right = KINDS[extension]
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not looks_right(head, upload):
        raise ValidationError(
            f"The file is called .{extension} but is not {what}: check it and upload it again"
        )
