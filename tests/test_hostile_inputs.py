"""Hostile files given to a real `alliances import` process: each is refused with a clear report
in French and English, within a time limit (no process hung, none crashed), and nothing is written.

Entity expansion (billion laughs) and deep JSON-LD are real dangers here: measured with
pyoxigraph 0.5, its RDF/XML parser expands internal entities (2.4 GB asked for the file below)
and its JSON-LD parser overflows its stack at a few thousand levels, killing the process.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

TIMEOUT = 120
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DEPTH = 5000


def _laughs() -> bytes:
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    ]
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n{chr(10).join(entities)}\n]>\n'
        f'<rdf:RDF xmlns:rdf="{RDF}" xmlns:ex="http://example.org/"><rdf:Description '
        'rdf:about="http://example.org/s"><ex:p>&lol9;</ex:p></rdf:Description></rdf:RDF>'
    ).encode()


def _external_entity() -> bytes:
    return (
        f'<?xml version="1.0"?><!doctype r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<rdf:RDF xmlns:rdf="{RDF}" xmlns:ex="http://example.org/"><rdf:Description '
        'rdf:about="http://example.org/s"><ex:p>&x;</ex:p></rdf:Description></rdf:RDF>'
    ).encode()


def _jsonld(context: object) -> bytes:
    return json.dumps({"@context": context, "@id": "http://example.org/s", "name": "x"}).encode()


def _deep_objects() -> bytes:
    p = '"http://example.org/p":'
    return (
        '{"@id":"http://example.org/s",' + p + ("{" + p) * DEPTH + "1" + "}" * DEPTH + "}"
    ).encode()


def _deep_arrays() -> bytes:
    return (
        '{"@id":"http://example.org/s","http://example.org/p":'
        + "[" * DEPTH
        + "1"
        + "]" * DEPTH
        + "}"
    ).encode()


def _bomb(members: dict[str, bytes], big: str) -> bytes:
    """A zip whose member `big` inflates 1 MiB chunks of zeros to 700 MiB (about 700 KB)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in members.items():
            z.writestr(name, data)
        with z.open(big, "w", force_zip64=True) as f:
            chunk = b"\0" * (1 << 20)
            for _ in range(700):
                f.write(chunk)
    return out.getvalue()


def _xlsx_bomb() -> bytes:
    return _bomb({"[Content_Types].xml": b"<Types/>"}, "xl/worksheets/sheet1.xml")


def _ods_bomb() -> bytes:
    return _bomb({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}, "content.xml")


def _bad_bom_csv() -> bytes:
    return b"\xef\xbb\xbfid,name,type\n" + "asso-x,Caf\xe9,association\n".encode("latin-1")


def _binary_csv() -> bytes:
    return bytes((i * 7919) % 256 for i in range(5000))


#: name → (file name, content builder, words the French reason must hold)
CASES: dict[str, tuple[str, Callable[[], bytes], str]] = {
    "billion-laughs": ("laughs.rdf", _laughs, "DOCTYPE et ENTITY"),
    "external-entity": ("xxe.rdf", _external_entity, "DOCTYPE et ENTITY"),
    "remote-context": (
        "remote.jsonld",
        lambda: _jsonld("http://example.org/ctx.jsonld"),
        "contextes JSON-LD distants",
    ),
    "file-context": (
        "file.jsonld",
        lambda: _jsonld("file:///etc/passwd"),
        "contextes JSON-LD distants",
    ),
    "nested-context": (
        "nested.jsonld",
        lambda: _jsonld(
            [
                {"@vocab": "http://example.org/"},
                {"x": {"@id": "http://example.org/x", "@context": "file:///etc/passwd"}},
            ]
        ),
        "contextes JSON-LD distants",
    ),
    "import-context": (
        "import.jsonld",
        lambda: _jsonld({"@import": "https://example.org/c"}),
        "contextes JSON-LD distants",
    ),
    "deep-jsonld-objects": ("deep.jsonld", _deep_objects, "JSON trop imbriqué (5001 niveaux"),
    "deep-jsonld-arrays": ("deeper.jsonld", _deep_arrays, "JSON trop imbriqué (5001 niveaux"),
    "xlsx-zip-bomb": ("acteurs.xlsx", _xlsx_bomb, "bombe zip"),
    "ods-zip-bomb": ("acteurs.ods", _ods_bomb, "bombe zip"),
    "csv-bad-bom": ("actors.csv", _bad_bom_csv, "impossible de décoder le fichier en utf-8"),
    "csv-binary": ("actors.csv", _binary_csv, ""),
}


@pytest.fixture(scope="module")
def home(demo_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the demo instance."""
    home = tmp_path_factory.mktemp("hostile") / "instance"
    shutil.copytree(demo_home, home)
    return home


def cli(
    home: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `alliances ARGS` on `home` in a new process, killed after TIMEOUT seconds."""
    return subprocess.run(
        [sys.executable, "-m", "webui.cli", *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
        env={**os.environ, "ALLIANCES_HOME": str(home), **(env or {})},
    )


def sources(home: Path) -> tuple[int, list[str]]:
    """The store's version and published sources."""
    from graph.store import OxigraphStore

    store = OxigraphStore(home / "store", base="https://w3id.org/alliances/id/")
    try:
        return store.version, sorted(g.source for g in store.graphs())
    finally:
        store.close()


def _refused(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode == 1, (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr
    error = json.loads(result.stdout)
    assert error["error"] == "validation_failed", error
    assert error["message_fr"].endswith("rien n'a été écrit")
    reasons = [p["reason_fr"] for p in error["problems"]]
    assert reasons and all(p["reason"] for p in error["problems"])
    assert any(words in r for r in reasons), reasons


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_file_is_refused_and_nothing_written(home: Path, tmp_path: Path, case: str) -> None:
    name, build, words = CASES[case]
    before = sources(home)
    folder = tmp_path / case
    folder.mkdir()
    (folder / name).write_bytes(build())
    _refused(cli(home, "import", str(folder / name), "--json"), words)
    assert sources(home) == before


def test_oversized_file_is_not_even_read(home: Path, tmp_path: Path) -> None:
    """A 1.5 GiB file (sparse: no disk used) over the default 1 GiB limit, then a small one over
    a limit set in the environment."""
    before = sources(home)
    big = tmp_path / "actors.csv"
    with open(big, "wb") as f:
        f.truncate(3 << 29)
    result = cli(home, "import", str(big), "--json")
    _refused(result, "fichier trop gros : 1536.0 Mio (au plus 1024 Mio")
    small = tmp_path / "small" / "actors.ttl"
    small.parent.mkdir()
    small.write_bytes(b"<http://example.org/s> <http://example.org/p> 1 .\n" * 100)
    result = cli(
        home, "import", str(small), "--json", env={"ALLIANCES_IMPORT_MAX_FILE_BYTES": "1000"}
    )
    _refused(result, "fichier trop gros")
    assert sources(home) == before


def test_deeply_nested_turtle_is_valid_rdf_and_harmless(home: Path, tmp_path: Path) -> None:
    """Turtle nested 5,000 levels is valid RDF that pyoxigraph reads without recursion: it is
    imported, and every representation of the actor it describes still answers."""
    ttl = (
        "@prefix org: <http://www.w3.org/ns/org#> . @prefix foaf: <http://xmlns.com/foaf/0.1/> .\n"
        "@prefix schema: <http://schema.org/> . @prefix dct: <http://purl.org/dc/terms/> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "@prefix ex: <http://example.org/> .\n"
        "<https://w3id.org/alliances/id/actor/profond> a org:FormalOrganization, "
        "foaf:Organization, schema:Organization ;\n"
        "  org:classification <https://w3id.org/alliances/ns/actor-type/association> ;\n"
        '  dct:identifier "profond" ; skos:prefLabel "Profond"@fr ; foaf:name "Profond" ;\n'
        "  ex:p " + "[ ex:p " * DEPTH + "1" + " ]" * DEPTH + " .\n"
    )
    path = tmp_path / "profond.ttl"
    path.write_text(ttl)
    result = cli(home, "import", str(path), "--json")
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout)["triples"] > DEPTH

    from webui.app import create_app
    from webui.instance import Instance

    inst = Instance.open({"HOME": str(home)})
    try:
        client = create_app(instance=inst).test_client()
        for url in (
            "/actor/profond",
            "/id/actor/profond.ttl",
            "/id/actor/profond.jsonld",
            "/id/actor/profond.rdf",
            "/dump/source/profond.ttl",
            "/api/search?q=profond",
        ):
            r = client.get(url)
            r.close()
            assert r.status_code == 200, url
    finally:
        inst.close()
    assert cli(home, "import", str(path), "--json").returncode == 0  # idempotent, still fine


@pytest.mark.parametrize(
    ("encoding", "bom", "label"),
    [
        ("utf-16-le", b"", "utf-16-le"),
        ("utf-16-le", b"\xff\xfe", "utf-16"),
        ("utf-32", b"", "utf-32"),
        ("cp1252", b"", "cp1252"),
    ],
)
def test_other_encodings_are_read_and_reported(
    home: Path, tmp_path: Path, encoding: str, bom: bytes, label: str
) -> None:
    """Encodings other than UTF-8 are read correctly and named in the report (validate writes
    nothing)."""
    text = 'id,name,type,description\nasso-ete,"Association de l\'été à Noël",association,Œuvres\n'
    path = tmp_path / "actors.csv"
    path.write_bytes(bom + text.encode(encoding))
    before = sources(home)
    result = cli(home, "validate", str(path), "--json")
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout)
    assert report["inputs"][0]["encoding"] == label and report["resources"]["actor"] == 1
    assert sources(home) == before
