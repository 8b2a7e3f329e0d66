"""House rules about the code's shape, checked by reading the source (not by importing it)."""

import ast
from pathlib import Path

from django.test import SimpleTestCase

ROOT = Path(__file__).resolve().parent.parent
APPS = ("councils", "reviews", "recommendations", "improvement_plans", "regional")


def imported_modules(path):
    """Every module a file imports, at the top or inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module


class SharedLibraryTests(SimpleTestCase):
    def test_the_shared_library_imports_no_app_and_nothing_of_the_project_outside_it(self):
        offenders = []
        for path in sorted((ROOT / "sli" / "lib").rglob("*.py")):
            for module in imported_modules(path):
                top = module.split(".")[0]
                if top in APPS or (top == "sli" and not module.startswith("sli.lib")):
                    offenders.append(f"{path.relative_to(ROOT)} imports {module}")
        self.assertFalse(offenders, "\n".join(offenders))


class ToolingTests(SimpleTestCase):
    def test_the_product_never_imports_the_tooling(self):
        """Demo data, the generator and the benchmark import the product, never the reverse
        (the management commands that run them are their doors, not product code)."""
        tooling = ROOT / "sli" / "tooling"
        commands = ROOT / "sli" / "management"
        offenders = [
            f"{path.relative_to(ROOT)} imports {module}"
            for folder in (*APPS, "sli")
            for path in sorted((ROOT / folder).rglob("*.py"))
            if not path.is_relative_to(tooling) and not path.is_relative_to(commands)
            for module in imported_modules(path)
            if module.startswith("sli.tooling")
        ]
        self.assertFalse(offenders, "\n".join(offenders))


class AccessVocabularyTests(SimpleTestCase):
    def test_views_refuse_only_through_the_access_helpers(self):
        """A view fetches with visible_or_404 and refuses with require / require_some, whose
        querysets say who may act; it never raises PermissionDenied itself."""
        offenders = [
            f"{path.relative_to(ROOT)}:{number}"
            for folder in (*APPS, "sli")
            for path in sorted((ROOT / folder).rglob("*views.py"))
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if "PermissionDenied" in line
        ]
        self.assertFalse(offenders, "\n".join(offenders))


class PrivateNameTests(SimpleTestCase):
    def test_no_module_imports_a_private_name_from_another_module(self):
        """A name with a leading underscore belongs to its module: a library that others need
        makes the name public instead (``from x import _y`` is the smell)."""
        offenders = [
            f"{path.relative_to(ROOT)}:{node.lineno} imports {alias.name} from {node.module}"
            for folder in (*APPS, "sli")
            for path in sorted((ROOT / folder).rglob("*.py"))
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.ImportFrom)
            for alias in node.names
            if alias.name.startswith("_") and not alias.name.startswith("__")
        ]
        self.assertFalse(offenders, "\n".join(offenders))


def product_modules():
    """The apps' and the project's modules, without migrations and the tooling."""
    tooling = ROOT / "sli" / "tooling"
    for folder in (*APPS, "sli"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" not in path.parts and not path.is_relative_to(tooling):
                yield path


class ModuleSizeTests(SimpleTestCase):
    def test_no_product_module_is_over_800_lines(self):
        """A module that holds several things becomes a package along its seams well before
        this size."""
        offenders = [
            f"{path.relative_to(ROOT)}: {lines} lines"
            for path in product_modules()
            for lines in [len(path.read_text(encoding="utf-8").splitlines())]
            if lines > 800
        ]
        self.assertFalse(offenders, "\n".join(offenders))
