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


# Apps depend one way: each may import those before it, never one after it. The shared library
# (sli.lib) sits below them all; the project (the rest of sli: settings, urls, home, the pages
# that gather several apps) above them all.
LAYERS = ("sli.lib", *APPS, "sli")


def layer_of(module):
    """The place of the module's layer in LAYERS (the longest layer name it falls under)."""
    matching = [layer for layer in LAYERS if module == layer or module.startswith(f"{layer}.")]
    return LAYERS.index(max(matching, key=len))


def product_modules():
    """{dotted name: path} of the product's modules (not migrations, not the tooling)."""
    modules = {}
    for folder in (*APPS, "sli"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if "migrations" in parts or parts[:2] in {("sli", "tooling"), ("sli", "management")}:
                continue
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            modules[name] = path
    return modules


def import_edges(modules):
    """(importer, imported, line, inside a function) for every import between product
    modules, relative imports resolved, "from package import module" counted as the module."""

    def known(name):
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name

    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        in_functions = {
            id(node)
            for function in ast.walk(tree)
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
            for node in ast.walk(function)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*parent, base] if base else parent)
                targets = [
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                    for alias in node.names
                ]
            else:
                continue
            for target in targets:
                imported = known(target)
                if imported and imported != name:
                    yield name, imported, node.lineno, id(node) in in_functions


class DependencyTests(SimpleTestCase):
    """Run alone: ``.venv/bin/python -m pytest tests/test_architecture.py``."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.modules = product_modules()
        cls.edges = list(import_edges(cls.modules))

    def test_apps_depend_one_way(self):
        offenders = [
            f"{importer}:{line} imports {imported}"
            for importer, imported, line, _ in self.edges
            if layer_of(imported) > layer_of(importer)
        ]
        self.assertFalse(offenders, "\n".join(offenders))

    def test_no_import_cycle_between_modules_counting_imports_inside_functions(self):
        graph = {}
        for importer, imported, _, _ in self.edges:
            graph.setdefault(importer, set()).add(imported)
        cycles = [" -> ".join(cycle) for cycle in find_cycles(graph)]
        self.assertFalse(cycles, "\n".join(cycles))

    def test_imports_inside_functions_are_few_and_say_why(self):
        """At most a handful, each for a reason (an optional library), said on the line above."""
        inside = [(importer, line) for importer, _, line, in_function in self.edges if in_function]
        self.assertLessEqual(len(inside), 5, inside)
        for importer, line in inside:
            above = self.modules[importer].read_text(encoding="utf-8").splitlines()[line - 2]
            self.assertTrue(above.strip().startswith("#"), f"{importer}:{line} says no reason")

    def test_the_checks_see_the_whole_product(self):
        """The rules above read real modules and real imports (not an empty list)."""
        self.assertIn("improvement_plans.models", self.modules)
        self.assertIn(
            ("recommendations.models", "reviews.models"),
            {(importer, imported) for importer, imported, _, _ in self.edges},
        )


def find_cycles(graph):
    """One cycle (as a list of modules, first repeated last) per strongly connected group of
    more than one module (Tarjan's algorithm, iterative)."""
    index, low, on_stack, stack, cycles, counter = {}, {}, set(), [], [], [0]

    def visit(start):
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = counter[0]
        counter[0] += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter[0]
                    counter[0] += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    cycles.append([*sorted(group), sorted(group)[0]])

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


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


class ModuleSizeTests(SimpleTestCase):
    def test_no_product_module_is_over_800_lines(self):
        """A module that holds several things becomes a package along its seams well before
        this size."""
        offenders = [
            f"{path.relative_to(ROOT)}: {lines} lines"
            for path in product_modules().values()
            for lines in [len(path.read_text(encoding="utf-8").splitlines())]
            if lines > 800
        ]
        self.assertFalse(offenders, "\n".join(offenders))
