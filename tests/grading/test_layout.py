"""The reader's fast paths (text layout, width folding) agree with their plain definitions on any text."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from grading.matcher import _clause_spans, _counts_before, _markers

# The definition: a clause is a run between clause breaks that also ends before a conjunction.
CLAUSE = re.compile(
    r"[^,，、:：\s。！？!?;；](?:(?!但是|可是|不过|然而|而且|并且|同时|另外|然后|所以|因此)[^,，、:：\s。！？!?;；])*"
)
ALPHABET = list("但是可不过然而且并同时另外后所以因此，。、：；！？ ,!?;:好的我们会马上核实不")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_clause_spans_match_the_definition(text: str) -> None:
    assert _clause_spans(text) == [m.span() for m in CLAUSE.finditer(text)]


def test_clause_spans_cut_at_each_conjunction_but_not_at_a_clause_start() -> None:
    text = "但是我们会核实而且然后补偿，所以放心"
    spans = _clause_spans(text)
    assert [text[a:b] for a, b in spans] == ["但是我们会核实", "而且", "然后补偿", "所以放心"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_marker_counts_before_each_position_match_bisect(text: str) -> None:
    from bisect import bisect_left

    markers = _markers(text)
    starts = [m[0] for m in markers]
    assert _counts_before(markers, len(text) + 10) == [bisect_left(starts, p) for p in range(len(text) + 10)]


WIDE_AND_TRICKY = list("ＡＢｚ０９，。！？：；（）　 \u0301\u0308\uf900\uf9ffｶﾞ㍿①ﬁ好的客户Ａ\u3000ｱ")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=WIDE_AND_TRICKY, max_size=30) | st.text(max_size=30))
def test_fast_nfkc_is_nfkc(text: str) -> None:
    import unicodedata

    from grading.text import nfkc

    assert nfkc(text) == unicodedata.normalize("NFKC", text)
