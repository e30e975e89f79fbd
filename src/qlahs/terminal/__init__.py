"""Tables people read in a terminal (rich), shared by the CLI and the demo."""
