"""Build hook: compile skillgap's hot modules with mypyc when a C compiler is present.

Compiled modules are an optional accelerator. The pure-Python package is the fallback
and the reference the compiled modules are tested against (``.ci/run`` runs the test
suite against both). What is built:

* ``SKILLGAP_COMPILE=0``: the pure-Python package, always;
* ``SKILLGAP_COMPILE=1``: compiled modules, or the build fails saying why;
* unset (or ``auto``): compiled modules when a C compiler is found, and the pure-Python
  package, with a message, when there is none or compiling fails.

Editable installs (``pip install -e .``) are always pure Python: a compiled module in the
source tree would shadow its ``.py`` file and hide every edit. Compiling happens in a
temporary copy of the package, so the source tree is never written to. The modules to
compile are listed once, in ``src/skillgap/_build.py`` (read here without importing the
package).
"""

from __future__ import annotations

import ast
import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

#: What the compiling step needs in the build environment (only when it compiles).
COMPILE_REQUIREMENTS = ["mypy>=1.10", "setuptools>=61"]

_MYPY_CONFIG = """\
[mypy]
# The build environment has the compiler, not skillgap's dependencies: their types are
# Any here (the full type check runs in CI with everything installed).
ignore_missing_imports = True
"""


def _setting() -> str:
    return os.environ.get("SKILLGAP_COMPILE", "auto").strip().lower() or "auto"


def _compiler() -> str | None:
    """The C compiler Python's build tools would use, if it is installed."""
    configured = os.environ.get("CC") or sysconfig.get_config_var("CC") or ""
    words = shlex.split(configured) if configured else []
    if words and shutil.which(words[0]):
        return words[0]
    for name in ("cc", "gcc", "clang"):
        if shutil.which(name):
            return name
    return None


def _why_pure() -> str | None:
    """Why this build is pure Python, or None to compile."""
    setting = _setting()
    if setting in ("0", "no", "false", "off"):
        return "SKILLGAP_COMPILE=0"
    if setting not in ("1", "yes", "true", "on", "auto"):
        raise ValueError(f"SKILLGAP_COMPILE must be 0, 1 or auto, not {setting!r}")
    if _compiler() is None:
        if setting != "auto":
            raise RuntimeError("SKILLGAP_COMPILE=1 but no C compiler was found (set CC)")
        return "no C compiler found"
    return None


def compiled_module_names(root: Path) -> tuple[str, ...]:
    """``COMPILED_MODULES`` of ``src/skillgap/_build.py``, read without importing it."""
    tree = ast.parse((root / "src" / "skillgap" / "_build.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and node.target.id == "COMPILED_MODULES"
            and node.value is not None
        ):
            names = ast.literal_eval(node.value)
            return tuple(str(name) for name in names)
    raise RuntimeError("src/skillgap/_build.py has no COMPILED_MODULES")


class CompiledModulesHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def dependencies(self) -> list[str]:
        try:
            return [] if _why_pure() else list(COMPILE_REQUIREMENTS)
        except (ValueError, RuntimeError):
            return []  # initialize() reports it

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        self._workdir: str | None = None
        if self.target_name != "wheel" or version == "editable":
            return
        reason = _why_pure()
        if reason:
            self.app.display_info(f"skillgap: building the pure-Python package ({reason})")
            return
        try:
            built = self._compile()
        except Exception as exc:  # any failure falls back to pure Python
            if _setting() != "auto":
                raise
            self.app.display_warning(
                f"skillgap: compiling failed, building the pure-Python package instead: {exc}"
            )
            self._cleanup()
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        build_data["force_include"].update(built)
        self.app.display_info(f"skillgap: compiled {len(built)} extension files with mypyc")

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        self._cleanup()

    def _cleanup(self) -> None:
        if getattr(self, "_workdir", None):
            shutil.rmtree(self._workdir, ignore_errors=True)  # type: ignore[arg-type]
            self._workdir = None

    def _compile(self) -> dict[str, str]:
        """Compile the modules in a copy of the package; {built file: path in the wheel}."""
        root = Path(self.root)
        work = Path(tempfile.mkdtemp(prefix="skillgap-mypyc-"))
        self._workdir = str(work)
        shutil.copytree(
            root / "src" / "skillgap",
            work / "skillgap",
            ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.pyd"),
        )
        (work / "mypy.ini").write_text(_MYPY_CONFIG, encoding="utf-8")
        sources = [
            "skillgap/" + name.replace(".", "/") + ".py" for name in compiled_module_names(root)
        ]
        self.app.display_info(f"skillgap: compiling {len(sources)} modules with mypyc")
        process = subprocess.run(
            [sys.executable, "-m", "mypyc", "--config-file", "mypy.ini", *sources],
            cwd=work,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            check=False,
        )
        if process.returncode:
            tail = process.stdout.decode("utf-8", "replace").strip().splitlines()[-15:]
            raise RuntimeError("mypyc failed:\n" + "\n".join(tail))
        suffixes = (".so", ".pyd")
        built: dict[str, str] = {}
        for path in sorted(work.rglob("*")):
            if path.suffix in suffixes and "build" not in path.relative_to(work).parts:
                built[str(path)] = path.relative_to(work).as_posix()
        expected = len(sources)
        if sum(1 for target in built.values() if target.startswith("skillgap/")) != expected:
            raise RuntimeError(f"mypyc built {sorted(built.values())}, expected {expected} modules")
        return built
