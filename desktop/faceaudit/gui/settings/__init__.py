"""Settings: model pack, match threshold, network, data folder, interface."""
