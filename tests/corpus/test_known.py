"""The registry of known entities: stable ids, spelling variants, dated roles, user extensions."""

from __future__ import annotations

import pytest

from marsad.corpus.known import Registry, parse_entries, resolve_role, shipped_registry
from marsad.corpus.names import is_unit, name_key, short_key, skeleton, transliterations


@pytest.mark.parametrize(
    ("date", "person"),
    [("2015-08-01", "per:barack-obama"), ("2018-05-01", "per:donald-trump"), ("2021-06-01", "per:joe-biden"),
     ("2025-03-01", "per:donald-trump")],
)
def test_a_role_resolves_to_its_holder_at_the_date(date: str, person: str) -> None:
    found = resolve_role("الرئيس الأمريكي", date)
    assert found is not None
    assert found.id == person
    assert found.type == "PER"


def test_former_roles_and_unknown_dates_resolve_to_nobody() -> None:
    assert resolve_role("الرئيس الأمريكي السابق", "2018-05-01") is None
    assert resolve_role("الرئيس الأمريكي", None) is None
    assert resolve_role("رئيس النادي", "2018-05-01") is None


def test_role_phrases_take_clitics_and_spelling_variants() -> None:
    found = resolve_role("للرئيس الأميركي", "2016-01-01")
    assert found is not None and found.id == "per:barack-obama"
    minister = resolve_role("وزير الخارجية السعودي", "2015-08-03")
    assert minister is not None and minister.id == "per:adel-al-jubeir"
    assert resolve_role("وزير الخارجية السعودي", "2015-03-01").id == "per:saud-al-faisal"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("a", "b"),
    [("سيرجي لافروف", "سيرغي لافروف"), ("البنتاجون", "البنتاغون"), ("بيونج يانج", "بيونغ يانغ"),
     ("كيم جونج أون", "كيم جونغ أون"), ("ترمب", "دونالد ترامب"), ("ميشيل عون", "ميشال عون"), ("ضريف", "ظريف"),
     ("نصرالله", "حسن نصر الله"), ("عادل بن أحمد الجبير", "عادل الجبير")],
)
def test_spellings_of_one_entity_find_one_entry(a: str, b: str) -> None:
    registry = shipped_registry()
    entry = registry.lookup(a)
    assert entry is not None
    assert entry is registry.lookup(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("لافروف", "شويغو"), ("نوري المالكي", "تركي المالكي"), ("قوات سوريا الديمقراطية", "سوريا"),
     ("كيم جونغ أون", "كيم جونغ إيل"), ("الرئيس الأمريكي", "دونالد ترامب")],
)
def test_different_entities_stay_apart(a: str, b: str) -> None:
    registry = shipped_registry()
    assert registry.lookup(a) is not registry.lookup(b)


def test_entries_carry_type_and_dated_roles() -> None:
    trump = shipped_registry().entries["per:donald-trump"]
    assert trump.type == "PER"
    assert [t.label() for t in trump.roles] == ["us_president@2017-01-20/2021-01-20", "us_president@2025-01-20/"]
    assert shipped_registry().entries["org:sdf"].type == "ORG"


def test_a_user_entry_extends_and_replaces() -> None:
    base = parse_entries([("per:x", "PER", "زيد عمرو", "زيد", "")], "base")
    user = parse_entries([("per:x", "PER", "زيد بن عمرو", "", "mayor@2020-01-01/")], "user.tsv")
    registry = Registry.build([*base, *user], [("mayor", "عمدة المدينة")])
    registry.index_keys()
    assert registry.entries["per:x"].name == "زيد بن عمرو"
    assert registry.resolve_role("عمدة المدينة", "2021-01-01") is registry.entries["per:x"]
    with pytest.raises(ValueError, match=r"user\.tsv"):
        parse_entries([("per:y", "PERSON", "x")], "user.tsv")


def test_name_keys() -> None:
    assert skeleton("ترامب") == skeleton("ترمب")
    assert name_key("سعد") != name_key("سعيد")
    assert name_key("الرياض") != name_key("رياض")
    assert name_key("عبد المحسن") == name_key("عبدالمحسن")
    assert short_key("عبداللطيف بن راشد الزياني") == name_key("عبداللطيف الزياني")
    assert is_unit("دولار") and is_unit("الريال") and not is_unit("دولة")


@pytest.mark.parametrize(
    ("variant", "entity"),
    [("سرجي لافروف", "per:sergey-lavrov"), ("فلاديمر بوتين", "per:vladimir-putin"), ("ميشيل عون", "per:michel-aoun")],
)
def test_transliterated_first_names_find_the_entry(variant: str, entity: str) -> None:
    """سرجي لافروف (written so in al-Eqtisadiya, 2015-08-11) is سيرغي لافروف: same surname, a transliteration."""
    found = shipped_registry().lookup(variant)
    assert found is not None and found.id == entity


@pytest.mark.parametrize(("a", "b"), [("سعد", "سعيد"), ("حسن", "حسين"), ("محمد", "محمود"), ("جون", "جين")])
def test_native_names_differing_by_a_vowel_are_not_transliterations(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)
    assert not transliterations(a, b)


def test_a_vowel_letter_keeps_saeed_from_saad_hariri() -> None:
    assert shipped_registry().lookup("سعد الحريري") is not None
    assert shipped_registry().lookup("سعيد الحريري") is None
