"""Datelines in every month system, 12-hour times, and container metadata dates."""

from __future__ import annotations

import pytest

from marsad.page.dates import metadata_date, parse_dateline


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("الثلاثاء، 18 يونيو 2024 - 08:16 م", "2024-06-18T20:16"),
        ("الأحد 10 أيلول 2023", "2023-09-10"),
        ("نشر في: 3 تشرين الأول 2023 الساعة 11:05 ص", "2023-10-03T11:05"),
        ("الخميس 4 جويلية 2024", "2024-07-04"),
        ("السبت 17 غشت 2024 - 12:30 ص", "2024-08-17T00:30"),
        ("آخر تحديث: ١٨/٠٦/٢٠٢٤", "2024-06-18"),
        ("2024-06-18 20:16", "2024-06-18T20:16"),
        ("الثلاثاء 12 ذو الحجة 1445 هـ - 18 يونيو 2024 م", "2024-06-18"),
        ("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00", "2013-08-28T14:00"),
        ("٢٤ تموز/يوليو ٢٠١٥، ٠٥:٤٢ م", "2015-07-24T17:42"),
        ("يوليو 24، 2015", "2015-07-24"),
        ("الأحد 15 شوال 1436 هـ", "2015-07-31"),
    ],
)
def test_datelines(line: str, value: str) -> None:
    assert parse_dateline(line) == value


@pytest.mark.parametrize(
    "line",
    [
        "وكانت الزيارة الأولى في 19 يوليو 2000 عندما التقى بوتين الزعيم الراحل كيم جونغ إيل في بيونغ يانغ وسط استقبال حافل.",
        "الزعيم الكوري الشمالي (وسط) خلال زيارة لموقع إطلاق الصواريخ الباليستية في مارس 2022 (أ.ب)",
        "31 فبراير 2024",
        "ولد في 15 شوال 1380 هـ في مكة المكرمة ودرس فيها حتى أكمل المرحلة الثانوية ثم انتقل إلى الرياض للدراسة.",
    ],
)
def test_not_datelines(line: str) -> None:
    assert parse_dateline(line) is None


def test_metadata_dates() -> None:
    got = metadata_date("2015-07-21 02:51:32")
    assert got is not None and (got.value, got.basis) == ("2015-07-21T02:51:32", "metadata")
    assert metadata_date("not a date") is None
    assert metadata_date(None) is None
