from __future__ import annotations

import numpy as np

from claimdiff.align import align_claims, claim_numbers, prepare_claims
from claimdiff.align.candidates import all_cross_pairs, blocked_pairs
from claimdiff.align.features import FEATURES, pair_features
from claimdiff.align.group import form_groups
from claimdiff.align.model import fit_logistic, load_model
from claimdiff.extract import extract_text
from claimdiff.models import Claim


def claims(*sources: list[str]) -> list[Claim]:
    out = []
    for s, sentences in enumerate(sources):
        for i, text in enumerate(sentences):
            c = extract_text(text, source=f"s{s}")
            out.append(Claim(**{**c.__dict__, "id": f"s{s}:{i}", "index": i}))
    return out


A = [
    "Flooding in the port city of Durban has killed at least 45 people, provincial officials said on Tuesday.",
    "The regional premier declared a state of disaster and asked the army to help with rescues.",
    "Schools across the province will stay closed until Friday.",
]
B = [
    "Provincial authorities said on Tuesday that 45 people had died in floods that swept through Durban.",
    "A separate storm damaged power lines in the capital last month.",
    "The army has been called in to support rescue teams after the premier declared a disaster.",
]
C = [
    "Floods in Durban have now killed 48 people, according to local media.",
    "Heavy rain is forecast to continue through the weekend.",
]


def groups_of(cs: list[Claim], **kw: float) -> list[set[str]]:
    return [{cs[i].id for i in g.members} for g in align_claims(cs, **kw)]


def test_same_claims_align_n_way_and_others_stay_single() -> None:
    cs = claims(A, B, C)
    groups = groups_of(cs)
    assert {"s0:0", "s1:0", "s2:0"} in groups  # the toll, three ways, despite 45 vs 48
    assert {"s0:1", "s1:2"} in groups  # disaster declaration, reworded and reordered
    assert {"s1:1"} in groups  # an unrelated storm stays single-source


def test_each_claim_joins_at_most_one_group_and_one_claim_per_source() -> None:
    cs = claims(A, B, C)
    seen: set[str] = set()
    for g in groups_of(cs):
        assert not (g & seen)
        seen |= g
        srcs = [cid.split(":")[0] for cid in g]
        assert len(srcs) == len(set(srcs))
    assert seen == {c.id for c in cs}


def test_lexically_similar_claims_about_different_places_are_not_merged() -> None:
    cs = claims(
        [
            "Russia has moved Bastion missile systems to the Kuril Islands, the defence ministry said.",
            "Japan protested and said the deployment threatened peace talks.",
            "The islands have been disputed since the end of the Second World War.",
        ],
        [
            "Russia moved Bastion and Iskander missiles to its Baltic exclave of Kaliningrad last month.",
            "The defence ministry said Bastion missile systems had been deployed on the Kurils.",
            "Tokyo lodged a protest, saying the move could hurt peace negotiations.",
            "Lithuania and Poland called the Kaliningrad move a provocation.",
        ],
    )
    groups = groups_of(cs)
    assert {"s0:0", "s1:1"} in groups  # the Kuril deployment, reworded
    assert {"s1:0"} in groups  # the Baltic deployment shares words but is another event


def test_threshold_override_changes_grouping() -> None:
    cs = claims(A, B, C)
    assert all(len(g) == 1 for g in groups_of(cs, threshold=1.0))
    assert max(len(g) for g in groups_of(cs, threshold=0.0)) >= 2


def test_similarity_is_recorded_for_groups_only() -> None:
    cs = claims(A, B)
    for al in align_claims(cs):
        if len(al.members) == 1:
            assert al.similarity is None
        else:
            assert al.similarity is not None and 0.0 < al.similarity <= 1.0


def test_features_are_bounded_and_symmetric_enough() -> None:
    cs = claims(A, B)
    prep = prepare_claims(cs)
    src = np.asarray([0, 0, 0, 1, 1, 1])
    left, right = all_cross_pairs(src)
    x = pair_features(prep, left, right)
    assert x.shape == (9, len(FEATURES))
    assert np.all(x >= 0) and np.all(x <= 1)
    y = pair_features(prep, right, left)
    # string scores and overlaps do not depend on which side is which
    for name in ("token_set", "ratio", "word_lcs", "cosine", "names", "numbers"):
        k = FEATURES.index(name)
        assert np.allclose(x[:, k], y[:, k]), name


def test_word_lcs_rewards_words_kept_in_order() -> None:
    base = "The council approved the new budget on Monday."
    cs = claims(
        [base],
        ["After a long debate, the council approved the new budget on Monday evening."],
        ["Monday on budget new the approved council the."],
        ["Voters rejected a plan for a stadium."],
    )
    prep = prepare_claims(cs)
    left, right = np.zeros(3, dtype=np.int64), np.asarray([1, 2, 3])
    lcs = pair_features(prep, left, right)[:, FEATURES.index("word_lcs")]
    assert lcs[0] == 1.0  # every word of the shorter sentence, in order
    assert lcs[1] <= 0.375  # the same words reversed: only "the ... the" and one more
    assert lcs[2] == 0.0
    # many distinct words still get one code each (the encoding skips surrogates)
    from claimdiff.align.features import _word_codes

    codes = _word_codes([[f"w{i}" for i in range(0xE000)]])[0]
    assert len(set(codes)) == 0xE000


def test_blocking_keeps_pairs_that_share_rare_terms() -> None:
    cs = claims(A, B, C)
    prep = prepare_claims(cs)
    src = np.asarray([int(c.source[1]) for c in cs])
    left, right = blocked_pairs(prep, src, max_df=3)
    pairs = set(zip(left.tolist(), right.tolist()))
    assert (0, 3) in pairs  # Durban toll in A and B share rare words
    assert all(src[a] != src[b] for a, b in pairs)


def test_numbers_compare_across_units_and_date_precision() -> None:
    a = extract_text("a range of 188 miles")
    b = extract_text("a range of 300 km")
    assert set(claim_numbers(a)) & set(claim_numbers(b))


def test_group_formation_refuses_chains() -> None:
    # A~B strong, B~C strong, A~C zero: a chain must not become one group.
    src = np.asarray([0, 1, 2])
    left, right = np.asarray([0, 1, 0]), np.asarray([1, 2, 2])
    prob = np.asarray([0.9, 0.8, 0.0])
    groups = form_groups(src, left, right, prob, 0.5)
    assert [0, 1] in groups and [2] in groups


def test_shipped_model_is_monotone_in_similarity() -> None:
    model = load_model()
    from claimdiff.align.features import SIGNS

    for w, sign in zip(model.weights, SIGNS):
        assert sign * w >= 0


def test_fit_logistic_recovers_a_separable_rule() -> None:
    rng = np.random.default_rng(0)
    x = rng.random((400, 2))
    y = (x[:, 0] > 0.5).astype(float)
    w, _ = fit_logistic(x, y, l2=0.01, signs=(1, 1))
    assert w[0] > 5 and abs(w[1]) < 1


def test_blocking_refuses_more_claims_than_its_keys_can_hold() -> None:
    import pytest

    from claimdiff.align.blocking import _posting_pairs
    from claimdiff.errors import InputError

    prep = prepare_claims(claims(A, B))
    with pytest.raises(InputError, match="too many for one comparison"):
        _posting_pairs(prep.idf, 20, 2**31, packed=True)
    assert len(_posting_pairs(prep.idf, 20, len(A) + len(B), packed=True)) > 0


def test_headlines_are_never_candidates() -> None:
    from dataclasses import replace

    from claimdiff.align.candidates import candidate_pairs, not_claims
    from claimdiff.models import Role

    cs = claims(A, B)
    cs[0] = replace(cs[0], role=Role.HEADLINE)
    src = np.asarray([0, 0, 0, 1, 1, 1])
    left, right = candidate_pairs(prepare_claims(cs), src, not_claims(cs))
    assert 0 not in left.tolist() + right.tolist() and len(left) == 6
    assert all(0 not in g.members or len(g.members) == 1 for g in align_claims(cs))


def test_a_pairs_probability_does_not_depend_on_its_batch() -> None:
    import numpy as np

    from claimdiff.align.model import load_model

    model = load_model()
    rng = np.random.default_rng(7)
    x = rng.random((1003, len(model.features)))
    together = model.probability(x)
    for k in (0, 1, 500, 999, 1000, 1001, 1002):  # rows at every position of a batch's tail
        assert model.probability(x[k : k + 1])[0] == together[k]
        assert model.probability(x[k:])[0] == together[k]
