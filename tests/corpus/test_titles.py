"""Story titles: teaser, gallery and opinion headlines are set aside."""

from __future__ import annotations

import pytest

from marsad.corpus.titles import is_teaser


@pytest.mark.parametrize(
    ("title", "teaser"),
    [
        ("شاهد.. لحظة وصول بوتين إلى بيونج يانج", True),
        ("بالفيديو: السيسي يدشن قناة السويس الجديدة", True),
        ("فيديو| لحظة التفجير", True),
        ("رأي: طوارئ سعودية قديمة", True),
        ("#تفجير_الركعة_الرابعة", True),
        ("السيسي يدشن قناة السويس الجديدة", False),
        ("«داعش» يغدر بالمصلين في عسير", False),
        ("يوسف بن علوي يستقبل المعلم في مسقط", False),
    ],
)
def test_teasers(title: str, teaser: bool) -> None:
    assert is_teaser(title) is teaser
