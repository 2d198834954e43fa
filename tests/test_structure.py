"""The house rules a newcomer relies on (README, Layout), read from the source: dependencies
point one way, no import cycles, hooks modules only register, small modules."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTENT_APPS = {"articles", "calls", "contact", "newsletter", "performance"}
INFRASTRUCTURE = {"access", "background", "pagecache"}
# performance's counting side, which content apps feed (settings.COUNTED_PAGES); it hears
# contact's signal, and names nothing else of theirs.
COUNTING = ["counting", "beacon", "folding", "sections", "receivers", "visits"]
HEARD = {"contact.signals", "contact.signals.form_viewed_from_article"}
LONGEST_MODULE = 300


def modules() -> dict[str, Path]:
    found = {}
    for app in CONTENT_APPS | INFRASTRUCTURE | {"config"}:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def imported(name: str, path: Path, known: set[str], top_level_only: bool) -> set[str]:
    """The project modules `name` imports (relative imports resolved)."""
    tree = ast.parse(path.read_text())
    nodes = tree.body if top_level_only else ast.walk(tree)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    names = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            names.add(base)
            names |= {f"{base}.{alias.name}" for alias in node.names}
    return {n for n in names if n in known}


def test_infrastructure_and_counting_name_no_content_app():
    known = set(modules())
    offenders = []
    for name, path in modules().items():
        app, _, rest = name.partition(".")
        counting = app == "performance" and rest.split(".")[0] in COUNTING
        if app in INFRASTRUCTURE or counting:
            for target in imported(name, path, known, top_level_only=False) - HEARD:
                if target.split(".")[0] in CONTENT_APPS - {app}:
                    offenders.append(f"{name} imports {target}")
    assert offenders == []


def test_no_module_imports_itself_round_a_cycle():
    known = set(modules())
    graph = {
        name: imported(name, path, known, top_level_only=True) - {name}
        for name, path in modules().items()
    }
    cycles, state = [], {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for target in graph.get(node, ()):
            if state.get(target) == "open":
                cycles.append(" → ".join([*trail[trail.index(target) :], target]))
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    # A package importing its own modules is how Python loads them, not a cycle.
    real = [c for c in cycles if not all(p.startswith(c.split(" → ")[0]) for p in c.split(" → "))]
    assert real == []


@pytest.mark.parametrize("app", sorted(CONTENT_APPS))
def test_wagtail_hooks_only_register(app):
    tree = ast.parse((ROOT / app / "wagtail_hooks.py").read_text())
    assert [node.name for node in tree.body if isinstance(node, ast.ClassDef)] == []


def test_no_module_is_longer_than_the_house_limit():
    long = {
        name: lines
        for name, path in modules().items()
        if (lines := len(path.read_text().splitlines())) > LONGEST_MODULE
    }
    assert long == {}


def test_every_app_is_installed_with_the_project():
    """Scripts run from elsewhere (the benchmark's editor) import the apps as installed."""
    import tomllib

    from django.conf import settings

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    included = pyproject["tool"]["setuptools"]["packages"]["find"]["include"]
    apps = {app for app in settings.INSTALLED_APPS if (ROOT / app).is_dir()}
    assert {app for app in apps if f"{app}*" not in included} == set()
