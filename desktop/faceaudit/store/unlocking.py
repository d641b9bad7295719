"""Which passphrase opens a case: its own, the clinic's, or (for a case with both) either.

The key file says which wraps a case has, so a passphrase costs one key derivation per
wrap at most, and only one for a case with a single wrap:

- own wrap only (every case made without a clinic): one scrypt run, as before clinics;
- clinic wrap only: one Argon2id run on this computer's clinic key, and none at all when
  this computer has no clinic key or another clinic's (the wrap names its clinic);
- both: the clinic's first (caseworkers open clinic cases with it every day; the own
  passphrase is for the client once the case is handed over, on a computer that usually
  has no clinic key, where the clinic's is skipped), then the case's own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from faceaudit.errors import FaceAuditError, coded
from faceaudit.store.clinic import Clinic, ClinicKeyError
from faceaudit.store.crypto import KeyFile, wrong_case_passphrase
from faceaudit.store.errors import CorruptCaseError, WrongPassphraseError

UnlockKind = Literal["case", "clinic"]


@dataclass(frozen=True)
class Unlocked:
    case_id: str
    data_key: bytes
    kind: UnlockKind  # which passphrase gave the key: the case's own or the clinic's


def unwrap_data_key(key_file: KeyFile, passphrase: str, clinic: Clinic) -> Unlocked:
    case_id = key_file.case_id
    clinic_problem: FaceAuditError | None = None
    clinic_tried = False
    if key_file.clinic is not None:
        try:
            clinic_file = clinic.key_file()
        except CorruptCaseError as error:
            clinic_file, clinic_problem = None, error  # the own wrap may still open the case
        if clinic_file is not None and clinic_file.clinic_id == key_file.clinic.clinic_id:
            clinic_tried = True
            master_key = clinic_file.try_unwrap(passphrase)
            if master_key is not None:
                data_key = key_file.clinic.unwrap(master_key, case_id)
                if data_key is None:
                    raise CorruptCaseError(
                        "The clinic passphrase is right, but the case's key file does not "
                        "open with the clinic key: it was altered or damaged.",
                        "Restore the case folder from a backup.",
                    )
                return Unlocked(case_id, data_key, "clinic")
        elif clinic_problem is None:
            clinic_problem = _not_this_clinic(clinic_file is None)
    if key_file.own is not None:
        data_key = key_file.own.unwrap(case_id, passphrase)
        if data_key is not None:
            return Unlocked(case_id, data_key, "case")
    if clinic_tried and key_file.own is not None:
        raise coded(
            WrongPassphraseError(
                "The passphrase does not unlock this case: it is neither the case's own "
                "passphrase nor the clinic passphrase.",
                "Either one opens it. Check the passphrase (it is case-sensitive) and try again.",
            ),
            "wrong-passphrase-either",
        )
    if clinic_tried:
        raise coded(
            WrongPassphraseError(
                "The passphrase does not unlock this case: it is locked under the clinic "
                "passphrase, and this is not it.",
                "Type the clinic passphrase (it is case-sensitive). FaceAudit cannot recover a "
                "forgotten one.",
            ),
            "wrong-clinic-passphrase",
        )
    if clinic_problem is not None and (
        key_file.own is None or isinstance(clinic_problem, CorruptCaseError)
    ):
        raise clinic_problem  # a damaged clinic key is said even when the own wrap exists
    raise wrong_case_passphrase()


def _not_this_clinic(no_clinic_key: bool) -> ClinicKeyError:
    if no_clinic_key:
        return ClinicKeyError(
            "This case is locked under a clinic passphrase, and this computer has no clinic key.",
            "Open it on the clinic's computer, or restore the clinic key file "
            "(clinic/clinic.key in the data folder) from a backup.",
        )
    return ClinicKeyError(
        "This case is locked under another clinic's passphrase, not this computer's.",
        "Open it on that clinic's computer, or ask them to hand it over with an export.",
    )
