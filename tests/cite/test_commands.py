"""The ``cite``, ``export`` and ``styles`` commands as a script or a user runs them."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from reader import cli
from reader.commands import cite as cite_command
from reader.errors import ArticleNotFoundError
from reader.library.types import Filters, Note, SortOrder, StoredArticle


def _article(
    article_id: int, title: str, date: str, authors: Sequence[str] = ("Pavel K. Baev",)
) -> StoredArticle:
    return StoredArticle(
        id=article_id,
        content_hash=f"{article_id:064x}",
        source_path=f"/tmp/{article_id}.html",
        imported_at="2026-11-20T10:00:00+00:00",
        title=title,
        authors=list(authors),
        organizations=[],
        date=date,
        site="PRIO Blogs",
        url=f"https://www.prio.org/comments/{article_id}",
        language="en",
        excerpt=None,
        series=["War"],
        topics=[],
        accessed=None,
        text="",
        html="",
        repairs=[],
        provenance={},
    )


class FakeLibrary:
    """The part of the Library facade the commands use, over three articles."""

    def __init__(self, styles: Path) -> None:
        self.notices: list[str] = []
        self.articles = {
            1: _article(1, "Shadow of Anchorage no-deal looms over Ukraine peace no-talks", "2026-06-22"),
            2: _article(2, "Another look at Anchorage", "2026-02-01"),
            3: _article(3, "Europe’s answer", "2025-05-05", ["Ursula von der Leyen"]),
        }
        self.searches: list[tuple[str, Filters]] = []
        self._styles = styles

    def get(self, article_id: int) -> StoredArticle:
        if article_id not in self.articles:
            raise ArticleNotFoundError(f"no article with id {article_id}")
        return self.articles[article_id]

    def search_ids(
        self, query: str = "", filters: Filters | None = None, *, sort: SortOrder = SortOrder.RELEVANCE
    ) -> list[int]:
        self.searches.append((query, filters or Filters()))
        years = (filters or Filters()).years
        return [i for i, a in self.articles.items() if not years or int((a.date or "0")[:4]) in years]

    def styles_folder(self) -> Path:
        return self._styles

    def notes(self, article_id: int) -> list[Note]:
        return [Note(1, 1, "Compare with the Guardian's account.")] if article_id == 1 else []

    def close(self) -> None:
        pass


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakeLibrary:
    fake = FakeLibrary(tmp_path / "styles")
    monkeypatch.setattr(cite_command, "_open_library", lambda folder: fake)
    return fake


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.usefixtures("citer")
def test_cite_ids_gives_a_sorted_disambiguated_bibliography(
    library: FakeLibrary, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "cite", "1", "2", "3", "--style", "apa")
    assert code == 0
    lines = out.splitlines()
    assert [line.split(" (")[0] for line in lines] == ["Baev, P. K.", "Baev, P. K.", "von der Leyen, U."]
    assert lines[0].startswith("Baev, P. K. (2026a, February 1). Another look")
    code, out, _ = _run(capsys, "cite", "1", "2", "--in-text")
    assert out.strip() == "(Baev, 2026a, 2026b)"


@pytest.mark.usefixtures("citer")
def test_cite_unknown_id_is_one_clear_line(library: FakeLibrary, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "cite", "99")
    assert code == 2 and err.strip() == "offprint: no article with id 99"


@pytest.mark.usefixtures("citer")
def test_cite_csl_json_formats_each_record_on_its_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    author = [{"family": "Baev", "given": "Pavel K."}]
    records: list[dict[str, Any]] = [
        {"type": "post-weblog", "title": "Second", "author": author, "issued": {"date-parts": [[2026]]}},
        {"type": "post-weblog", "title": "First", "author": author, "issued": {"date-parts": [[2026]]}},
        {"type": "webpage", "title": "Tom & Jerry <b>bold</b>"},
    ]
    path = tmp_path / "items.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    code, out, _ = _run(capsys, "cite", "--csl-json", str(path), "--style", "apa")
    assert code == 0
    assert out.splitlines() == [
        "Baev, P. K. (2026). Second.",
        "Baev, P. K. (2026). First.",
        "Tom & Jerry bold. (n.d.).",
    ]
    code, out, _ = _run(
        capsys, "cite", "--csl-json", str(path), "--style", "mla", "--in-text", "--format", "html"
    )
    assert out.splitlines() == ["(Baev)", "(Baev)", "(<i>Tom &#38; Jerry <b>Bold</b></i>)"]


@pytest.mark.usefixtures("citer")
def test_cite_locale_applies_to_styles_that_declare_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "items.json"
    path.write_text(json.dumps([{"type": "webpage", "title": "Harbour", "author": [{"family": "Baev"}]}]))
    _, english, _ = _run(capsys, "cite", "--csl-json", str(path), "--style", "apa", "--in-text")
    _, german, _ = _run(
        capsys, "cite", "--csl-json", str(path), "--style", "apa", "--in-text", "--locale", "de-DE"
    )
    assert (english, german) == ("(Baev, n.d.)\n", "(Baev, o.\u00a0J.)\n")
    # Cite Them Right declares British English: a chosen language does not change it
    _, harvard, _ = _run(capsys, "cite", "--csl-json", str(path), "--style", "harvard", "--locale", "de-DE")
    assert harvard == "Baev (no date) Harbour.\n"


def test_cite_csl_json_unknown_style(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "items.json"
    path.write_text("[]", encoding="utf-8")
    code, out, err = _run(capsys, "cite", "--csl-json", str(path), "--style", "nope")
    assert code == 2 and out == "" and "unknown citation style 'nope'" in err


def test_cite_csl_json_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "items.json"
    path.write_text("{not json", encoding="utf-8")
    code, _, err = _run(capsys, "cite", "--csl-json", str(path))
    assert code == 2 and f"{path}: not valid JSON" in err


def test_export_bibtex_to_a_file_with_filters(
    library: FakeLibrary, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.bib"
    code, _, err = _run(
        capsys, "export", "anchorage", "--format", "bibtex", "--year", "2026", "-o", str(target)
    )
    assert code == 0 and "exported 2 article(s)" in err
    assert library.searches[-1][0] == "anchorage" and library.searches[-1][1].years == [2026]
    text = target.read_text(encoding="utf-8")
    assert text.count("@misc{") == 2 and "baev_shadow_2026" in text and "baev_another_2026" in text


def test_export_ris_keeps_crlf(
    library: FakeLibrary, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.ris"
    assert _run(capsys, "export", "--format", "ris", "-o", str(target))[0] == 0
    data = target.read_bytes()
    assert data.count(b"TY  - BLOG\r\n") == 3 and b"\n" not in data.replace(b"\r\n", b"")
    assert data.count(b"N1  - Compare with the Guardian's account.\r\n") == 1  # its note, as Zotero writes it
    assert _run(capsys, "export", "--format", "ris", "--no-notes", "-o", str(target))[0] == 0
    assert b"N1  -" not in target.read_bytes()


def test_export_csl_json_to_stdout(library: FakeLibrary, capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    assert cli.main(["export", "--format", "csl-json", "--include-series"]) == 0
    items = json.loads(capfdbinary.readouterr().out.decode("utf-8"))
    assert [i["title"] for i in items][2] == "Europe’s answer"
    # Zotero's blogPost holds no series: exporting one would only lose it on the way in
    assert "collection-title" not in items[0]
    assert items[2]["author"] == [{"family": "von der Leyen", "given": "Ursula"}]  # as Zotero reads names


def test_styles_lists_ids_aliases_and_titles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "styles", "--library", str(tmp_path))
    assert code == 0
    first = out.splitlines()[0].split(None, 3)
    assert first == ["apa", "apa", "author-date", "APA Style 7th edition"]
    assert any(line.split()[:2] == ["nlm-citation-sequence", "vancouver"] for line in out.splitlines())


def test_styles_all_lists_every_installed_style_and_search_finds_by_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "styles", "--all", "--library", str(tmp_path))
    lines = out.splitlines()
    assert code == 0 and len(lines) > 10_000 and lines[0].split()[0] == "apa"
    code, out, _ = _run(capsys, "styles", "--search", "nature", "--library", str(tmp_path))
    assert code == 0 and out.splitlines()[0].split()[0] == "nature"
    code, out, _ = _run(
        capsys, "styles", "--search", "medicine", "numeric", "--json", "--library", str(tmp_path)
    )
    rows = json.loads(out)
    assert rows[0]["id"] == "nlm-citation-sequence" and rows[0]["alias"] == "vancouver"
    assert {"id", "title", "format", "fields", "parent"} <= set(rows[0])
    code, _, err = _run(capsys, "styles", "--search", "zzqx", "--library", str(tmp_path))
    assert code == 1 and "no style matches 'zzqx'" in err


def test_styles_add_puts_a_file_in_the_library_or_names_its_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    style = tmp_path / "lab.csl"
    style.write_text(
        '<?xml version="1.0"?><style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><info>'
        "<title>Lab (APA)</title><id>http://example.org/styles/lab</id>"
        '<link href="http://www.zotero.org/styles/apa" rel="independent-parent"/></info></style>',
        encoding="utf-8",
    )
    code, out, err = _run(capsys, "styles", "--add", str(style), "--library", str(tmp_path / "lib"))
    assert code == 0 and err == "added lab: Lab (APA)\n"
    assert any(line.split()[0] == "lab" for line in out.splitlines())
    assert (tmp_path / "lib" / "styles" / "lab.csl").is_file()
    broken = tmp_path / "broken.csl"
    broken.write_text("<style", encoding="utf-8")
    code, _, err = _run(capsys, "styles", "--add", str(broken), "--library", str(tmp_path / "lib"))
    assert code == 2 and err.startswith(f"offprint: {broken}: not a CSL style: the XML is malformed")


def test_a_style_file_that_cannot_be_used_is_named_on_stderr_and_the_rest_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    styles = tmp_path / "styles"
    styles.mkdir()
    (styles / "broken.csl").write_text("<style>not CSL</style>", encoding="utf-8")
    code, out, err = _run(capsys, "styles", "--library", str(tmp_path))
    assert code == 0 and out.splitlines()[0].split()[0] == "apa"
    assert err == (
        f"offprint: warning: skipping a style that cannot be used: {styles / 'broken.csl'}: "
        "not a CSL style (no <style> element in the CSL namespace)\n"
    )
    monkeypatch.setenv(cli.LOG_ENV, "error")  # quieter on request
    code, _, err = _run(capsys, "styles", "--library", str(tmp_path))
    assert code == 0 and err == ""


def test_offprint_log_debug_shows_what_offprint_did(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cli.LOG_ENV, "debug")
    code, _, err = _run(capsys, "stats", "--library", str(tmp_path / "new"))
    assert code == 0
    assert "offprint: info: rebuilding the whoosh index of" in err
    monkeypatch.delenv(cli.LOG_ENV)
    code, _, err = _run(capsys, "stats", "--library", str(tmp_path / "new"))
    assert code == 0 and err == ""
