"""The shared look, in one place: phone-first CSS (tap targets, no sideways scrolling, content near the top,
Chinese in place of the built-in English of widgets), charts without toolbars and with Chinese dates, and the
two widgets whose built-in texts are English (file upload, date choice)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

import plotly.graph_objects as go
import pyarrow as pa
import streamlit as st
from streamlit import dataframe_util

from source import dates
from ui import text as T

# Everything here is our own CSS: no user text ever reaches it.
CSS = f"""
<style>
/* tap targets of at least 44 px */
.stButton button, .stDownloadButton button, .stFormSubmitButton button, .stLinkButton a,
[data-testid="stPageLink"] a, [data-testid="stSidebarNav"] a, [data-baseweb="select"] > div,
.stTextInput input, .stNumberInput input, .stDateInput input, [data-testid="stPopover"] button,
[data-testid="stExpander"] summary, [data-baseweb="tab"] {{ min-height: 44px; }}
.stRadio label, .stCheckbox label {{ min-height: 44px; display: flex; align-items: center; }}
[data-testid="stNumberInputStepUp"], [data-testid="stNumberInputStepDown"] {{ min-width: 44px; min-height: 44px; }}
.stSelectbox [role="group"], .stMultiSelect [role="group"] {{ min-height: 44px; }}
[data-testid="stButtonGroup"] button {{ min-height: 44px; min-width: 44px; }}
[data-testid="stExpandSidebarButton"], [data-testid="stSidebarCollapseButton"] button,
[data-testid="stMainMenu"] button,
.stSelectbox [role="group"] button, .stMultiSelect [role="group"] button, .stTextInput button,
[data-testid="stTooltipHoverTarget"], [data-testid="stTooltipHoverTarget"] button {{
  min-width: 44px; min-height: 44px; display: inline-flex;
  align-items: center; justify-content: center; }}
/* nothing wider than the screen: long words wrap, wide things scroll inside themselves */
[data-testid="stMain"] {{ overflow-wrap: anywhere; }}
[data-testid="stMain"] pre, [data-testid="stMain"] code {{ white-space: pre-wrap; }}
[data-testid="stMain"] img, [data-testid="stMain"] svg {{ max-width: 100%; }}
[data-testid="stMain"] table {{ display: block; overflow-x: auto; max-width: 100%; }}
[data-testid="stTabs"] [role="tablist"] {{ overflow-x: auto; }}
/* the file uploader's English: hidden, a Chinese button text instead (the caption under it says the rest) */
[data-testid="stFileUploaderDropzoneInstructions"] {{ display: none; }}
[data-testid="stFileUploaderDropzone"] button {{ position: relative; min-height: 44px; }}
[data-testid="stFileUploaderDropzone"] button > * {{ visibility: hidden; }}
[data-testid="stFileUploaderDropzone"] button::after {{
  content: "{T.UPLOAD_BUTTON}"; visibility: visible; position: absolute; inset: 0;
  display: flex; align-items: center; justify-content: center; }}
@media (max-width: 640px) {{
  /* the page starts right under the header, not a screen further down */
  [data-testid="stMainBlockContainer"] {{ padding: 3.5rem 0.75rem 2rem 0.75rem; }}
  h1 {{ font-size: 1.6rem !important; padding-top: 0.25rem !important; }}
  [data-testid="stMain"] [data-testid="stHorizontalBlock"] {{ flex-wrap: wrap; }}
}}
</style>
"""

# Runs once per browser tab: on a phone the menu closes after a page is chosen (it stays over the page
# otherwise), and the skip link's built-in English is replaced. Our own code; no user text reaches it.
SCRIPT = f"""
<script>
(() => {{
  if (window.cmaLook) return;
  window.cmaLook = true;
  const phone = window.matchMedia("(max-width: 768px)");
  document.addEventListener("click", (event) => {{
    if (!phone.matches || !event.target.closest('[data-testid="stSidebarNav"] a')) return;
    setTimeout(() => document.querySelector('[data-testid="stSidebarCollapseButton"] button')?.click(), 150);
  }}, true);
  const relabel = () => {{
    const skip = document.querySelector('[data-testid="stSkipToContent"]');
    if (skip && skip.textContent !== "{T.SKIP_TO_CONTENT}") skip.textContent = "{T.SKIP_TO_CONTENT}";
  }};
  new MutationObserver(relabel).observe(document.body, {{ childList: true, subtree: true }});
  relabel();
}})();
</script>
"""

CHART_CONFIG = {"displayModeBar": False, "scrollZoom": False, "responsive": True}
_DAY_MS = 86_400_000


def apply_look() -> None:
    """Inject the shared CSS and script (every rerun, from the app frame; the script acts once per tab)."""
    st.html(CSS)
    st.html(SCRIPT, unsafe_allow_javascript=True)


def _is_dates(values: Any) -> bool:
    if values is None:
        return False
    items = list(values)
    return bool(items) and all(isinstance(v, date | datetime) for v in items)


def chinese_dates(fig: go.Figure) -> go.Figure:
    """Axes that carry dates: Chinese day ticks, one tick per day at the least, hover with the full date."""
    for axis in ("x", "y"):
        spans = [list(getattr(t, axis)) for t in fig.data if _is_dates(getattr(t, axis, None))]
        if not spans:
            continue
        days = [v.date() if isinstance(v, datetime) else v for span in spans for v in span]
        first, last = min(days), max(days)
        update: dict[str, Any] = {"type": "date", "tickformat": dates.CHART_DAY, "hoverformat": dates.CHART_HOVER_DAY}
        if (last - first).days < 7:  # a few days: whole days only, never hours or milliseconds
            start, end = datetime.combine(first, time()), datetime.combine(last, time())
            update |= {"dtick": _DAY_MS, "range": [start - timedelta(hours=12), end + timedelta(hours=12)]}
        (fig.update_xaxes if axis == "x" else fig.update_yaxes)(**update)
    return fig


# Figures kept for the data they show: building a plotly figure costs several times more than drawing one.
FIGURES_KEPT = 256


class KeptFigure(go.Figure):  # type: ignore[misc]  # plotly is untyped
    """A kept figure: its dictionary (what the chart element sends) is made once, not copied on every draw."""

    _kept: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return self._kept


_figures: OrderedDict[Hashable, go.Figure] = OrderedDict()
_ready: set[int] = set()  # ids of the kept figures (alive while kept): Chinese dates applied once
_figures_lock = threading.Lock()


def figure(key: Hashable, build: Callable[[], go.Figure]) -> go.Figure:
    """The figure `build` makes, built once for `key` and kept (the least recently used leave first). The key
    must hold every value the figure shows (a name for the chart and its data), so new data is a new figure;
    a kept figure is shared by every session and never changed after it is built."""
    with _figures_lock:
        found = _figures.get(key)
        if found is not None:
            _figures.move_to_end(key)
            return found
    built = chinese_dates(build())
    kept = built.to_dict()
    built.__class__ = KeptFigure  # the same figure; drawn from the dictionary made just now
    built._kept = kept
    with _figures_lock:
        replaced = _figures.get(key)
        if replaced is not None:  # built twice at once: the later one is kept
            _ready.discard(id(replaced))
        _figures[key] = built
        _ready.add(id(built))
        while len(_figures) > FIGURES_KEPT:
            _ready.discard(id(_figures.popitem(last=False)[1]))
    return built


TABLES_KEPT = 128
_tables: OrderedDict[Hashable, pa.Table] = OrderedDict()


def table(key: Hashable, rows: Callable[[], list[dict[str, Any]]]) -> pa.Table:
    """The rows `rows` makes for a table (st.dataframe), converted once for `key` and kept (the least recently
    used leave first), exactly as st.dataframe converts a list of rows. The key must hold every value the
    rows show; a kept table is shared by every session and never changed."""
    with _figures_lock:
        found = _tables.get(key)
        if found is not None:
            _tables.move_to_end(key)
            return found
    made = dataframe_util.convert_pandas_df_to_arrow_table(
        dataframe_util.convert_anything_to_pandas_df(rows(), ensure_copy=False)
    )
    with _figures_lock:
        _tables[key] = made
        while len(_tables) > TABLES_KEPT:
            _tables.popitem(last=False)
    return made


def dataframe(data: Any, **options: Any) -> Any:
    """st.dataframe, with a list of rows (dicts of plain values) converted once per content and kept: the
    conversion costs more than drawing. Anything else is handed to st.dataframe as it is."""
    if isinstance(data, list) and all(isinstance(r, dict) for r in data):
        try:
            key = ("rows", tuple(tuple(r.items()) for r in data))
            hash(key)
        except TypeError:  # a value that cannot be a key: converted as before
            return st.dataframe(data, **options)
        options.setdefault("hide_index", True)  # as st.dataframe does for a list of rows
        return st.dataframe(table(key, lambda: data), **options)
    return st.dataframe(data, **options)


def chart(fig: go.Figure, *, key: str | None = None) -> None:
    """Draw a plotly figure the one way: full width, no toolbar, Chinese dates."""
    st.plotly_chart(fig if id(fig) in _ready else chinese_dates(fig), width="stretch", config=CHART_CONFIG, key=key)


def upload(label: str, types: Sequence[str], *, key: str, help: str | None = None) -> Any:
    """A file uploader whose built-in English is hidden (CSS above), with the accepted files said in Chinese."""
    found = st.file_uploader(label, type=list(types), key=key, help=help)
    limit = st.get_option("server.maxUploadSize")
    st.caption(T.UPLOAD_LIMIT.format(types="、".join(f".{t}" for t in types), mb=limit))
    return found


_NO_DAY = "no-day"  # the "no date" option (never shown: its label is T.NO_DATE)


def pick_day(label: str, value: date | None, *, key: str, days: int = 366, help: str | None = None) -> date | None:
    """Choose a day from today on, written in Chinese (the built-in date input writes YYYY/MM/DD and names months
    in English). None when the user chooses no date. "No date" is an option of its own, not None: a select box
    whose chosen value is None shows its English placeholder instead of the option's text."""
    start = dates.today()
    options: list[date | str] = list(_days_from(start, days))
    if value is not None and value not in options:
        options.insert(1, value)
    chosen = st.selectbox(
        label,
        options,
        index=options.index(value) if value is not None and value in options else 0,
        format_func=_day_label,
        key=key,
        help=help,
    )
    return chosen if isinstance(chosen, date) else None


@lru_cache(maxsize=8)
def _days_from(start: date, days: int) -> tuple[date | str, ...]:
    return (_NO_DAY, *(start + timedelta(days=n) for n in range(days)))


@lru_cache(maxsize=1024)
def _day_label(d: date | str) -> str:
    return T.NO_DATE if isinstance(d, str) else f"{dates.day(d)}（{T.WEEKDAYS[d.weekday()]}）"
