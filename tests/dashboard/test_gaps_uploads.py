"""The Gaps page takes the files spreadsheets export, as ``careerkg gaps`` does."""

from __future__ import annotations

from dashboard.views import gaps as view


def test_the_page_takes_a_tsv_and_a_unicode_text_upload() -> None:
    # was: "plan.tsv: a .tsv file is not a curriculum" and "not UTF-8 text (byte 0xFF ...)"
    import base64

    sheet = "course\tterm\tteaches\trequires\r\nIntro\t1\tSQL\t\r\n"
    for name, raw in (("plan.tsv", sheet.encode()), ("plan.txt", sheet.encode("utf-16"))):
        source = view.read_upload(
            {"filename": name, "size": len(raw), "contents": "data:;base64," + base64.b64encode(raw).decode()}
        )
        assert source == {"text": sheet, "fmt": "csv", "name": name}
