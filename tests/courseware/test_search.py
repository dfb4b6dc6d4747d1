"""Chinese full-text search finds the section that teaches a term."""

from __future__ import annotations

import pytest

from catalog.catalog import Catalog
from courseware.search import SearchIndex


@pytest.fixture(scope="module")
def index(shipped: Catalog) -> SearchIndex:
    return SearchIndex(list(shipped.sections.values()))


@pytest.mark.parametrize(
    ("query", "section"),
    [
        ("潜在产品", "customer-value-five-levels"),
        ("内部客户", "internal-and-external-customers"),
        ("权威证实", "crisis-5s"),
        ("道歉的顺序", "apology-technique"),
        ("没有名字的脸", "customer-vs-consumer"),
    ],
)
def test_known_terms_find_their_section(index: SearchIndex, query: str, section: str) -> None:
    hits = index.search(query)
    assert hits
    assert hits[0].section_id == section


def test_snippet_shows_the_hit(index: SearchIndex) -> None:
    hit = index.search("汤姆·彼得斯")[0]
    assert "彼得斯" in hit.snippet


def test_nonsense_and_empty_queries_return_nothing(index: SearchIndex) -> None:
    assert index.search("") == []
    assert index.search("。。。") == []
    assert index.search("量子色动力学") == []
