# ruff: noqa: T201  (a command-line tool: it prints)
"""Prints which versions differ between two sets of lock files, so an upgrade reads like a list.

    python scripts/lock_diff.py OLD_DIR NEW_DIR            # after `make lock`
    python scripts/lock_diff.py --check LOCKED_DIR FRESH_DIR  # exit 1 when they differ

Each directory holds requirements.lock and requirements-dev.lock (a missing file counts as
empty). Only `name==version` lines are compared: a release that gained a wheel changes the
hashes but is still the same version. A package locked per Python (a marker after `;`) is shown
with its marker. The development lock repeats the runtime lock, so its changes to runtime
packages are not listed twice.
"""

import re
import sys
from pathlib import Path

LOCKS = ("requirements.lock", "requirements-dev.lock")
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]*?))?\s*\\?$")

Key = tuple[str, str]  # (name, marker)


def pins(path: Path) -> dict[Key, str]:
    if not path.exists():
        return {}
    found = {}
    for line in path.read_text().splitlines():
        if match := PIN.match(line):
            name, version, marker = match.groups()
            found[(name.lower().replace("_", "-"), marker or "")] = version
    return found


def changes(old: dict[Key, str], new: dict[Key, str], skip: set[str]) -> list[str]:
    lines = []
    for key in sorted(old.keys() | new.keys()):
        name, marker = key
        if name in skip or old.get(key) == new.get(key):
            continue
        where = f"  ({marker})" if marker else ""
        if key not in old:
            lines.append(f"  + {name} {new[key]}{where}")
        elif key not in new:
            lines.append(f"  - {name} {old[key]}{where}")
        else:
            lines.append(f"    {name} {old[key]} → {new[key]}{where}")
    return lines


def main(argv: list[str]) -> int:
    check = argv[:1] == ["--check"]
    old_dir, new_dir = (Path(arg) for arg in argv[int(check) :])
    listed: set[str] = set()
    report, changed = [], 0
    for lock in LOCKS:
        old, new = pins(old_dir / lock), pins(new_dir / lock)
        lines = changes(old, new, skip=listed)
        report += [f"{lock}: " + (f"{len(lines)} changed" if lines else "no version changed")]
        report += lines
        changed += len(lines)
        listed |= {name for name, _ in old.keys() | new.keys()}
    if check and not changed:
        return 0
    if check:
        print("The lock files do not match requirements*.txt: run `make lock`. It would change:")
    print("\n".join(report))
    return int(check)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
