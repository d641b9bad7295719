"""The core's failures in the window's language.

A :class:`~faceaudit.errors.FaceAuditError` carries English sentences for the CLI and, for
the failures a person meets, a stable ``code`` with the values its sentence needs
(``params``). Here each code has its sentence pair (what happened, what to do) through
``QCoreApplication.translate``, worded for the window (buttons, not command-line options).
An error without a code, or with one not listed here, keeps the core's English: the person
always gets words, never nothing. tests/gui/messages check both.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt

from faceaudit.errors import FaceAuditError

_SIZES = ("size_bytes", "limit_bytes")  # shown as "12 MB", in the window's locale


def templates() -> dict[str, tuple[str, str]]:
    """Every code the window words, with its (what, todo) in the interface language."""
    translate = QCoreApplication.translate
    return {
        # -- cases ---------------------------------------------------------------------------
        "wrong-passphrase": (
            translate("ErrorWords", "The passphrase does not unlock this case."),
            translate(
                "ErrorWords",
                "Check the passphrase (it is case-sensitive), Caps Lock and the keyboard "
                "layout, then try again. FaceAudit cannot recover a forgotten passphrase.",
            ),
        ),
        "wrong-passphrase-either": (
            translate(
                "ErrorWords",
                "The passphrase does not unlock this case: it is neither the case's own "
                "passphrase nor the clinic passphrase.",
            ),
            translate(
                "ErrorWords",
                "Either one opens it. Check the passphrase (it is case-sensitive) and try again.",
            ),
        ),
        "wrong-clinic-passphrase": (
            translate("ErrorWords", "That is not the clinic passphrase."),
            translate(
                "ErrorWords",
                "Check it (it is case-sensitive) and try again. FaceAudit cannot recover a "
                "forgotten clinic passphrase.",
            ),
        ),
        "clinic-key-damaged": (
            translate(
                "ErrorWords",
                "The clinic key file is damaged or is not a FaceAudit clinic key.",
            ),
            translate(
                "ErrorWords",
                "Restore it from a backup. Cases with their own passphrase still open with it.",
            ),
        ),
        "case-not-found": (
            translate("ErrorWords", "There is no case named “%name”."),
            translate(
                "ErrorWords", "Choose a case from the list on the Cases screen, or create one."
            ),
        ),
        "case-exists": (
            translate("ErrorWords", "A case named “%name” already exists."),
            translate("ErrorWords", "Choose another name, or open the existing case."),
        ),
        "passphrase-too-short": (
            translate("ErrorWords", "The passphrase is shorter than %min characters."),
            translate(
                "ErrorWords",
                "Choose a longer one: several words are easy to remember and hard to guess.",
            ),
        ),
        "disk-full": (
            translate(
                "ErrorWords", "The disk is full: the change could not be saved and was undone."
            ),
            translate(
                "ErrorWords",
                "Free some disk space and try again; everything saved before is intact.",
            ),
        ),
        "read-only": (
            translate("ErrorWords", "The case files cannot be written (read-only file or folder)."),
            translate(
                "ErrorWords",
                "Make the data folder writable, or choose another data folder in Settings.",
            ),
        ),
        "corrupt-case": (
            translate(
                "ErrorWords",
                "The case's files are damaged, incomplete or not FaceAudit files: the case "
                "cannot be opened.",
            ),
            translate(
                "ErrorWords", "Restore the case folder from a backup. FaceAudit did not change it."
            ),
        ),
        "foreign-file": (
            translate("ErrorWords", "This file is an SQLite database, but not a FaceAudit case."),
            translate(
                "ErrorWords", "Move it out of the cases folder; FaceAudit did not change it."
            ),
        ),
        "tampered": (
            translate(
                "ErrorWords",
                "Encrypted data in the case failed its integrity check: the case file was "
                "altered or damaged.",
            ),
            translate(
                "ErrorWords",
                "Nothing was decrypted from it. Restore the case folder from a backup, or "
                "remove the affected item and add it again.",
            ),
        ),
        "newer-schema": (
            translate("ErrorWords", "This case was saved by a newer version of FaceAudit."),
            translate("ErrorWords", "Update FaceAudit to open it. The case was not changed."),
        ),
        "case-busy": (
            translate("ErrorWords", "A scan of this case is already running (in another window)."),
            translate("ErrorWords", "Wait for it to finish or stop it, then scan again."),
        ),
        "case-deleted": (
            translate(
                "ErrorWords", "The case was deleted while this was running; nothing more was saved."
            ),
            translate(
                "ErrorWords",
                "Nothing to repair. If the deletion was a mistake, restore the case folder "
                "from a backup.",
            ),
        ),
        # -- files and images ----------------------------------------------------------------
        "file-missing": (
            translate("ErrorWords", "The file %path cannot be read: it does not exist."),
            translate("ErrorWords", "Check the file's name and folder."),
        ),
        "file-permission": (
            translate("ErrorWords", "The file %path cannot be read (permission denied)."),
            translate("ErrorWords", "Check the file's permissions."),
        ),
        "file-unreadable": (
            translate("ErrorWords", "The file %path cannot be read."),
            translate("ErrorWords", "Check the file's name, folder and disk."),
        ),
        "file-not-regular": (
            translate("ErrorWords", "%path is not a file (a folder, a device or a pipe)."),
            translate("ErrorWords", "Choose a regular file on disk."),
        ),
        "file-too-large": (
            translate("ErrorWords", "The file %path is %size_bytes, over the %limit_bytes limit."),
            translate("ErrorWords", "Use a smaller copy of the file."),
        ),
        "image-heic": (
            translate(
                "ErrorWords",
                "This is a HEIC/HEIF image (the format iPhones save photos in), which FaceAudit "
                "does not decode.",
            ),
            translate(
                "ErrorWords",
                "Convert it to JPEG (most photo apps can export a JPEG copy) and use that copy.",
            ),
        ),
        "image-avif": (
            translate(
                "ErrorWords", "This is an AVIF image, and this installation cannot decode AVIF."
            ),
            translate("ErrorWords", "Convert the picture to JPEG and use that copy."),
        ),
        "image-not-image": (
            translate(
                "ErrorWords",
                "This is not an image FaceAudit can read (not JPEG, PNG, WebP, GIF, BMP, TIFF "
                "or AVIF).",
            ),
            translate("ErrorWords", "Check that the file or address really points to a picture."),
        ),
        "image-corrupt": (
            translate("ErrorWords", "The %format image is corrupt or truncated."),
            translate("ErrorWords", "Try another copy of the picture."),
        ),
        "image-too-many-pixels": (
            translate(
                "ErrorWords",
                "The %format image claims %widthx%height pixels (%megapixels MP, over the "
                "%limit MP limit); it was not decoded.",
            ),
            translate(
                "ErrorWords",
                "Such sizes are used to exhaust memory; if the picture is real, scale it down "
                "first.",
            ),
        ),
        "image-out-of-memory": (
            translate(
                "ErrorWords",
                "Decoding the image needed more memory than FaceAudit allows for one picture.",
            ),
            translate("ErrorWords", "Use a smaller copy of the picture."),
        ),
        "image-decoder-timeout": (
            translate(
                "ErrorWords", "Decoding the image took longer than %seconds s and was stopped."
            ),
            translate("ErrorWords", "The file may be built to stall decoders; try another copy."),
        ),
        "image-decoder-crashed": (
            translate(
                "ErrorWords", "The image decoder crashed on this file; FaceAudit carried on."
            ),
            translate("ErrorWords", "The file is corrupt or malicious; skip it."),
        ),
        # -- reference photos ----------------------------------------------------------------
        "enrol-none": (
            translate("ErrorWords", "No reference photo was given."),
            translate("ErrorWords", "Add at least one photo of yourself."),
        ),
        "enrol-no-face": (
            translate("ErrorWords", "No face was found in the reference photo %label."),
            translate(
                "ErrorWords",
                "Use a photo where your face is clearly visible, looking at the camera.",
            ),
        ),
        "enrol-several-faces": (
            translate(
                "ErrorWords",
                "The reference photo %label shows %count faces of similar size, so it is not "
                "clear which one is you.",
            ),
            translate(
                "ErrorWords",
                "Crop the photo to your face, or choose a photo in which you are alone.",
            ),
        ),
        "enrol-too-small": (
            translate(
                "ErrorWords",
                "Your face in %label is only %pixels pixels across (at least %minimum are "
                "needed for a reliable reference).",
            ),
            translate("ErrorWords", "Use a larger or closer photo of your face."),
        ),
        "enrol-unclear": (
            translate(
                "ErrorWords",
                "The face in %label is hard to make out: it may be turned away, covered or "
                "badly lit.",
            ),
            translate(
                "ErrorWords", "Use a photo where your face is frontal, uncovered and well lit."
            ),
        ),
        "enrol-blurred": (
            translate("ErrorWords", "The face in %label is too blurry."),
            translate("ErrorWords", "Use a sharper photo."),
        ),
        # -- face models ---------------------------------------------------------------------
        "model-pack-missing": (
            translate("ErrorWords", "The face models (%name) are not installed."),
            translate("ErrorWords", "Fetch them in Settings > Model pack."),
        ),
        "model-pack-damaged": (
            translate("ErrorWords", "The face models (%name) are damaged."),
            translate("ErrorWords", "Fetch them again in Settings > Model pack."),
        ),
        "model-pack-unfetchable": (
            translate(
                "ErrorWords", "The face models (%name) could not be fetched from any source."
            ),
            translate(
                "ErrorWords",
                "Check the internet connection, or copy the model pack onto this computer and "
                "install it from there.",
            ),
        ),
        "model-pack-unreachable": (
            translate("ErrorWords", "%host could not be reached to fetch the face models."),
            translate("ErrorWords", "Check the internet connection or the proxy settings."),
        ),
        "model-pack-busy": (
            translate("ErrorWords", "The face models (%name) are already being fetched."),
            translate("ErrorWords", "Wait for that to finish, then try again."),
        ),
        "model-pack-checksum": (
            translate(
                "ErrorWords",
                "The downloaded face models are not the expected files (their size or "
                "checksum differs); they were deleted.",
            ),
            translate("ErrorWords", "Try again later, or use another source."),
        ),
        "model-pack-incomplete": (
            translate("ErrorWords", "The download of the face models from %host did not complete."),
            translate("ErrorWords", "Fetch them again: the download resumes where it stopped."),
        ),
        "model-pack-http": (
            translate(
                "ErrorWords", "%host answered HTTP %status to the download of the face models."
            ),
            translate("ErrorWords", "Try again later, or use another source."),
        ),
        "model-pack-write": (
            translate("ErrorWords", "The face models could not be written to disk."),
            translate("ErrorWords", "Free some disk space, then fetch them again."),
        ),
        # -- letters and replies -------------------------------------------------------------
        "letter-disk-full": (
            translate(
                "ErrorWords",
                "The letter could not be written to %where: the disk is full (or over its "
                "quota); nothing was written.",
            ),
            translate("ErrorWords", "Free some space, or save the letter in another folder."),
        ),
        "letter-not-writable": (
            translate(
                "ErrorWords",
                "The letter could not be written to %where: FaceAudit may not write there "
                "(read-only, or not yours); nothing was written.",
            ),
            translate("ErrorWords", "Save the letter in a folder you can write to."),
        ),
        "letter-path-kind": (
            translate(
                "ErrorWords",
                "The letter could not be written to %where: a file stands where a folder must "
                "be, or the other way round; nothing was written.",
            ),
            translate("ErrorWords", "Choose another folder or file name."),
        ),
        "letter-path-too-long": (
            translate(
                "ErrorWords",
                "The letter could not be written to %where: the path is too long for this system.",
            ),
            translate("ErrorWords", "Choose a shorter path."),
        ),
        "letter-not-written": (
            translate("ErrorWords", "The letter could not be written to %where (%reason)."),
            translate("ErrorWords", "Choose a folder you can write to, with free space."),
        ),
        "letter-exists": (
            translate(
                "ErrorWords", "%where already exists (an earlier letter); nothing was written."
            ),
            translate("ErrorWords", "Choose another file name, or agree to replace it."),
        ),
        "reply-exists": (
            translate("ErrorWords", "%where already exists; it was not overwritten."),
            translate("ErrorWords", "Save the replies into another folder."),
        ),
        "letter-already-sent": (
            translate("ErrorWords", "Letter FA-%letter is already marked as sent."),
            translate(
                "ErrorWords", "Record the operator's answer, an extension or the closing instead."
            ),
        ),
        "pause-outside-period": (
            translate(
                "ErrorWords",
                "A pause on %on_date is outside the period that runs from %start_date to "
                "%end_date.",
            ),
            translate(
                "ErrorWords",
                "Give the date the organisation asked for ID or clarification.",
            ),
        ),
        "resume-before-pause": (
            translate(
                "ErrorWords",
                "The clock cannot run again on %on_date, before it was paused (%paused_date).",
            ),
            translate("ErrorWords", "Give the day the organisation received what it asked for."),
        ),
        "received-before-sent": (
            translate(
                "ErrorWords",
                "The letter was received on %received_date, before the new send date %sent_date.",
            ),
            translate("ErrorWords", "Give the day it was received too."),
        ),
        "letter-followed-up": (
            translate(
                "ErrorWords",
                "Letter FA-%letter is followed up by %letters, so it was sent: that cannot be "
                "taken back.",
            ),
            translate(
                "ErrorWords", "Discard those drafts first, or correct the send date instead."
            ),
        ),
        "letter-reply-attached": (
            translate(
                "ErrorWords",
                "The operator's reply is kept with letter FA-%letter, so it was sent: that "
                "cannot be taken back.",
            ),
            translate("ErrorWords", "Correct the send date instead."),
        ),
        "reply-empty": (
            translate("ErrorWords", "The reply file %name is empty."),
            translate("ErrorWords", "Check the file, and choose the one the operator sent."),
        ),
        "no-standard-extension": (
            translate("ErrorWords", "The law sets no standard extension for this request."),
            translate("ErrorWords", "Give the new due date the operator announced."),
        ),
        "calendar-not-written": (
            translate("ErrorWords", "The calendar could not be written to %where (%reason)."),
            translate("ErrorWords", "Choose a folder you can write to."),
        ),
    }


def _value(key: str, value: str) -> str:
    if key in _SIZES and value.isdigit():
        return QLocale().formattedDataSize(int(value))
    if key.endswith("_date"):  # ISO dates, as the window writes dates
        day = QDate.fromString(value[:10], Qt.DateFormat.ISODate)
        return QLocale().toString(day, "d MMMM yyyy") if day.isValid() else value
    return value


def fill(template: str, params: dict[str, str]) -> str:
    """``template`` with its %name placeholders replaced (longest names first)."""
    for key in sorted(params, key=len, reverse=True):
        template = template.replace(f"%{key}", _value(key, params[key]))
    return template


def error_words(error: FaceAuditError) -> tuple[str, str]:
    """(what, todo) in the window's language; the core's English for an unknown code."""
    found = templates().get(error.code) if error.code else None
    if found is None:
        return error.what, error.todo
    params: dict[str, str] = getattr(error, "params", {})  # a subclass may skip the base init
    what, todo = (fill(part, params) for part in found)
    file = params.get("file")
    if file and "%file" not in found[0]:
        what = f"{file}: {what}"  # a wrapped error names its file first, as the core does
    return what, todo
