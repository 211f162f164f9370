#!/usr/bin/env python3
"""Prints which contexts of crates/app/src import which, and fails on an import cycle.

A context is a top-level module of the crate (a file or a folder); an import is any path
through `crate::<context>`, in a `use` or in the code. Run from anywhere:
    python3 scripts/context_graph.py
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent / "crates" / "app" / "src"


def imported(source: str) -> set[str]:
    """The contexts a file names through `crate::`, including inside `use crate::{...}`."""
    names = set(re.findall(r"crate::(\w+)", source))
    for group in re.finditer(r"use crate::\{", source):
        depth, i, item, top = 1, group.end(), "", []
        while depth:
            c = source[i]
            depth += {"{": 1, "}": -1}.get(c, 0)
            if depth == 1 and c == ",":
                top.append(item)
                item = ""
            elif depth >= 1:
                item += c
            i += 1
        top.append(item)
        names.update(re.split(r"::|\s", t.strip().lstrip("{"))[0] for t in top if t.strip())
    return names


def graph() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for path in ROOT.rglob("*.rs"):
        context = path.relative_to(ROOT).parts[0].removesuffix(".rs")
        if context == "lib":
            continue
        edges.setdefault(context, set()).update(imported(path.read_text()))
    return {c: {d for d in deps if d in edges and d != c} for c, deps in edges.items()}


def cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph, if it has any (a depth-first search)."""
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = "open"
        path.append(node)
        for dep in sorted(edges[node]):
            if state.get(dep) == "open":
                return path[path.index(dep):] + [dep]
            if dep not in state and (found := visit(dep)):
                return found
        state[node] = "done"
        path.pop()
        return None

    for node in sorted(edges):
        if node not in state and (found := visit(node)):
            return found
    return None


def main() -> int:
    edges = graph()
    for context in sorted(edges):
        print(f"{context:12} -> {' '.join(sorted(edges[context])) or '(nothing)'}")
    found = cycle(edges)
    if found:
        print("cycle: " + " -> ".join(found))
        return 1
    print("no cycle")
    return 0


if __name__ == "__main__":
    sys.exit(main())
