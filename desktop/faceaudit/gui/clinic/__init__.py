"""Clinic: tools for privacy clinics acting for several clients (audit log, retention,
hand-off, report, mandate, clinic passphrase), one panel per tool."""
