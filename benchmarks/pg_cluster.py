"""A throw-away PostgreSQL cluster for the soak test (benchmarks/soak.py), and a streaming
standby of one for the replica test and benchmark (tests/test_replica.py,
benchmarks/bench_replica.py)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path


def binaries() -> Path | None:
    """The newest installed PostgreSQL's programs (initdb, pg_ctl, pg_basebackup)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    return Path(found[-1]) if found else None


def free_port() -> int:
    """A TCP port nothing listens on now on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Cluster:
    """A throw-away PostgreSQL cluster on 127.0.0.1, run by the `postgres` user.

    `settings` are passed to the server at start (`-c name=value`)."""

    def __init__(self, port: int, settings: dict[str, str] | None = None) -> None:
        programs = binaries()
        if programs is None:
            sys.exit("Không tìm thấy PostgreSQL (/usr/lib/postgresql/*/bin).")
        self.bin = programs
        self.port = port
        self.settings = settings or {}
        self.home = Path(tempfile.mkdtemp(prefix="qlahs-pg-"))
        shutil.chown(self.home, "postgres", "postgres")
        self.data = self.home / "data"
        self.url = f"postgresql://postgres@127.0.0.1:{port}/postgres"

    def _as_postgres(self, *command: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, *command], check=True, stdout=subprocess.DEVNULL)

    def start(self) -> None:
        if not self.data.exists():
            self._as_postgres(str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust")
        options = f"-p {self.port} -k {self.home} -c listen_addresses=127.0.0.1"
        options += "".join(f" -c {name}={value}" for name, value in self.settings.items())
        log = str(self.home / "postgres.log")
        self._as_postgres(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", log, "-w", "start"
        )

    def standby(self, port: int, settings: dict[str, str] | None = None) -> Cluster:
        """A streaming standby of this (running) cluster on `port`, not yet started: a base
        backup with `-R`, which writes standby.signal and the primary's address."""
        replica = Cluster(port, {"hot_standby": "on"} | (settings or {}))
        self._as_postgres(
            str(self.bin / "pg_basebackup"),
            *("-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres"),
            *("-D", str(replica.data), "-R", "-X", "stream", "-c", "fast"),
        )
        return replica

    def crash(self) -> None:
        self._as_postgres(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")

    def halt(self) -> None:
        """Stop the server and keep its files (it may be started again)."""
        self._as_postgres(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop")

    def stop(self) -> None:
        """Stop the server if it runs, and remove its files."""
        if (self.data / "postmaster.pid").exists():
            self.halt()
        shutil.rmtree(self.home, ignore_errors=True)
