"""FaceAudit: find your own face on the pages you list, on your own computer, and act on it."""

__version__ = "0.1.0"
