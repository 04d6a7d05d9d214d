"""Fail when a vi.po file has an untranslated (empty) msgstr. Standard library only."""

import re
import sys
from pathlib import Path

ENTRY = re.compile(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)', re.MULTILINE)


def untranslated(path):
    text = Path(path).read_text(encoding="utf-8")
    for msgid, msgstr in ENTRY.findall(text):
        if msgid.strip() != '""' and msgstr.strip() == '""':
            yield msgid.strip()


def main(paths):
    paths = paths or [str(p) for p in Path(__file__).resolve().parent.parent.glob("*/i18n/vi.po")]
    missing = [(path, msgid) for path in paths for msgid in untranslated(path)]
    for path, msgid in missing:
        print(f"{path}: untranslated {msgid}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
