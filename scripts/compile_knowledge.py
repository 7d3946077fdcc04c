"""Write the knowledge base's JSON twin, ``src/skillgap/knowledge/data/compiled.json``,
from its YAML data files. Run it after editing a data file (``tests/unit/knowledge``
fails until the twin matches; until then the base is read from the YAML, never stale).

    python scripts/compile_knowledge.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from skillgap.knowledge import COMPILED, compiled_knowledge  # noqa: E402


def main() -> int:
    target = ROOT / "src" / "skillgap" / "knowledge" / "data" / COMPILED
    target.write_text(compiled_knowledge(), encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
