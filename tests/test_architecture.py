"""The layers of docs/architecture.md hold, and `make lint` would catch a break of them."""

import ast
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from django.conf import settings

BASE = Path(settings.BASE_DIR)
# The packages import-linter checks (pyproject.toml): one list, read from where the lint reads it.
PACKAGES = tomllib.loads((BASE / "pyproject.toml").read_text())["tool"]["importlinter"][
    "root_packages"
]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 (our own tool on our own tree)
        [str(LINT_IMPORTS), "--no-logo", "--no-cache"],
        cwd=tree,
        capture_output=True,
        text=True,
        check=False,
    )


def copy_of_the_code(tmp_path: Path) -> Path:
    tree = tmp_path / "tree"
    tree.mkdir()
    shutil.copy(BASE / "pyproject.toml", tree)
    for package in PACKAGES:
        shutil.copytree(
            BASE / package, tree / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    return tree


def test_the_layers_hold():
    result = lint_imports(BASE)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("module", "line", "message"),
    [
        ("promises/models.py", "from news.models import NewsArticlePage", "promises is not allowed to import news"),
        ("core/localization.py", "import pagecache.generation", "core is not allowed to import pagecache"),
        ("home/models.py", "import search.engine", "home is not allowed to import search"),
    ],
)  # fmt: skip
def test_an_import_from_a_higher_layer_breaks_the_lint(tmp_path, module, line, message):
    tree = copy_of_the_code(tmp_path)
    with (tree / module).open("a") as source:
        source.write(f"\n{line}  # noqa\n")
    result = lint_imports(tree)
    assert result.returncode != 0
    assert message in result.stdout


def imports_inside_functions(path: Path) -> list[str]:
    """Imports in function bodies, except AppConfig.ready() (Django wants models loaded first)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name != "ready":
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import | ast.ImportFrom):
                    found.append(f"{path.relative_to(BASE)}:{inner.lineno}")
    return found


def test_no_imports_inside_functions_in_product_code():
    """An import inside a function is how a circle hides; the layers leave no need for one."""
    found = []
    for package in PACKAGES:
        for path in (BASE / package).rglob("*.py"):
            parts = path.relative_to(BASE).parts
            # bench/run.py is a script beside Django, whose chart library is optional.
            if "tests" in parts or "migrations" in parts or parts == ("bench", "run.py"):
                continue
            found += imports_inside_functions(path)
    assert found == []
