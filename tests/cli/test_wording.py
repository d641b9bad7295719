from faceaudit.cli.wording import counted


def test_counts_are_singular_or_plural_never_both() -> None:
    assert counted(1, "image") == "1 image"
    assert counted(0, "image") == "0 images"
    assert counted(5, "face") == "5 faces"
    assert counted(2, "reply", "replies") == "2 replies"
