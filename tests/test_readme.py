"""Every command in the README runs as written (install and venv steps aside), on files the repository ships."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.S | re.M)
#: steps that set up the machine, run this very suite, or need ../shared/bench-data and minutes each
SKIP = re.compile(r"^(python3? -m venv|\. \.venv|source |pip install|python -m pytest|pytest|python -m bench\.)")


def _commands() -> list[str]:
    commands = []
    for lang, body in BLOCK.findall(README):
        if lang not in ("bash", "sh", "shell"):
            continue
        for line in body.splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            for step in line.split(" && "):
                step = step.strip()
                if not SKIP.match(step):
                    commands.append(step)
    return commands


COMMANDS = _commands()


def test_the_readme_has_commands_to_run():
    assert any(c.startswith("claimgraph analyze") for c in COMMANDS)
    assert any("--out-dir" in c for c in COMMANDS)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    """A scratch folder holding the repository's examples, so outputs do not land in the checkout."""
    work = tmp_path_factory.mktemp("readme")
    (work / "examples").symlink_to(ROOT / "examples")
    return work


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    return env


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_command_runs_as_written(command, workdir):
    proc = subprocess.run(["bash", "-c", f"set -o pipefail; {command}"], cwd=workdir, env=_env(),
                          capture_output=True, timeout=600)
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 0, f"{command}\n{err}"
    assert "Traceback" not in err
    # whatever the command wrote (stdout or a redirected file) is not empty
    words = shlex.split(command.split("#")[0])
    written = [words[i + 1] for i, w in enumerate(words[:-1]) if w in (">", "-o", "--out", "--out-dir")]
    for target in written:
        path = workdir / target
        assert path.exists() and (path.is_dir() and any(path.iterdir()) or path.stat().st_size > 0), target
    if not written:
        assert proc.stdout.strip(), command


def test_readme_python_example_runs(workdir):
    blocks = [body for lang, body in BLOCK.findall(README) if lang == "python"]
    assert blocks
    script = "\n".join(blocks)
    proc = subprocess.run([sys.executable, "-c", script], cwd=workdir, env=_env(), capture_output=True, timeout=600)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
