"""Opening the file safely: its bytes read with a size limit, and anything but a sound .xlsx
refused before any XML is parsed."""

import os
import zipfile
from io import BytesIO

from openpyxl import load_workbook

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
# Spreadsheet XML compresses about 5 to 20 times; a zip bomb, hundreds or thousands of times.
MAX_COMPRESSION_RATIO = 100

NOT_EXCEL = (
    "The file is not an Excel workbook (.xlsx). Open it in Excel or another spreadsheet "
    "program, save it as “Excel Workbook (.xlsx)” and upload it again"
)


class Refusal(Exception):
    """The file is refused; the message says what to do."""


def read_bytes(file):
    if isinstance(file, bytes | bytearray):
        data = bytes(file)
    elif isinstance(file, str | os.PathLike):
        if os.path.getsize(file) > MAX_FILE_BYTES:
            raise Refusal(_too_big())
        with open(file, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    else:
        size = getattr(file, "size", None)
        if size is not None and size > MAX_FILE_BYTES:
            raise Refusal(_too_big())
        if hasattr(file, "seek"):
            file.seek(0)
        data = file.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise Refusal(_too_big())
    return data


def _too_big():
    return (
        f"The file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB. Remove pictures and "
        "other sheets, or split the plan into several files, and upload it again"
    )


def check_archive(data):
    """Refuse anything but a sound .xlsx before any XML is parsed."""
    if not data.strip():
        raise Refusal("The file is empty. Choose the spreadsheet with the plan in it")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise Refusal(
            "The file is an older Excel file (.xls) or is password-protected. Open it in Excel, "
            "remove any password, save it as “Excel Workbook (.xlsx)” and upload it again"
        )
    if not data.startswith(b"PK\x03\x04"):
        raise Refusal(NOT_EXCEL)
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise Refusal(
            "The file is damaged and cannot be opened. Open it in Excel, save it again as "
            "“Excel Workbook (.xlsx)” and upload it again"
        ) from None
    total = sum(entry.file_size for entry in entries)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise Refusal(
            f"The file would take up more than {MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MB "
            "once opened, far more than any plan needs, so it was not opened. Check it is the "
            "right file, or copy the plan into a new workbook and upload that"
        )
    for entry in entries:
        if entry.file_size > 1024 * 1024 and (
            entry.file_size > MAX_COMPRESSION_RATIO * max(entry.compress_size, 1)
        ):
            raise Refusal(
                "The file is compressed far more than a spreadsheet can be (it looks like a "
                "“zip bomb”), so it was not opened. Check it is the right file, or copy the "
                "plan into a new workbook and upload that"
            )
    if "xl/workbook.xml" not in {entry.filename for entry in entries}:
        raise Refusal(NOT_EXCEL)


def open_workbook(data):
    """The checked bytes as a read-only workbook; a refusal if openpyxl cannot open them."""
    try:
        return load_workbook(BytesIO(data), read_only=True, data_only=True)
    except Exception:  # anything openpyxl or the XML parser raises on a bad file
        raise Refusal(
            "The file could not be opened as an Excel workbook: it may be damaged or "
            "password-protected. Open it in Excel, save it as “Excel Workbook (.xlsx)” and "
            "upload it again"
        ) from None
