"""What auditors and administrators do through the engine: a record's history, verifying the
chain and its checkpoints, reading refusals, erasing personal data, managing users.

These sit above the engine and use its public face; the policy they rely on (roles, the hash
chain, the keys) lives below it in `access`, `audit` and `privacy`.
"""
