"""What can go wrong with a case file, each with what happened and what to do."""

from __future__ import annotations

from faceaudit.errors import FaceAuditError


class StoreError(FaceAuditError):
    """A case cannot be created, opened, changed or deleted."""


class CaseNotFoundError(StoreError):
    """No case of that name exists under the data directory."""

    code = "case-not-found"


class CaseExistsError(StoreError):
    """A case of that name already exists."""

    code = "case-exists"


class InvalidCaseNameError(StoreError):
    """The case name cannot be used as a folder name."""


class WeakPassphraseError(StoreError):
    """The passphrase offered for a new case is too short."""


class WrongPassphraseError(StoreError):
    """The passphrase does not unlock the case's key."""


class CorruptCaseError(StoreError):
    """The case's files are damaged, truncated or not FaceAudit files at all."""

    code = "corrupt-case"


class ForeignFileError(CorruptCaseError):
    """A readable SQLite file that is not a FaceAudit case."""

    code = "foreign-file"


class NewerSchemaError(StoreError):
    """The case was written by a newer FaceAudit than this one."""

    code = "newer-schema"


class TamperedDataError(CorruptCaseError):
    """An encrypted value failed its integrity check: altered, damaged or moved between rows."""

    code = "tampered"


class DiskFullError(StoreError):
    """The disk filled up during a write; the write was undone."""

    code = "disk-full"


class ReadOnlyError(StoreError):
    """The data directory or the case's files cannot be written."""

    code = "read-only"


class CaseBusyError(StoreError):
    """Another FaceAudit process holds the case's write lock for too long."""

    code = "case-busy"


class CaseDeletedError(StoreError):
    """The case was deleted (``case delete``, or its folder removed) while it was open."""

    code = "case-deleted"


class UnknownRowError(StoreError):
    """A finding, reference, source or scan id that the case does not hold."""
