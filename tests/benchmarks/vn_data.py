"""Synthetic Vietnamese customers and labelled duplicate variants (pure Python, seeded)."""

import random
import unicodedata
from datetime import date, timedelta

import phonenumbers

SURNAMES = [
    ("Nguyễn", 38), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7), ("Hoàng", 3), ("Huỳnh", 2), ("Phan", 4.5),
    ("Vũ", 2), ("Võ", 2), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1),
    ("Lý", 0.5), ("Đinh", 1), ("Trương", 1), ("Mai", 0.5), ("Cao", 0.5),
]  # fmt: skip
MIDDLE_M = ["Văn", "Đức", "Minh", "Quốc", "Hữu", "Thanh", "Gia", "Công", "Xuân", "Đình"]
MIDDLE_F = ["Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Bảo", "Diệu", "Phương", "Hồng"]
GIVEN_M = [
    "An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khoa", "Long", "Nam", "Phúc", "Quang", "Sơn",
    "Tài", "Thắng", "Trung", "Tuấn", "Việt", "Đạt", "Hiếu", "Khánh", "Lâm", "Phong", "Thành", "Vinh",
]  # fmt: skip
GIVEN_F = [
    "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngân", "Nhung",
    "Phương", "Quỳnh", "Thảo", "Trang", "Yến", "Thủy", "Hòa", "Thúy", "Vân", "Loan", "Hằng",
]  # fmt: skip
CITIES = ["Hà Nội", "Hồ Chí Minh", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Huế", "Nha Trang", "Vinh", "Biên Hòa"]
NEW_PREFIXES = ["90", "91", "93", "94", "96", "97", "98", "86", "88", "89", "70", "76", "77", "78", "79",
                "81", "82", "83", "84", "85", "32", "33", "34", "35", "36", "37", "38", "39", "56", "58"]  # fmt: skip
OLD_TO_NEW = {"162": "32", "163": "33", "164": "34", "165": "35", "166": "36", "167": "37", "168": "38",
              "169": "39", "120": "70", "121": "79", "122": "77", "126": "76", "128": "78", "123": "83",
              "124": "84", "125": "85", "127": "81", "129": "82", "186": "56", "188": "58"}  # fmt: skip
NEW_TO_OLD = {new: old for old, new in OLD_TO_NEW.items()}
TONE_OLD_STYLE = {"Hòa": "Hoà", "Thủy": "Thuỷ", "Thúy": "Thuý", "Hòa Bình": "Hoà Bình"}
SURNAME_PAIRS = {"Hoàng": "Huỳnh", "Huỳnh": "Hoàng", "Vũ": "Võ", "Võ": "Vũ"}

VARIANT_KINDS = [
    "phone_format", "upper_no_diacritics", "decomposed_unicode", "old_mobile", "western_order",
    "surname_pair", "name_birthday_only", "email_case", "tone_placement", "typo",
]  # fmt: skip


def strip_marks(text):
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


class Generator:
    def __init__(self, seed=2026):
        self.rng = random.Random(seed)
        self.used_phones = set()
        self.surnames = [s for s, __ in SURNAMES]
        self.weights = [w for __, w in SURNAMES]

    def phone(self):
        while True:
            national = self.rng.choice(NEW_PREFIXES) + f"{self.rng.randrange(10**7):07d}"
            valid = phonenumbers.is_valid_number(phonenumbers.parse("+84" + national))
            if valid and national not in self.used_phones:
                self.used_phones.add(national)
                return national

    def name(self, female=None):
        female = self.rng.random() < 0.5 if female is None else female
        surname = self.rng.choices(self.surnames, self.weights)[0]
        middle = self.rng.choice(MIDDLE_F if female else MIDDLE_M)
        given = self.rng.choice(GIVEN_F if female else GIVEN_M)
        return f"{surname} {middle} {given}"

    def customer(self, index):
        name = self.name()
        national = self.phone()
        birthdate = date(1950, 1, 1) + timedelta(days=self.rng.randrange(20000)) if self.rng.random() < 0.6 else None
        email = f"{strip_marks(name).lower().replace(' ', '.')}.{index}@example.vn" if self.rng.random() < 0.5 else None
        return {
            "name": name,
            "mobile": "+84" + national,
            "national": national,
            "email": email,
            "birthdate_date": birthdate,
            "city": self.rng.choice(CITIES),
        }

    def variant(self, base, kind):
        """Values of a new entry that is the same person as ``base``, written another way."""
        rng = self.rng
        name, national = base["name"], base["national"]
        spaced = f"0{national[:2]} {national[2:5]} {national[5:]}"
        vals = {"name": name, "mobile": spaced}
        if kind == "phone_format":
            vals["mobile"] = rng.choice([f"+84 {national[:2]} {national[2:5]} {national[5:]}", f"84{national}",
                                         f"0{national[:3]}.{national[3:6]}.{national[6:]}", national])  # fmt: skip
        elif kind == "upper_no_diacritics":
            vals["name"] = strip_marks(name).upper()
            vals["mobile"] = "+84" + national
        elif kind == "decomposed_unicode":
            vals["name"] = unicodedata.normalize("NFD", name)
        elif kind == "old_mobile":
            vals["mobile"] = "0" + NEW_TO_OLD[national[:2]] + " " + national[2:5] + " " + national[5:]
        elif kind == "western_order":
            parts = name.split()
            vals["name"] = (
                " ".join(parts[1:] + parts[:1])
                if rng.random() < 0.5
                else strip_marks(" ".join([parts[-1], *parts[:-1]]))
            )
        elif kind == "surname_pair":
            parts = name.split()
            parts[0] = SURNAME_PAIRS.get(parts[0], parts[0])
            vals["name"] = " ".join(parts)
        elif kind == "name_birthday_only":
            vals = {"name": strip_marks(name) if rng.random() < 0.5 else name, "birthdate_date": base["birthdate_date"]}
        elif kind == "email_case":
            vals = {"name": name, "email": "  " + (base["email"] or "").upper() + " "}
        elif kind == "tone_placement":
            vals["name"] = " ".join(TONE_OLD_STYLE.get(word, word) for word in name.split())
            vals["mobile"] = "+84" + national
        elif kind == "typo":
            given = name.split()[-1]
            vals["name"] = name[: -len(given)] + given + rng.choice(["h", "n", "g"])
        return vals

    def namesake(self, base):
        """Another person with the same name: other phone, other birthday."""
        other_birthday = base["birthdate_date"] + timedelta(days=400) if base["birthdate_date"] else date(1999, 9, 9)
        return {"name": base["name"], "mobile": "+84" + self.phone(), "birthdate_date": other_birthday}

    def household(self, base):
        """A relative sharing the customer's phone: different given (and middle) name."""
        surname = base["name"].split()[0]
        while True:
            other = self.name()
            name = surname + " " + " ".join(other.split()[1:])
            if strip_marks(name).lower() != strip_marks(base["name"]).lower():
                return {"name": name, "mobile": base["mobile"]}

    def kind_applies(self, base, kind):
        if kind == "name_birthday_only":
            return bool(base["birthdate_date"])
        if kind == "email_case":
            return bool(base["email"])
        if kind == "tone_placement":
            return any(word in TONE_OLD_STYLE for word in base["name"].split())
        if kind == "surname_pair":
            return base["name"].split()[0] in SURNAME_PAIRS
        if kind == "old_mobile":
            return base["national"][:2] in NEW_TO_OLD
        return True
