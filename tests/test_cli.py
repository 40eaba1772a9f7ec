"""The CLI end to end, in a subprocess: real exit codes, one-line errors, never a traceback."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import jsonschema
import pytest
from conftest import SAMPLE

from claimgraph.contract import json_schema

CLI = [sys.executable, "-m", "claimgraph.cli"]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, timeout=300)


def assert_clean_failure(proc: subprocess.CompletedProcess, code: int = 2) -> str:
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == code, err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("error:")
    return lines[0]


def test_sample_json_matches_the_contract():
    proc = run("analyze", str(SAMPLE), "--format", "json")
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(proc.stdout)
    jsonschema.Draft202012Validator(json_schema()).validate(data)
    doc = data["document"]
    assert doc["outlet"] == "SouthFront"
    assert doc["authors"] == ["Mario Andrijasevic"]
    assert doc["dateline"] == "JUNE 2023"
    assert doc["published"] == "2023-06"
    assert doc["title"].startswith("Thousands of Turkish-backed militants")


def test_formats_and_out_file(tmp_path):
    html_out = tmp_path / "r.html"
    assert run("analyze", str(SAMPLE), "--format", "html", "--out", str(html_out)).returncode == 0
    html = html_out.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
    md = run("analyze", str(SAMPLE), "--format", "md")
    assert md.returncode == 0 and b"Kursat Mican" in md.stdout


def test_stdin_and_metadata_overrides():
    text = "Rebels shelled the town on Sunday, killing three people, a monitoring group said."
    proc = run("analyze", "-", "--outlet", "Reuters", "--published", "2019-05-05", stdin=text.encode())
    assert proc.returncode == 0, proc.stderr.decode()
    doc = json.loads(proc.stdout)["document"]
    assert doc["outlet"] == "Reuters" and doc["published"] == "2019-05-05"


def test_schema_command():
    proc = run("schema")
    schema = json.loads(proc.stdout)
    assert schema["properties"]["schema"]["default"] == "claimgraph/analysis@1"


@pytest.mark.parametrize(
    "name, payload",
    [
        ("empty.txt", b""),
        ("blank.txt", b"  \n\n \t "),
        ("binary.txt", bytes(range(256)) * 64),
        ("german.txt", "Die Regierung hat am Montag angekündigt, dass die Steuern im nächsten Jahr steigen "
                       "werden, weil die Ausgaben für die Verteidigung und die Infrastruktur stark "
                       "gewachsen sind und der Haushalt sonst nicht ausgeglichen werden kann.".encode()),
    ],
)
def test_bad_input_gets_one_line_and_exit_2(tmp_path, name, payload):
    path = tmp_path / name
    path.write_bytes(payload)
    assert_clean_failure(run("analyze", str(path)))


def test_huge_file_fails_fast(tmp_path):
    path = tmp_path / "huge.txt"
    line = b"The army said it had repelled an attack near the border on Tuesday.\n"
    with path.open("wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    assert path.stat().st_size >= 50 * 1024 * 1024
    message = assert_clean_failure(run("analyze", str(path)))
    assert "limit" in message


def test_missing_file():
    assert_clean_failure(run("analyze", "no/such/article.txt"))


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16"])
def test_legacy_encodings_are_decoded_with_a_warning(tmp_path, encoding):
    text = ("Le Monde's correspondent in Sévaré said the café owner, José Peña, saw 40 soldiers "
            "arrive on Monday. \"We were afraid,\" he said.")
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    proc = run("analyze", str(path))
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["document"]["text"].startswith("Le Monde's correspondent in Sévaré")
    assert b"warning:" in proc.stderr  # both are announced (UTF-16 with its BOM as "not UTF-8" too)


def test_malformed_html_still_gives_text(tmp_path):
    path = tmp_path / "broken.html"
    path.write_text(
        "<html><head><title>Clashes in Tripoli</title><body><div><p>Heavy clashes erupted in Tripoli on "
        "Friday between rival militias, residents said.<p>At least 12 people were killed, the health "
        "ministry said, <b>and dozens were wounded.</div></span>",
        encoding="utf-8",
    )
    proc = run("analyze", str(path))
    assert proc.returncode == 0, proc.stderr.decode()
    assert "Heavy clashes erupted in Tripoli" in json.loads(proc.stdout)["document"]["text"]


def test_jsonl_batch_with_a_bad_line(tmp_path):
    good = {"text": "Protesters marched through Nairobi on Tuesday, police said.", "outlet": "AP"}
    other = {"html": "<html><body><p>Shelling hit Kharkiv overnight, the governor said.</p></body></html>"}
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([json.dumps(good), "{not json", json.dumps(other)]) + "\n", encoding="utf-8")
    proc = run("analyze", str(path))
    assert proc.returncode == 3
    rows = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert len(rows) == 2
    assert rows[0]["document"]["outlet"] == "AP"
    err = proc.stderr.decode()
    assert "Traceback" not in err
    failure = json.loads(next(line for line in err.splitlines() if line.startswith("{")))
    assert failure["failed"] == 2


def test_several_files_a_folder_and_a_glob(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Police said two men were arrested in Kabul on Monday.", encoding="utf-8")
    (folder / "b.txt").write_text("Rebels shelled the town of Idlib on Sunday, killing three people.",
                                  encoding="utf-8")
    (folder / "notes.png").write_bytes(b"\x89PNG\r\n")
    out_dir = tmp_path / "reports" / "html"
    proc = run("analyze", str(folder), "--out-dir", str(out_dir), "--format", "html")
    assert proc.returncode == 0, proc.stderr.decode()
    assert sorted(p.name for p in out_dir.iterdir()) == ["a.html", "b.html"]
    assert "arrested in Kabul" in (out_dir / "a.html").read_text(encoding="utf-8")
    # a quoted glob and a file, into one JSON Lines stream, written where --out says (folders created)
    out = tmp_path / "new" / "deeper" / "all.jsonl"
    proc = run("analyze", str(folder / "*.txt"), str(folder / "a.txt"), "--out", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["document"]["text"][:6] for r in rows] == ["Police", "Rebels", "Police"]


@pytest.mark.parametrize(
    "args",
    [
        ["analyze", "{tmp}/nothing/*.txt"],                                # a glob matching nothing
        ["analyze", "{tmp}/empty_folder"],                                 # a folder without articles
        ["analyze", "{tmp}/a.txt", "--out", "{tmp}/a.txt/x.json"],         # --out below a file
        ["analyze", "{tmp}/a.txt", "--out", "{tmp}/empty_folder"],         # --out naming a folder
        ["analyze", "{tmp}/a.txt", "--out-dir", "{tmp}/a.txt"],            # --out-dir naming a file
        ["analyze", "{tmp}/a.txt", "--out", "{tmp}/x.json", "--out-dir", "{tmp}/d"],
        ["analyze", "-", "-"],
    ],
)
def test_misuse_gets_one_line_and_no_traceback(tmp_path, args):
    (tmp_path / "empty_folder").mkdir()
    (tmp_path / "a.txt").write_text("Police said two men were arrested.", encoding="utf-8")
    proc = run(*[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert_clean_failure(proc)


def test_help_shows_plain_metavars():
    proc = run("analyze", "--help")
    out = proc.stdout.decode()
    assert proc.returncode == 0
    assert "--out-dir" in out and "FILE" in out
    assert not re.search(r"<(bool|str|int|path|list\[[a-z]+\])>", out), out
