"""Scoring of two customer records as the same person (pure Python, no ORM).

Each side is a :class:`MatchData`. The score (0-100) follows how a Vietnamese
sales team decides by hand:

- the same phone or e-mail *and* a similar name: the same customer (90-100);
- the same phone or e-mail but a different name: a household or company
  phone, at most a notice (below the default threshold of 85);
- a similar name and the same birthday: the same customer (90+);
- a similar name alone: a namesake until something else agrees (at most 70),
  and clearly not the same person when phones or birthdays conflict.

Reasons are returned as codes; the model translates them.
"""

from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz, process

SIMILAR_NAME = 85  # token-sort ratio from which two names are "similar"
# The best score a name can reach with no phone, e-mail or birthday in common:
# below it, candidates found by name alone cannot qualify.
NAME_ONLY_MAX_SCORE = 55 + (100 - SIMILAR_NAME) + 3


@dataclass(frozen=True)
class MatchData:
    name_key: str = ""
    phones: frozenset = field(default_factory=frozenset)
    email: str = ""
    birthdate: date | None = None
    city_key: str = ""


# The best score of two customers whose names are not similar (below SIMILAR_NAME), whatever else they share: the same
# phone or e-mail (40 + similarity * 0.3) and the same city (+3). Above it, only pairs of similar names can qualify.
NOT_SIMILAR_MAX_SCORE = 40 + SIMILAR_NAME * 0.3 + 3


def similar_name_pairs(names: list[str]) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of ``names`` (match keys) whose :func:`name_similarity` may reach
    SIMILAR_NAME: every such pair, and a few more. Compared by rapidfuzz in C, one name against the rest at a time,
    instead of scoring each pair in Python: what lets a batch scan skip the pairs that cannot qualify."""
    # token_ratio is max(token_sort_ratio, token_set_ratio), both at once: at or above SIMILAR_NAME for every pair
    # whose similarity (the larger of token_sort_ratio and token_set_ratio - 5) is.
    pairs = []
    for i, name in enumerate(names[:-1]):
        if not name:
            continue
        found = process.extract(name, names[i + 1 :], scorer=fuzz.token_ratio, score_cutoff=SIMILAR_NAME, limit=None)
        pairs += sorted((i, i + 1 + k) for _match, _score, k in found)
    return pairs


def name_similarity(a: str, b: str) -> float:
    """Similarity of two match keys, insensitive to word order and to a missing middle name."""
    if not a or not b:
        return 0.0
    ordered = fuzz.token_sort_ratio(a, b)
    # "nguyen an" vs "nguyen van an": every word of the shorter name is in the longer one
    subset = fuzz.token_set_ratio(a, b) if min(len(a.split()), len(b.split())) >= 2 else 0.0
    return max(ordered, subset - 5)


def _reasons(similarity, *, same_phone, same_email, phone_conflict, same_birthday, birthday_conflict, city):
    reasons = []
    if same_phone:
        reasons.append("same_phone")
    if same_email:
        reasons.append("same_email")
    if similarity >= SIMILAR_NAME:
        reasons.append("same_name" if similarity >= 99.5 else "similar_name")
    elif same_phone or same_email:
        reasons.append("different_name")
    if same_birthday:
        reasons.append("same_birthday")
    if birthday_conflict:
        reasons.append("birthday_conflict")
    if phone_conflict and not same_email:
        reasons.append("phone_conflict")
    if city is not None:
        reasons.append("same_city" if city else "city_conflict")
    return reasons


def score_pair(new: MatchData, old: MatchData) -> tuple[float, list[str]]:
    """Return (score, reason codes) for ``new`` being the same customer as ``old``."""
    similarity = name_similarity(new.name_key, old.name_key)
    same_phone = bool(new.phones & old.phones)
    same_email = bool(new.email and new.email == old.email)
    phone_conflict = bool(new.phones and old.phones and not same_phone)
    birthday_known = bool(new.birthdate and old.birthdate)
    same_birthday = birthday_known and new.birthdate == old.birthdate
    birthday_conflict = birthday_known and not same_birthday
    # None: unknown on one side
    city = (new.city_key == old.city_key) if new.city_key and old.city_key else None

    if same_phone or same_email:
        if similarity >= SIMILAR_NAME:
            score = 90 + (similarity - SIMILAR_NAME) * 10 / (100 - SIMILAR_NAME)
        else:
            score = 40 + similarity * 0.3  # a shared household or office number
    elif similarity >= SIMILAR_NAME:
        score = 90 + (similarity - SIMILAR_NAME) / 3 if same_birthday else 55 + (similarity - SIMILAR_NAME)
    else:
        score = similarity * 0.5
    score -= 25 if birthday_conflict else 0
    score -= 15 if phone_conflict and not same_email else 0
    if city is not None:
        score += 3 if city else -5
    reasons = _reasons(
        similarity,
        same_phone=same_phone,
        same_email=same_email,
        phone_conflict=phone_conflict,
        same_birthday=same_birthday,
        birthday_conflict=birthday_conflict,
        city=city,
    )
    return max(0.0, min(100.0, round(score, 1))), reasons
