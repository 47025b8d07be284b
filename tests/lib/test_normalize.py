"""Spellings of one name meet on one key; different names stay apart."""

import pytest

from accord.lib.normalize import acronym_key, fold, initials, normalize_name, sorted_key, tokens


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Université de Montpellier", "universite de montpellier"),
        ("Universität Wien", "universitat wien"),
        ("King's College London", "kings college london"),
        ("Texas A&M University", "texas a and m university"),
        ("  Paris-Saclay  ", "paris saclay"),
        ("Łódź University of Technology", "lodz university of technology"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold_drops_accents_apostrophes_punctuation_and_case(text, expected):
    assert fold(text) == expected


@pytest.mark.parametrize(
    "a, b",
    [
        ("Univ. of Manchester", "University of Manchester"),
        ("The University of MANCHESTER", "University of Manchester"),
        ("Universite de Montpellier", "Université de Montpellier"),
        ("Universitat de Montpellier", "University of Montpellier"),
        ("Università di Bologna", "University of Bologna"),
        ("Universidad de Chile", "Universidade do Chile"),
        ("Massachusetts Inst. of Tech.", "Massachusetts Institute of Technology"),
        ("Technische Universität München", "Technical University of Munich"),
        ("Natl. Taiwan Univ.", "National Taiwan University"),
        ("St. Petersburg State Univ.", "Saint Petersburg State University"),
        ("Ecole Polytechnique", "École polytechnique"),
        ("Instituto Tecnológico de Monterrey", "Institute of Technology Monterrey"),
        ("Uniwersytet Warszawski", "University Warszawski"),
        ("Sapienza Università di Roma", "Sapienza University of Rome"),
        ("Université Paris II", "Universite Paris 2"),
        ("KU Leuven", "KU Louvain"),
    ],
)
def test_spellings_of_one_name_share_the_normalised_key(a, b):
    assert normalize_name(a) == normalize_name(b)


@pytest.mark.parametrize(
    "a, b",
    [
        ("University of Manchester", "Manchester Metropolitan University"),
        ("University of Washington", "Washington University"),
        ("Universidad de Chile", "Pontificia Universidad Católica de Chile"),
        ("Paris 1", "Paris 2"),
    ],
)
def test_different_names_keep_different_keys(a, b):
    assert normalize_name(a) != normalize_name(b)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Manchester University", "University of Manchester"),
        ("Technology University Eindhoven", "Eindhoven University of Technology"),
    ],
)
def test_the_sorted_key_ignores_word_order(a, b):
    assert sorted_key(a) == sorted_key(b)
    assert normalize_name(a) != normalize_name(b)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("University of Oxford", ["university", "oxford"]),
        ("Instituto Politécnico Nacional", ["institute", "polytechnic", "national"]),
        ("Hochschule für Technik", ["school", "technology"]),
        ("TU Dortmund", ["technology", "university", "dortmund"]),  # a leading "TU" is Technische Universität
        ("Technische Universität Dortmund", ["technology", "university", "dortmund"]),
        ("TU", ["tu"]),  # alone it is only letters
    ],
)
def test_tokens_are_canonical_and_drop_stopwords_in_order(text, expected):
    assert tokens(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("BMSTU", "bmstu"),
        ("B.M.S.T.U.", "bmstu"),
        ("b m s t u", "bmstu"),
        ("UniBo", "unibo"),
    ],
)
def test_acronym_key_folds_dots_spaces_and_case(text, expected):
    assert acronym_key(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bauman Moscow State Technical University", "bmstu"),
        ("Massachusetts Institute of Technology", "mit"),
        ("University College London", "ucl"),
        ("École Normale Supérieure", "ens"),
    ],
)
def test_initials_skip_stopwords(text, expected):
    assert initials(text) == expected
