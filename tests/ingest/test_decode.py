"""decode_bytes: BOM, verified declarations, detection, and a fallback that never raises."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.ingest import decode_bytes

TEXT = "Le café “déjà vu” — naïve façade, 5 °C"
PAGE = "<html><head>{meta}<title>t</title></head><body><p>{body}</p></body></html>"


def page(body: str, meta: str = "") -> str:
    return PAGE.format(meta=meta, body=body)


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_bom_wins_and_is_removed(bom: bytes, codec: str) -> None:
    # The page even declares another charset: the BOM is the stronger signal, as in browsers.
    html = page(TEXT, '<meta charset="iso-8859-1">')
    decoded = decode_bytes(bom + html.encode(codec))
    assert decoded.text == html
    assert decoded.source == "bom"
    assert decoded.encoding == codec


@pytest.mark.parametrize(
    "meta",
    [
        '<meta charset="windows-1252">',
        "<meta charset=iso-8859-1>",
        '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
    ],
)
def test_latin1_declarations_decode_as_windows_1252(meta: str) -> None:
    html = page(TEXT, meta)
    decoded = decode_bytes(html.encode("cp1252"))
    assert decoded.text == html  # curly quotes and the dash are windows-1252 bytes 0x93/0x94/0x97
    assert decoded.encoding == "windows-1252"
    assert decoded.source == "declared"


def test_wrong_latin1_declaration_on_utf8_bytes_is_not_trusted() -> None:
    html = page(TEXT, '<meta charset="iso-8859-1">')
    decoded = decode_bytes(html.encode("utf-8"))
    assert decoded.text == html
    assert decoded.encoding == "utf-8"


def test_wrong_utf8_declaration_on_windows_1252_bytes_is_detected() -> None:
    html = page(TEXT * 5, '<meta charset="utf-8">')
    decoded = decode_bytes(html.encode("cp1252"))
    assert "café “déjà vu” — naïve" in decoded.text
    assert decoded.encoding == "windows-1252"


@pytest.mark.parametrize(
    ("label", "codec", "body"),
    [
        ("Shift_JIS", "shift_jis", "日本銀行は金融政策決定会合で、マイナス金利政策の解除を決めました。"),
        ("EUC-JP", "euc_jp", "きのうの夜、大阪市内で火事がありました。"),
        ("GB2312", "gbk", "北京市气象台发布暴雨蓝色预警，预计今天夜间有中到大雨。"),
        ("Big5", "big5", "中華民國總統今天在台北出席國慶大會。"),
        ("EUC-KR", "euc_kr", "서울시는 내년부터 대중교통 요금을 인상한다고 밝혔다."),
        ("windows-1251", "cp1251", "Учёные опубликовали статью о новом методе очистки воды."),
    ],
)
def test_declared_legacy_codecs_decode(label: str, codec: str, body: str) -> None:
    html = page(body, f'<meta http-equiv="Content-Type" content="text/html; charset={label}">')
    decoded = decode_bytes(html.encode(codec))
    assert decoded.text == html
    assert decoded.source == "declared"


def test_xml_declaration_is_read_for_xhtml() -> None:
    body = "北京市气象台发布暴雨蓝色预警。"
    xhtml = '<?xml version="1.0" encoding="gb2312"?>\n' + page(body)
    decoded = decode_bytes(xhtml.encode("gbk"), kind="xhtml")
    assert decoded.text == xhtml
    assert decoded.encoding == "gbk"


def test_charset_from_outside_is_used_for_undeclared_bytes() -> None:
    body = "東京都は、来年度から高校の授業料を実質無償化する方針を明らかにした。"
    decoded = decode_bytes(page(body).encode("shift_jis"), declared="shift_jis")
    assert body in decoded.text
    assert decoded.source == "declared"


def test_declaration_is_only_sniffed_near_the_top() -> None:
    late_meta = "<!--" + "x" * 5000 + '--><meta charset="koi8-r">'
    html = page(TEXT, late_meta)
    decoded = decode_bytes(html.encode("utf-8"))
    assert decoded.text == html
    assert decoded.encoding == "utf-8"


def test_undeclared_utf8_and_ascii() -> None:
    assert decode_bytes(page(TEXT).encode("utf-8")).encoding == "utf-8"
    ascii_page = decode_bytes(b"<p>plain</p>")
    assert ascii_page.text == "<p>plain</p>"
    assert ascii_page.source == "default"


def test_undeclared_legacy_text_is_detected() -> None:
    body = "北京市气象台发布暴雨蓝色预警，预计今天夜间到明天白天，本市大部分地区有中到大雨。" * 3
    decoded = decode_bytes(body.encode("gbk"), kind="text")
    assert decoded.text == body
    assert decoded.source == "detected"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_text_dump_without_bom(codec: str) -> None:
    text = "Shadow of Anchorage no-deal looms\n\nPosted Monday by Pavel K. Baev — “quoted”\n"
    decoded = decode_bytes(text.encode(codec), kind="text")
    assert decoded.text == text


def test_nul_bytes_and_empty_input() -> None:
    assert decode_bytes(b"").text == ""
    decoded = decode_bytes(b"<p>a\x00b</p>")
    assert decoded.text == "<p>ab</p>"


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=600), kind=st.sampled_from(["html", "xhtml", "text"]))
def test_never_raises_on_arbitrary_bytes(data: bytes, kind: str) -> None:
    decoded = decode_bytes(data, kind=kind)
    assert isinstance(decoded.text, str)
    assert "\x00" not in decoded.text
    assert decoded.source in {"bom", "declared", "detected", "default"}


@settings(max_examples=100, deadline=None)
@given(
    body=st.binary(max_size=300),
    label=st.sampled_from(
        ["utf-8", "shift_jis", "gb2312", "big5", "euc-kr", "iso-8859-1", "bogus", "utf-16"]
    ),
)
def test_never_raises_whatever_the_declaration(body: bytes, label: str) -> None:
    data = f'<meta charset="{label}">'.encode() + body
    assert isinstance(decode_bytes(data).text, str)
    assert isinstance(decode_bytes(body, declared=label).text, str)
