"""The machine the benchmark ran on, for the report: cores, memory, and the versions of what
served and measured the pages."""

import os
import platform
import subprocess
from pathlib import Path

import django
import gunicorn
import openpyxl
import weasyprint


def command_version(command):
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "not found"
    return (result.stdout or result.stderr).strip().splitlines()[0] if result else ""


def machine_lines():
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        kb = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
        memory = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, IndexError, ValueError):
        pass
    return [
        f"- Cores: {os.cpu_count()} ({cpu}); memory: {memory}; "
        f"{platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}, Django {django.get_version()}, gunicorn "
        f"{gunicorn.__version__} (sync workers), WeasyPrint {weasyprint.__version__}, "
        f"openpyxl {openpyxl.__version__}, {command_version(['wrk', '--version'])}",
    ]
