"""Shared by the benches that start Accord's processes: the CPU time a process group has used, read from
/proc (the machine's 2 cores are shared, so wall-clock figures move with the load; CPU time much less)."""

import os
from pathlib import Path


def group_cpu(pgid: int) -> float:
    """User + system CPU seconds used so far by the live processes of that process group (a server and
    its workers, a queue consumer and its worker processes), with the children they have waited for."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # pgrp; then utime, stime, cutime, cstime at 11..14
            total += sum(int(v) for v in fields[11:15])
    return total / os.sysconf("SC_CLK_TCK")


def load() -> str:
    """The load averages over 1, 5 and 15 minutes, as `uptime` shows them."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())
