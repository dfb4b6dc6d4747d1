"""Cross-checks of a scenario: references, graph shape and golden transcripts, with line numbers."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from pathlib import Path as FilePath

from grading.engine import Engine
from grading.library import Library
from grading.rules import Condition, compile_expression
from scenarios.models import Scenario
from scenarios.runner import MINUTES, InvalidAnswer, Run, build_engine, replay
from source.problems import ContentError, Problem
from source.yamlsource import LocatedYaml, parse_yaml, read_text

GAMING_MAX = 40.0
GAMING_GAP = 30.0
# Replies that game a rule engine, played in every free-text turn of every scenario (choices: the best one).
STUFFING = "对不起 抱歉 理解您 我们的责任 马上核实 补偿 回访 第一时间 解决方案 感谢"
OFF_TOPIC = (
    "说起来上周我们部门开年会，主持人念错了获奖同事的名字，当场上台道歉，"
    "后来大家核实了名单，又给没抽到奖的同事补偿了一个红包，气氛特别好，我到现在还记得。"
)
RUDE = "对不起，我没空听你废话，你爱找谁找谁去。"
SARCASTIC = "行行行，都是我们的错，给您道歉，给您补偿，这下您满意了吧？"
OKAY = "好的。"
# Well-formed stock fragments, one for every act, in a few characters each.
FRAGMENTS = (
    "换谁都生气，是我们仓库发错了，问题就出在系统，费用给您免了，原路退回，周五天黑前办好，报给我们站长，"
    "有结果第一时间通知您，先紧着您的安全。"
)
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
    for i, rule in enumerate(s.rules):
        if rule_ids.count(rule.id) > 1:
            report(["rules", i, "id"], f"规则编号重复 {rule.id}")
        check_condition(rule.when, ["rules", i, "when"])
        for dim in rule.then.score:
            if dim not in s.rubric:
                report(["rules", i, "then", "score", dim], f"评分维度 {dim} 不在本情景的 rubric 中")

    def check_state(change: dict[str, float], path: Path) -> None:
        for var in change:
            if var not in s.state:
                report([*path, var], f"未定义的状态变量 {var}")

    if s.start not in s.nodes:
        report(["start"], f"起始节点 {s.start} 不存在")
    for node_id, node in s.nodes.items():
        where: Path = ["nodes", node_id]
        check_state(node.state, [*where, "state"])
        for j, t in enumerate(node.next):
            if t.goto not in s.nodes:
                report([*where, "next", j, "goto"], f"跳转目标 {t.goto} 不存在")
            if t.when is not None:
                check_condition(t.when, [*where, "next", j, "when"])
        turn = node.turn
        if turn is None:
            continue
        for k, exp in enumerate(turn.expects):
            for act in exp.acts:
                if act not in concepts:
                    report([*where, "turn", "expects", k, "acts"], f"未定义的概念 {act}")
            if exp.dimension not in s.rubric:
                report([*where, "turn", "expects", k, "dimension"], f"评分维度 {exp.dimension} 不在 rubric 中")
            check_state(exp.state or {}, [*where, "turn", "expects", k, "state"])
        for k, avoid in enumerate(turn.avoid):
            for act in avoid.acts:
                if act not in concepts:
                    report([*where, "turn", "avoid", k, "acts"], f"未定义的概念 {act}")
            if avoid.dimension not in s.rubric:
                report([*where, "turn", "avoid", k, "dimension"], f"评分维度 {avoid.dimension} 不在 rubric 中")
            check_state(avoid.state, [*where, "turn", "avoid", k, "state"])
        for k, choice in enumerate(turn.choices):
            if choice.dimension not in s.rubric:
                report([*where, "turn", "choices", k, "dimension"], f"评分维度 {choice.dimension} 不在 rubric 中")
            if choice.goto is not None and choice.goto not in s.nodes:
                report([*where, "turn", "choices", k, "goto"], f"跳转目标 {choice.goto} 不存在")
            check_state(choice.state, [*where, "turn", "choices", k, "state"])
        for k, reaction in enumerate(turn.reactions):
            if reaction.when is not None:
                check_condition(reaction.when, [*where, "turn", "reactions", k, "when"])
    for node_id in _turnless_loops(s):
        report(["nodes", node_id], f"节点 {node_id} 处在一个没有回合的循环里，演练会卡死")

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


def transcript_problems(folder: FilePath, scenarios: dict[str, Scenario], library: Library) -> list[Problem]:
    """Transcript problems of the loaded scenarios in a folder, each with its file and line (for validate)."""
    out: list[Problem] = []
    for path in sorted(FilePath(folder).glob("*.yaml")):
        display = _display(path)
        try:
            doc = parse_yaml(read_text(path, display), display)
        except ContentError:
            continue
        data = doc.data if isinstance(doc.data, dict) else {}
        s = scenarios.get(str(data.get("id", "")))
        if s is None:
            continue
        for where, message in check_transcripts(s, library):
            out.append(Problem(display, doc.line_of(where), ".".join(map(str, where)), message))
    return out


def check_transcripts(s: Scenario, library: Library) -> list[tuple[Path, str]]:
    """Golden transcripts in their bands, every ending reached by one, gaming transcripts far below good."""
    out: list[tuple[Path, str]] = []
    engine = build_engine(s, library)
    good: float | None = None
    reached: set[str] = set()
    for i, ex in enumerate(s.examples):
        try:
            run = replay(s, engine, list(ex.turns))
        except InvalidAnswer as exc:
            out.append((["examples", i, "turns"], f"示例对话 {ex.name} 有一句无法作答：{exc}"))
            continue
        if run.result is None:
            out.append((["examples", i], f"示例对话 {ex.name} 没有走到结局（停在 {run.node}）"))
            continue
        reached.add(run.result.ending or "")
        total = run.result.total
        low, high = ex.score
        if not low <= total <= high:
            out.append((["examples", i, "score"], f"示例对话 {ex.name} 得 {total:g} 分，不在 [{low:g}, {high:g}] 内"))
        if ex.ending and run.result.ending != ex.ending:
            out.append((["examples", i, "ending"], f"示例对话 {ex.name} 到达 {run.result.ending}，应为 {ex.ending}"))
        if ex.name == "good":
            good = total
    for ending in s.endings:
        if ending not in reached:
            out.append((["nodes", ending], f"结局 {ending} 没有任何示例对话能到达"))
    if good is None:
        out.append((["examples"], "缺少 good 示例对话"))
        return out
    for name, total in gaming_scores(s, library).items():
        if total > GAMING_MAX or total > good - GAMING_GAP:
            out.append(
                (
                    ["examples"],
                    f"钻空子的对话“{name}”得 {total:g} 分，"
                    f"应不超过 {GAMING_MAX:g} 分且比 good 低 {GAMING_GAP:g} 分以上",
                )
            )
    return out


def _display(path: FilePath) -> str:
    root = FilePath(__file__).resolve().parent.parent
    try:
        return str(path.resolve().relative_to(root))
    except ValueError:
        return str(path)


def best_choice(s: Scenario, node: str) -> int:
    """The number (from 1) of the best option at a choice node."""
    turn = s.nodes[node].turn
    assert turn is not None
    return max(range(len(turn.choices)), key=lambda i: turn.choices[i].score) + 1


def play(s: Scenario, engine: Engine, text_for: Callable[[Run], str]) -> Run:
    """Play to an ending: free-text turns from text_for, the best option at every choice."""
    run = Run(s, engine)
    for _ in range(4 * len(s.nodes)):
        if run.finished:
            break
        turn = s.nodes[run.node].turn
        assert turn is not None
        run.answer(best_choice(s, run.node) if turn.mode == "choice" else text_for(run))
    return run


def gaming_strategies(s: Scenario) -> dict[str, Callable[[Run], str]]:
    """The gaming transcripts every scenario is played with."""
    first = next(n.turn.model_answer for n in s.nodes.values() if n.turn is not None and n.turn.mode == "text")
    local = " ".join(c.phrases[0] for c in s.concepts.values())
    extra = {ex.name: list(ex.turns) for ex in s.examples if ex.gaming}
    out: dict[str, Callable[[Run], str]] = {
        "关键词堆砌": lambda run: f"{STUFFING} {local}".strip(),
        "处处粘贴同一段参考答案": lambda run: first,
        "离题但关键词很多": lambda run: OFF_TOPIC,
        "带“对不起”的粗鲁回答": lambda run: RUDE,
        "讽刺式敷衍": lambda run: SARCASTIC,
        "每句都说“好的。”": lambda run: OKAY,
        "成串的套话": lambda run: FRAGMENTS,
    }
    for name, turns in extra.items():
        texts = [t for t in turns if isinstance(t, str)]
        out[name] = lambda run, texts=texts: texts[min(len(run.turns), len(texts) - 1)] if texts else OKAY  # type: ignore[misc]
    return out


def gaming_scores(s: Scenario, library: Library) -> dict[str, float]:
    """The total each gaming transcript gets."""
    out = {}
    engine = build_engine(s, library)
    for name, strategy in gaming_strategies(s).items():
        run = play(s, engine, strategy)
        out[name] = run.result.total if run.result is not None else 0.0
    return out


def _edges(s: Scenario, node_id: str) -> list[str]:
    node = s.nodes[node_id]
    targets = [t.goto for t in node.next]
    if node.turn is not None:
        targets += [c.goto for c in node.turn.choices if c.goto]
    return [t for t in targets if t in s.nodes]


def _turnless_loops(s: Scenario) -> list[str]:
    """Nodes on a cycle that passes no turn."""
    bare = {k for k, n in s.nodes.items() if n.turn is None and n.ending is None}
    out = []
    for start in sorted(bare):
        seen, queue = set(), deque(t.goto for t in s.nodes[start].next if t.goto in bare)
        while queue:
            node_id = queue.popleft()
            if node_id == start:
                out.append(start)
                break
            if node_id not in seen:
                seen.add(node_id)
                queue.extend(t.goto for t in s.nodes[node_id].next if t.goto in bare)
    return out


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
