"""The README's web command as written: `claimgraph serve examples/` ingests the examples into an
embedded store, serves them, and a second start serves the same store without ingesting again."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install -e '.[web]'")

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - a local test server
        return response.status, response.read()


def _serve(args: list[str], cwd: Path, port: int) -> subprocess.Popen:
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env.pop("CLAIMGRAPH_WRITE_TOKEN", None)
    return subprocess.Popen(["claimgraph", "serve", *args, "--port", str(port)], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait(proc: subprocess.Popen, base: str, limit: float = 400) -> dict:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(proc.stderr.read().decode("utf-8", "replace"))
        try:
            return json.loads(_get(base + "/api/documents")[1])
        except OSError:
            time.sleep(0.5)
    raise AssertionError("the server did not answer")


def _stop(proc: subprocess.Popen) -> str:
    proc.terminate()
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    return err.decode("utf-8", "replace")


def test_serve_examples_ingests_then_serves(tmp_path: Path) -> None:
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    proc = _serve(["examples/"], tmp_path, port)
    try:
        listing = _wait(proc, base)
        shipped = [p for p in (ROOT / "examples").rglob("*") if p.is_file() and p.suffix in (".txt", ".html")]
        assert listing["total"] >= 1 and listing["total"] <= len(shipped) + 50
        sample = next(d for d in listing["items"] if d["outlet"] == "SouthFront")
        status, page = _get(f"{base}/documents/{sample['id']}")
        assert status == 200 and b"k-quote" in page
        status, _ = _get(base + "/claims")
        assert status == 200
    finally:
        err = _stop(proc)
    assert "Traceback" not in err, err
    assert (tmp_path / "claimgraph.duckdb").exists()

    # served again from the store alone: the same documents, nothing ingested
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    proc = _serve([], tmp_path, port)
    try:
        again = _wait(proc, base)
        assert again["total"] == listing["total"]
    finally:
        err = _stop(proc)
    assert "ingested" not in err
