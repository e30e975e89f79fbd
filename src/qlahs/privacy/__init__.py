"""Personal data: each subject's own key, sealing of personal fields, erasure by destroying
the key (crypto-shredding; docs/security.md §5)."""
