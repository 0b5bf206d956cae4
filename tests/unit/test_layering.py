"""Dependencies point down only: the static import graph of netzwerk/ has no cycle, counting
the package __init__ files that importing a submodule runs (register issue, "Layering")."""
import ast
from pathlib import Path

from netzwerk.config import PROJECT_ROOT

PACKAGE = PROJECT_ROOT / "netzwerk"


def module_name(path):
    parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path):
    """The netzwerk modules a file imports at module level or in functions, resolved."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("netzwerk"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("netzwerk"):
                continue
            for alias in node.names:  # "from . import views" imports a submodule
                candidate = f"{target}.{alias.name}"
                found.add(candidate if (PACKAGE.parent / Path(*candidate.split("."))).with_suffix(".py").exists()
                          or (PACKAGE.parent / Path(*candidate.split(".")) / "__init__.py").exists() else target)
    return found


def with_parents(module):
    """Importing a.b.c runs a/__init__ and a/b/__init__ first."""
    parts = module.split(".")
    return {".".join(parts[:i]) for i in range(1, len(parts) + 1)}


def import_graph():
    graph = {}
    for path in PACKAGE.rglob("*.py"):
        graph[module_name(path)] = set().union(*[with_parents(m) for m in imports_of(path)] or [set()])
    for module, targets in graph.items():
        targets.discard(module)
        # a package's parents are not imported by the package itself, only by importers
        targets.difference_update(with_parents(module) - {module})
    return graph


def find_cycle(graph):
    visiting, done = [], set()

    def visit(module):
        if module in visiting:
            return visiting[visiting.index(module):] + [module]
        if module in done or module not in graph:
            return None
        visiting.append(module)
        for target in sorted(graph[module]):
            cycle = visit(target)
            if cycle:
                return cycle
        visiting.pop()
        done.add(module)
        return None

    for module in sorted(graph):
        cycle = visit(module)
        if cycle:
            return cycle
    return None


def test_the_import_graph_has_no_cycle():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_the_cycle_finder_finds_one():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
