"""Cross-checks of a scenario: references, graph shape and golden transcripts, with line numbers."""

from __future__ import annotations

from collections import deque

from grading.library import Library
from grading.rules import Condition, compile_expression
from scenarios.models import Scenario
from scenarios.runner import MINUTES
from source.problems import Problem
from source.yamlsource import LocatedYaml

Path = list[str | int]


def check_scenario(s: Scenario, library: Library, doc: LocatedYaml, file: str) -> list[Problem]:
    """Every reference and graph problem of a scenario, each with its line."""
    out: list[Problem] = []

    def report(path: Path, message: str) -> None:
        out.append(Problem(file, doc.line_of(path), ".".join(map(str, path)), message))

    concepts = set(library.concepts) | set(s.concepts)
    variables = tuple(sorted({*s.state, MINUTES}))
    rule_ids = [r.id for r in s.rules]

    def check_condition(c: Condition, path: Path) -> None:
        for name in sorted(c.concepts() - concepts):
            report(path, f"未定义的概念 {name}")
        import rule_engine  # loaded only when a scenario is checked

        for expr in c.expressions():
            try:
                compile_expression(expr, variables)
            except rule_engine.errors.SymbolResolutionError as exc:
                report(path, f"状态表达式 {expr!r} 中有未知变量 {exc.symbol_name}")
            except rule_engine.errors.EngineError as exc:
                report(path, f"状态表达式 {expr!r} 无法解析: {exc.message}")
        for ref in sorted(c.rule_refs() - set(rule_ids)):
            report(path, f"未定义的规则 {ref}")
        if c.node is not None and c.node not in s.nodes:
            report(path, f"未定义的节点 {c.node}")

    for name in s.rubric:
        if name not in library.dimensions:
            report(["rubric", name], f"未定义的评分维度 {name}")
        elif not any(r.then.score.get(name, 0) > 0 for r in s.rules):
            report(["rubric", name], f"没有任何规则为维度 {name} 加分")
    for i, rule in enumerate(s.rules):
        if rule_ids.count(rule.id) > 1:
            report(["rules", i, "id"], f"规则编号重复 {rule.id}")
        check_condition(rule.when, ["rules", i, "when"])
        for dim in rule.then.score:
            if dim not in s.rubric:
                report(["rules", i, "then", "score", dim], f"评分维度 {dim} 不在本情景的 rubric 中")
        for var in rule.then.state:
            if var not in s.state:
                report(["rules", i, "then", "state", var], f"未定义的状态变量 {var}")

    if s.start not in s.nodes:
        report(["start"], f"起始节点 {s.start} 不存在")
    for node_id, node in s.nodes.items():
        for var in node.state:
            if var not in s.state:
                report(["nodes", node_id, "state", var], f"未定义的状态变量 {var}")
        for j, t in enumerate(node.next):
            if t.goto not in s.nodes:
                report(["nodes", node_id, "next", j, "goto"], f"跳转目标 {t.goto} 不存在")
            if t.when is not None:
                check_condition(t.when, ["nodes", node_id, "next", j, "when"])
        if node.ending is None and node.turn is None and all(t.goto == node_id for t in node.next):
            report(["nodes", node_id], "节点只跳回自身，形成死循环")

    reachable = _reachable(s)
    for node_id in s.nodes:
        if node_id not in reachable:
            report(["nodes", node_id], f"节点 {node_id} 从起点无法到达")
    if len(s.endings) < 3:
        report(["nodes"], f"至少需要 3 个结局，现在只有 {len(s.endings)} 个")
    for node_id in reachable:
        if not _ends(s, node_id):
            report(["nodes", node_id], f"从节点 {node_id} 出发走不到任何结局")
    return out


def _edges(s: Scenario, node_id: str) -> list[str]:
    return [t.goto for t in s.nodes[node_id].next if t.goto in s.nodes]


def _reachable(s: Scenario) -> set[str]:
    if s.start not in s.nodes:
        return set()
    seen, queue = {s.start}, deque([s.start])
    while queue:
        for nxt in _edges(s, queue.popleft()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def _ends(s: Scenario, start: str) -> bool:
    seen, queue = {start}, deque([start])
    while queue:
        node_id = queue.popleft()
        if s.nodes[node_id].ending is not None:
            return True
        for nxt in _edges(s, node_id):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return False
