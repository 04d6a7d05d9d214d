"""The batch scan's name gate: every pair that can reach SIMILAR_NAME is among the pairs it keeps."""

import itertools
import random

from odoo.addons.crm_vn_dedupe.tools.matching import (
    NOT_SIMILAR_MAX_SCORE,
    SIMILAR_NAME,
    MatchData,
    name_similarity,
    score_pair,
    similar_name_pairs,
)

SURNAMES = ["nguyen", "tran", "le", "pham", "hoang", "vu", "dang", "bui", "do", "ngo"]
MIDDLE = ["van", "thi", "minh", "duc", "ngoc", "thu", "quoc", ""]
GIVEN = ["anh", "binh", "chau", "dung", "hanh", "hung", "lan", "mai", "nam", "tuan", "an", "ha"]


def names(seed, count):
    rng = random.Random(seed)
    result = []
    for _ in range(count):
        words = [rng.choice(SURNAMES), rng.choice(MIDDLE), rng.choice(GIVEN)]
        if rng.random() < 0.2:
            words.reverse()  # western order
        if rng.random() < 0.1:
            words[-1] = words[-1][:-1] + "x"  # a typo
        result.append(" ".join(word for word in words if word) if rng.random() > 0.05 else "")
    return result


def test_every_similar_pair_is_kept():
    for seed in range(20):
        block = names(seed, 50)
        kept = set(similar_name_pairs(block))
        similar = {
            (i, j)
            for i, j in itertools.combinations(range(len(block)), 2)
            if name_similarity(block[i], block[j]) >= SIMILAR_NAME
        }
        assert similar <= kept, similar - kept
        assert all(i < j for i, j in kept)
        # and it is a gate, not everything: strangers sharing a birthday are left out
        assert len(kept) < len(block) * (len(block) - 1) // 2 / 4


def test_pairs_left_out_cannot_qualify_whatever_else_they_share():
    """The bound the scan relies on: names not similar, same phone, same e-mail, same birthday, same city."""
    for seed in range(5):
        block = names(100 + seed, 40)
        kept = set(similar_name_pairs(block))
        for i, j in itertools.combinations(range(len(block)), 2):
            if (i, j) in kept:
                continue
            same = {"phones": frozenset({"+84912345678"}), "email": "a@b.vn", "city_key": "ha noi"}
            score, __ = score_pair(MatchData(name_key=block[i], **same), MatchData(name_key=block[j], **same))
            assert score <= NOT_SIMILAR_MAX_SCORE


def test_edge_cases():
    assert similar_name_pairs([]) == []
    assert similar_name_pairs(["nguyen van an"]) == []
    assert similar_name_pairs(["", ""]) == []
    assert similar_name_pairs(["nguyen van an", "an nguyen van", "tran thi mai", "nguyen an"]) == [
        (0, 1),
        (0, 3),
        (1, 3),
    ]
