"""Diagrams the chapters refer to, drawn with plotly. A chapter embeds one with a ```figure block."""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache

import plotly.graph_objects as go

PALETTE = ["#c0392b", "#d35400", "#f39c12", "#27ae60", "#2980b9", "#8e44ad", "#16a085", "#7f8c8d"]
FONT = {"family": "Noto Sans CJK SC, Microsoft YaHei, sans-serif", "size": 13}


def _frame(fig: go.Figure, title: str, height: int = 380) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0.5},
        height=height,
        font=FONT,
        showlegend=False,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        plot_bgcolor="white",
        paper_bgcolor="white",
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def _arrow(fig: go.Figure, tail: tuple[float, float], head: tuple[float, float], color: str = "#999") -> None:
    """An arrow in data coordinates."""
    fig.add_annotation(
        x=head[0],
        y=head[1],
        ax=tail[0],
        ay=tail[1],
        xref="x",
        yref="y",
        axref="x",
        ayref="y",
        showarrow=True,
        arrowhead=2,
        arrowcolor=color,
        text="",
    )


def customer_value_levels() -> go.Figure:
    """客户价值的五个层次: nested rings from core benefit to potential product."""
    levels = ["核心利益", "基础产品", "期望产品", "附加产品", "潜在产品"]
    examples = ["美味的食物", "环境、桌椅碗碟", "干净、安静、贴心", "电视、鲜花、快捷结账", "生日蛋糕、专属糖果"]
    fig = go.Figure()
    for i in reversed(range(5)):
        r = 1 + i
        fig.add_shape(
            type="circle",
            x0=-r,
            y0=-r,
            x1=r,
            y1=r,
            fillcolor=PALETTE[i],
            opacity=0.85,
            line={"color": "white", "width": 2},
        )
        fig.add_annotation(
            x=0,
            y=r - 0.5 if i else 0,
            text=f"<b>{levels[i]}</b><br>{examples[i]}",
            showarrow=False,
            font={"color": "white", "size": 12},
        )
    fig.update_xaxes(range=[-5.3, 5.3])
    fig.update_yaxes(range=[-5.3, 5.3], scaleanchor="x")
    return _frame(fig, "客户价值的五个层次（由内向外）", 460)


def management_philosophy() -> go.Figure:
    """企业管理理念的变迁: five stages on a time line."""
    stages = [
        ("产值中心论", "卖方市场\n扩大生产"),
        ("销售额中心论", "产品积压\n促销与质控"),
        ("利润中心论", "竞争激烈\n成本管理"),
        ("客户中心论", "客户不满\n客户关系管理"),
        ("客户满意中心论", "忠诚客户少\n客户关系管理"),
    ]
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=list(range(5)),
            y=[0] * 5,
            mode="lines+markers",
            marker={"size": 22, "color": PALETTE[:5]},
            line={"color": "#bbb", "width": 4},
        )
    )
    for i, (name, note) in enumerate(stages):
        fig.add_annotation(x=i, y=0.35, text=f"<b>{name}</b>", showarrow=False)
        fig.add_annotation(x=i, y=-0.45, text=note.replace("\n", "<br>"), showarrow=False, font={"size": 11})
    fig.update_yaxes(range=[-1, 1])
    fig.update_xaxes(range=[-0.6, 4.6])
    return _frame(fig, "企业管理理念的变迁：从以产品为中心到以客户为中心", 300)


def service_quality_gaps() -> go.Figure:
    """服务质量差距模型: the five gaps between customer and provider."""
    boxes = {
        "期望的服务": (1, 5),
        "感知的服务": (1, 4),
        "实际提供的服务": (1, 3),
        "服务质量标准": (1, 2),
        "管理者对顾客期望的认识": (1, 1),
        "对顾客的外部沟通": (2.7, 3),
    }
    fig = go.Figure()
    for label, (x, y) in boxes.items():
        fig.add_shape(
            type="rect",
            x0=x - 0.55,
            x1=x + 0.55,
            y0=y - 0.28,
            y1=y + 0.28,
            fillcolor="#fdebd0" if y >= 4 else "#d6eaf8",
            line={"color": "#555"},
        )
        fig.add_annotation(x=x, y=y, text=label, showarrow=False)

    def arrow(x0: float, y0: float, x1: float, y1: float, text: str, tx: float, ty: float) -> None:
        _arrow(fig, (x0, y0), (x1, y1), PALETTE[0])
        _arrow(fig, (x1, y1), (x0, y0), PALETTE[0])
        fig.add_annotation(x=tx, y=ty, text=text, showarrow=False, font={"color": PALETTE[0], "size": 11})

    fig.add_shape(type="path", path="M 0.45,5 L 0.1,5 L 0.1,1 L 0.45,1", line={"color": PALETTE[0], "dash": "dot"})
    fig.add_annotation(x=0.02, y=3, text="差距1<br>认识差距", showarrow=False, font={"color": PALETTE[0], "size": 11})
    arrow(1, 1.28, 1, 1.72, "差距2 标准差距", 1.85, 1.5)
    arrow(1, 2.28, 1, 2.72, "差距3 交付差距", 1.85, 2.5)
    arrow(1.55, 3, 2.15, 3, "差距4<br>沟通差距", 1.85, 3.25)
    _arrow(fig, (1, 3.28), (1, 3.72), "#999")
    _arrow(fig, (2.7, 3.28), (1.55, 4.9), "#999")
    fig.add_shape(type="path", path="M 1.55,5 L 1.75,5 L 1.75,4 L 1.55,4", line={"color": PALETTE[0], "dash": "dot"})
    fig.add_annotation(
        x=2.6, y=4.5, text="差距5 期望与感知的差距", showarrow=False, font={"color": PALETTE[0], "size": 11}
    )
    fig.add_shape(type="line", x0=-0.2, x1=3.4, y0=3.5, y1=3.5, line={"dash": "dash", "color": "#999"})
    fig.add_annotation(x=3.1, y=3.7, text="客户", showarrow=False)
    fig.add_annotation(x=3.1, y=3.3, text="企业", showarrow=False)
    fig.update_xaxes(range=[-0.25, 3.45])
    fig.update_yaxes(range=[0.5, 5.5])
    return _frame(fig, "服务质量差距模型", 480)


def customer_pyramid() -> go.Figure:
    """客户金字塔: a few key customers at the top, many small ones at the base."""
    tiers = [
        ("关键客户（VIP）", "数量少、贡献大"),
        ("主要客户", "重点维护"),
        ("普通客户", "标准化服务"),
        ("小客户", "低成本服务"),
    ]
    fig = go.Figure(
        go.Funnel(
            y=[t[0] for t in tiers],
            x=[1, 2, 3, 4],
            text=[t[1] for t in tiers],
            textinfo="text",
            marker={"color": PALETTE[:4]},
            connector={"line": {"color": "white"}},
        )
    )
    fig.update_yaxes(visible=True)
    fig = _frame(fig, "客户金字塔：按客户价值分级服务", 340)
    fig.update_yaxes(visible=True)
    return fig


def octopus_diagram() -> go.Figure:
    """“章鱼图”: the service cycle of a restaurant, each tentacle a moment of contact."""
    steps = ["迎宾", "入座", "点餐", "催厨", "上菜", "买单", "送客"]
    fig = go.Figure()
    fig.add_shape(type="circle", x0=-0.8, y0=-0.8, x1=0.8, y1=0.8, fillcolor="#fdebd0", line={"color": "#555"})
    fig.add_annotation(x=0, y=0, text="<b>顾客</b><br>服务循环圈", showarrow=False)
    for i, step in enumerate(steps):
        angle = math.pi / 2 - 2 * math.pi * i / len(steps)
        x, y = 2.2 * math.cos(angle), 2.2 * math.sin(angle)
        fig.add_shape(
            type="line",
            x0=0.8 * math.cos(angle),
            y0=0.8 * math.sin(angle),
            x1=1.8 * math.cos(angle),
            y1=1.8 * math.sin(angle),
            line={"color": PALETTE[i % len(PALETTE)], "width": 3},
        )
        fig.add_annotation(x=x, y=y, text=f"{i + 1}. {step}", showarrow=False)
    fig.update_xaxes(range=[-3, 3])
    fig.update_yaxes(range=[-2.8, 2.8], scaleanchor="x")
    return _frame(fig, "章鱼图：列出顾客经历的每一个接触环节", 440)


def contact_zones() -> go.Figure:
    """全程化的客户接触: customer, front-stage and back-stage areas."""
    zones = [
        ("顾客活动区", "顾客自己完成的步骤"),
        ("前台活动区", "员工与顾客直接接触"),
        ("后台活动区", "顾客看不见的支持工作"),
    ]
    fig = go.Figure()
    for i, (name, note) in enumerate(zones):
        y = 2 - i
        fig.add_shape(
            type="rect", x0=0, x1=6, y0=y - 0.45, y1=y + 0.45, fillcolor=PALETTE[i + 3], opacity=0.3, line={"width": 0}
        )
        fig.add_annotation(x=0.9, y=y, text=f"<b>{name}</b><br>{note}", showarrow=False)
    fig.add_shape(type="line", x0=0, x1=6, y0=1.5, y1=1.5, line={"dash": "dot"})
    fig.add_annotation(x=5.2, y=1.6, text="互动线", showarrow=False, font={"size": 11})
    fig.add_shape(type="line", x0=0, x1=6, y0=0.5, y1=0.5, line={"dash": "dash"})
    fig.add_annotation(x=5.2, y=0.6, text="可视线", showarrow=False, font={"size": 11})
    fig.update_xaxes(range=[0, 6])
    fig.update_yaxes(range=[-0.5, 2.5])
    return _frame(fig, "客户接触的三个区域", 320)


def crisis_stages() -> go.Figure:
    """危机处理的三个阶段."""
    stages = [("危机前", "预防与预警"), ("危机中", "应对与控制"), ("危机后", "恢复与总结")]
    fig = go.Figure()
    for i, (name, task) in enumerate(stages):
        fig.add_shape(
            type="path",
            path=f"M {i * 2},0 L {i * 2 + 1.6},0 L {i * 2 + 1.9},0.5 L {i * 2 + 1.6},1 "
            f"L {i * 2},1 L {i * 2 + 0.3},0.5 Z",
            fillcolor=PALETTE[i],
            line={"color": "white"},
        )
        fig.add_annotation(
            x=i * 2 + 0.95, y=0.5, text=f"<b>{name}</b><br>{task}", showarrow=False, font={"color": "white"}
        )
    fig.update_xaxes(range=[-0.2, 6.2])
    fig.update_yaxes(range=[-0.2, 1.2])
    return _frame(fig, "危机处理的三个阶段", 220)


def performance_cycle() -> go.Figure:
    """绩效管理循环: five steps around a circle."""
    steps = ["绩效计划", "实施与辅导", "考核评估", "反馈面谈", "结果应用<br>与改进"]
    fig = go.Figure()
    for i, step in enumerate(steps):
        angle = math.pi / 2 - 2 * math.pi * i / len(steps)
        x, y = 1.6 * math.cos(angle), 1.6 * math.sin(angle)
        fig.add_shape(
            type="circle",
            x0=x - 0.55,
            y0=y - 0.32,
            x1=x + 0.55,
            y1=y + 0.32,
            fillcolor=PALETTE[i],
            line={"color": "white"},
        )
        fig.add_annotation(x=x, y=y, text=f"<b>{i + 1}. {step}</b>", showarrow=False, font={"color": "white"})
        nxt = math.pi / 2 - 2 * math.pi * (i + 0.5) / len(steps)
        _arrow(
            fig,
            (1.75 * math.cos(nxt + 0.25), 1.75 * math.sin(nxt + 0.25)),
            (1.75 * math.cos(nxt - 0.25), 1.75 * math.sin(nxt - 0.25)),
        )
    fig.add_annotation(x=0, y=0, text="<b>持续循环</b><br>绩效不断提升", showarrow=False)
    fig.update_xaxes(range=[-2.6, 2.6])
    fig.update_yaxes(range=[-2.3, 2.3], scaleanchor="x")
    return _frame(fig, "客户服务绩效管理的流程", 420)


def training_workflow() -> go.Figure:
    """小组实训的流程: from grouping to the final report."""
    steps = [
        ("分组", "4~6 人一组"),
        ("定负责人", "分工、明确职责"),
        ("总体讨论", "选企业、定提纲"),
        ("深入调查", "观察、询问、调查"),
        ("分工撰写", "分析、汇总"),
        ("一人总纂", "统稿交稿"),
    ]
    fig = go.Figure()
    for i, (name, note) in enumerate(steps):
        x = i * 1.7
        fig.add_shape(type="rect", x0=x, x1=x + 1.4, y0=0, y1=1, fillcolor=PALETTE[i], line={"color": "white"})
        fig.add_annotation(x=x + 0.7, y=0.62, text=f"<b>{name}</b>", showarrow=False, font={"color": "white"})
        fig.add_annotation(x=x + 0.7, y=0.3, text=note, showarrow=False, font={"color": "white", "size": 11})
        if i < len(steps) - 1:
            _arrow(fig, (x + 1.42, 0.5), (x + 1.68, 0.5))
    fig.update_xaxes(range=[-0.2, 10.2])
    fig.update_yaxes(range=[-0.2, 1.2])
    return _frame(fig, "小组实训的组织流程", 220)


def ethics_norms() -> go.Figure:
    """职业道德规范的层次: law as the floor, dedication as the base, serving society as the highest requirement."""
    rows = [
        (0.0, [("遵纪守法", "底线：法律法规与职业纪律")]),
        (1.0, [("爱岗敬业", "基础：乐业、勤业、精业")]),
        (2.0, [("诚实守信", "说真话、守承诺"), ("办事公道", "同一标准、公私分明"), ("服务群众", "尊重、方便、热情")]),
        (3.0, [("奉献社会", "最高要求")]),
    ]
    widths = [6.2, 5.8, 5.2, 3.0]
    fig = go.Figure()
    for (y, cells), width, color in zip(rows, widths, [PALETTE[7], PALETTE[4], PALETTE[3], PALETTE[0]], strict=True):
        cell = width / len(cells)
        for i, (name, note) in enumerate(cells):
            x0 = -width / 2 + i * cell
            fig.add_shape(
                type="rect", x0=x0, y0=y, x1=x0 + cell, y1=y + 0.9, fillcolor=color, line={"color": "white", "width": 3}
            )
            fig.add_annotation(
                x=x0 + cell / 2, y=y + 0.45, text=f"<b>{name}</b><br>{note}", showarrow=False, font={"color": "white"}
            )
    fig.update_xaxes(range=[-3.2, 3.2])
    fig.update_yaxes(range=[-0.1, 4.0])
    return _frame(fig, "职业道德规范的层次", 380)


FIGURES: dict[str, Callable[[], go.Figure]] = {
    "training-workflow": training_workflow,
    "performance-cycle": performance_cycle,
    "customer-value-levels": customer_value_levels,
    "management-philosophy": management_philosophy,
    "service-quality-gaps": service_quality_gaps,
    "customer-pyramid": customer_pyramid,
    "octopus-diagram": octopus_diagram,
    "contact-zones": contact_zones,
    "crisis-stages": crisis_stages,
    "ethics-norms": ethics_norms,
}


@cache
def figure(name: str) -> go.Figure:
    """A registered figure, built once per process and shared: treat it as read-only."""
    return FIGURES[name]()
