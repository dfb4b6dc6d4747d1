"""What the browser tests read off a page: its visible text without icon names, its width, its tap targets."""

from __future__ import annotations

from typing import Any

# innerText of the page with the ligature names of material icons removed (they draw as pictures).
TEXT = """() => {
  const icons = new Set([...document.querySelectorAll('span, i')]
    .filter((e) => e.children.length === 0 && /Material/.test(getComputedStyle(e).fontFamily))
    .map((e) => e.textContent.trim()).filter(Boolean));
  let text = document.body.innerText;
  for (const name of icons) text = text.split(name).join(" ");
  // what an empty input shows in place of a value
  const shown = [...document.querySelectorAll('input[placeholder], textarea[placeholder]')]
    .filter((e) => !e.value && e.getBoundingClientRect().width > 0).map((e) => e.placeholder);
  return [text, ...shown].join(" | ");
}"""

WIDTH = "() => [document.scrollingElement.scrollWidth, window.innerWidth]"

# Visible controls in the page body lower than 44 px (a finger needs that much).
SMALL_TARGETS = """() => {
  const picks = 'button, input:not([type=hidden]):not([type=file]):not([type=radio]):not([type=checkbox]), '
    + '[data-baseweb="select"] > div, '
    + '[data-testid="stSidebarNav"] a, [data-testid="stPageLink"] a, .stRadio label, .stCheckbox label, '
    + '[data-testid="stExpander"] summary, [data-baseweb="tab"]';
  const out = [];
  for (const el of document.querySelectorAll(picks)) {
    if (el.closest('[data-testid="stDataFrame"], .js-plotly-plot')) continue;
    if (el.tagName === 'INPUT' && el.closest('[data-baseweb="select"], [role="group"]')) continue;  // its box counts
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || el.type === 'range') continue;
    const where = el.parentElement.closest('[data-testid]')?.dataset.testid || '';
    const name = (el.innerText || el.getAttribute('aria-label') || '').slice(0, 30);
    if (r.height < 43.5) out.push(`${el.tagName} ${Math.round(r.height)}px ${where} ${name}`);
  }
  return out;
}"""


def sidebar_open(page: Any) -> bool:
    """Whether the sidebar is on screen."""
    box = page.locator('[data-testid="stSidebar"]').bounding_box()
    return box is not None and box["width"] > 0 and box["x"] + box["width"] > 10
