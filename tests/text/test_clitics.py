from marsad.text.clitics import bare_word, readings, separable_length, stem_variants, strip_clitics


def test_strip_and_readings() -> None:
    assert strip_clitics("وبالكرملين") == ("وبال", "كرملين")
    assert "الولايات" in stem_variants("للولايات")
    assert readings("وللمرة") == ((0, "وللمرة"), (1, "للمرة"), (2, "المرة"))
    assert bare_word("والرئيس") == "رئيس"


def test_separable_length_restores_the_article_after_lam() -> None:
    known = {"الولايات", "روسيا", "حزب"}.__contains__
    assert separable_length("للولايات", known) == (1, "الولايات")
    assert separable_length("ولروسيا", known) == (2, "روسيا")
    assert separable_length("لحزب", known) == (1, "حزب")
    assert separable_length("لبنان", known) == (0, "لبنان")
