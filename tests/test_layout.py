"""The package's layout shows the data flow (DESIGN.md §6), and the README's map matches it."""

from __future__ import annotations

import ast
import tomllib

from .conftest import ROOT

PACKAGE = ROOT / "assistant"
CORE = {"__init__", "__main__", "types", "settings", "errors", "offline", "engine", "cli"}
STAGES = {"ingest", "index", "answer", "web", "evaluation"}


def _imports(path) -> set[str]:
    """Every ``assistant.*`` module a file imports, at the top or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("assistant"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("assistant"))
    return found


def test_the_top_level_holds_only_the_shared_core_and_one_folder_per_stage_group() -> None:
    modules = {p.stem for p in PACKAGE.glob("*.py")}
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and not p.name.startswith("__")}
    assert modules == CORE
    assert folders == STAGES


def test_front_ends_talk_to_the_assistant_and_the_types_only() -> None:
    front_ends = [PACKAGE / "cli.py", *(PACKAGE / "web").glob("*.py")]
    for path in front_ends:
        internal = {m for m in _imports(path) if m.split(".")[1:2] and m.split(".")[1] in {"ingest", "index", "answer"}}
        assert not internal, f"{path.name} reaches into {sorted(internal)}"


def test_the_run_time_stages_never_import_the_evaluation_tooling() -> None:
    for folder in ("ingest", "index", "answer", "web"):
        for path in (PACKAGE / folder).glob("*.py"):
            assert not any(m.startswith("assistant.evaluation") for m in _imports(path)), path


def test_every_module_stays_small() -> None:
    sizes = {p.relative_to(ROOT): len(p.read_text(encoding="utf-8").splitlines()) for p in PACKAGE.rglob("*.py")}
    assert not {p: n for p, n in sizes.items() if n > 500}


def test_plotting_is_an_evaluation_extra_not_a_run_time_dependency() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert not any(d.startswith("matplotlib") for d in project["dependencies"])
    assert any(d.startswith("matplotlib") for d in project["optional-dependencies"]["eval"])


def test_the_readme_map_names_every_subpackage_and_module() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for folder in STAGES:
        assert f"`assistant/{folder}/`" in readme
        for module in (PACKAGE / folder).glob("*.py"):
            if module.stem != "__init__":
                assert module.stem in readme, f"README's map lacks {folder}/{module.name}"
