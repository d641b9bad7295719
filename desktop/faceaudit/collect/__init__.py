"""Web and local collection: turns the person's Sources into Candidates (images and video frames)."""
