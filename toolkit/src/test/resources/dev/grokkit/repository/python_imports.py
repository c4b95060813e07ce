"""Checks that every Python module the repository's Python code imports comes from a Debian
package that environment/install installs, or from one of their dependencies.

    python_imports.py ROOT PACKAGE...

ROOT is the repository; PACKAGE... is environment/install's package list. Python code is every
*.py file (imports read with ast) and every Python snippet in a Java string literal (imports read
with a pattern). Prints one line per problem and exits 1 if there is any, else prints the modules
checked and exits 0.
"""
import ast
import importlib.util
import os
import re
import subprocess
import sys

SKIPPED_DIRECTORIES = {"target", "results", ".git", ".ipynb_checkpoints", "node_modules"}
# "import numpy as np\n" or "from sklearn.datasets import load_digits" inside a Java string; a
# Java import in a string ("import java.util.*;") does not match.
JAVA_STRING_IMPORT = re.compile(
    r'"\s*(?:from\s+([A-Za-z_]\w*)[\w.]*\s+import\s|import\s+([A-Za-z_]\w*)[\w.]*(?:\s+as\s+\w+)?\s*(?:\\n|"|,))')


def source_files(root):
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = [d for d in subdirectories if d not in SKIPPED_DIRECTORIES]
        for name in files:
            if name.endswith((".py", ".java")):
                yield os.path.join(directory, name)


def imported_modules(path):
    """The top-level modules a file imports, without the ones next to it (its own modules)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith(".py"):
        modules = set()
        for node in ast.walk(ast.parse(text, filename=path)):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                modules.add(node.module.split(".")[0])
    else:
        modules = {a or b for a, b in JAVA_STRING_IMPORT.findall(text)}
    local = {os.path.splitext(name)[0] for name in os.listdir(os.path.dirname(path))}
    return {m for m in modules if m not in sys.stdlib_module_names and m not in local}


def installed_packages():
    """Every installed package: its dependencies as groups of alternatives, and what it provides."""
    out = subprocess.run(["dpkg-query", "-W", "-f", "${Package}\t${Status}\t${Depends}, ${Pre-Depends}\t${Provides}\n"],
                         capture_output=True, text=True, check=True).stdout
    depends, provided_by = {}, {}
    for line in out.splitlines():
        package, status, dependencies, provides = line.split("\t")
        if not status.endswith(" installed"):
            continue
        groups = [[re.sub(r"[\s(:].*", "", alternative.strip()) for alternative in group.split("|")]
                  for group in dependencies.split(",") if group.strip()]
        depends[package] = groups
        for name in [re.sub(r"[\s(:].*", "", p.strip()) for p in provides.split(",") if p.strip()]:
            provided_by.setdefault(name, set()).add(package)
    return depends, provided_by


def closure(packages, depends, provided_by):
    """The packages that installing `packages` brings: each dependency group met by any installed alternative."""
    seen, stack = set(), list(packages)
    while stack:
        package = stack.pop()
        if package in seen or package not in depends:
            continue
        seen.add(package)
        for group in depends[package]:
            for alternative in group:
                stack.extend({alternative} | provided_by.get(alternative, set()))
    return seen


def owner(path):
    result = subprocess.run(["dpkg-query", "-S", os.path.realpath(path)], capture_output=True, text=True)
    return result.stdout.split(":")[0].strip() if result.returncode == 0 else None


def main(root, install_list):
    importers = {}
    for path in source_files(root):
        for module in imported_modules(path):
            importers.setdefault(module, []).append(os.path.relpath(path, root))
    depends, provided_by = installed_packages()
    brought = closure(install_list, depends, provided_by)
    problems = []
    for module, files in sorted(importers.items()):
        where = ", ".join(sorted(files))
        spec = importlib.util.find_spec(module)
        if spec is None:
            problems.append(f"Python module '{module}' (imported by {where}) is not installed: add the Debian "
                            f"package that provides it to environment/install")
            continue
        origin = spec.origin if spec.origin not in (None, "namespace") else list(spec.submodule_search_locations)[0]
        package = owner(origin)
        if package is None:
            problems.append(f"Python module '{module}' (imported by {where}) comes from {origin}, which no Debian "
                            f"package owns: install it from a Debian package listed in environment/install")
        elif package not in brought:
            problems.append(f"Python module '{module}' (imported by {where}) comes from the Debian package "
                            f"'{package}', which environment/install neither lists nor gets through a dependency: "
                            f"add '{package}' to its list")
    for problem in problems:
        print(problem)
    if not problems:
        print("checked:", ", ".join(f"{m} ({len(f)} files)" for m, f in sorted(importers.items())))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
