"""The certificate as a landscape A4 PDF in Chinese, with its verification code."""

from __future__ import annotations

from datetime import date

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from interop.paper import CJK_FONT, CJK_INDEX


def certificate_pdf(
    title: str, name: str, issued_on: date, theory: float, skills: tuple[float, ...], code: str
) -> bytes:
    """One page: title, name, what was passed, the date and the code to verify it."""
    pdf = FPDF(orientation="L", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("cjk", fname=str(CJK_FONT), collection_font_number=CJK_INDEX)
    pdf.add_page()
    pdf.set_draw_color(176, 141, 87)
    pdf.set_line_width(1.6)
    pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)
    pdf.set_line_width(0.4)
    pdf.rect(14, 14, pdf.w - 28, pdf.h - 28)

    def centred(text: str, size: float, top: float) -> None:
        pdf.set_font("cjk", size=size)
        pdf.set_xy(20, top)
        pdf.cell(pdf.w - 40, size * 0.6, text, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    centred("结 业 证 书", 34, 34)
    centred(title, 14, 56)
    centred(name, 28, 82)
    skills_text = "、".join(f"{x:g}" for x in skills)
    centred(f"于 {issued_on.year} 年 {issued_on.month} 月 {issued_on.day} 日通过结业认证考试，成绩合格。", 14, 108)
    centred(f"理论知识 {theory:g} 分　情景演练（投诉处理、危机处理）{skills_text} 分", 12, 120)
    centred("客户管理师实训平台", 14, 150)
    centred(f"证书编号（查验码）：{code}", 11, 172)
    centred("查验方法：登录页“证书查验”输入查验码，或运行 cma verify 查验码", 9, 180)
    return bytes(pdf.output())
