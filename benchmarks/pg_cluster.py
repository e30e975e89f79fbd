"""A throw-away PostgreSQL cluster for the soak test (benchmarks/soak.py)."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


class Cluster:
    """A throw-away PostgreSQL cluster on 127.0.0.1, run by the `postgres` user."""

    def __init__(self, port: int) -> None:
        binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
        if not binaries:
            sys.exit("Không tìm thấy PostgreSQL (/usr/lib/postgresql/*/bin).")
        self.bin = Path(binaries[-1])
        self.port = port
        self.home = Path(tempfile.mkdtemp(prefix="qlahs-soak-"))
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
        log = str(self.home / "postgres.log")
        self._as_postgres(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", log, "-w", "start"
        )

    def crash(self) -> None:
        self._as_postgres(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")

    def stop(self) -> None:
        self._as_postgres(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop")
        shutil.rmtree(self.home, ignore_errors=True)
