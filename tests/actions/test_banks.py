"""Moving question banks in and out as an admin: size and point checks, saved files load, nothing overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from actions import banks
from actions.refusals import Invalid, LimitReached
from quizzes.models import Bank
from store.db import Database
from tests.actions.conftest import School

GIFT = "::客户分类::按价值划分客户属于客户细分。{T}\n\n::投诉::处理投诉首先要{=倾听 ~争辩 ~推诿}。\n".encode()


def test_an_oversized_file_is_refused_before_it_is_read(db: Database, school: School) -> None:
    big = b"x" * (banks.MAX_UPLOAD_BYTES + 1)
    with pytest.raises(LimitReached) as caught:
        banks.check_bank_file(db, school.admin, school.course, "big.gift", big)
    assert "MB" in caught.value.detail


def test_a_point_outside_the_syllabus_is_refused(db: Database, school: School) -> None:
    with pytest.raises(Invalid):
        banks.check_bank_file(db, school.admin, school.course, "q.gift", GIFT, "no-such.point")


def test_checked_questions_are_saved_as_a_bank_that_loads_and_never_overwrite(
    db: Database, school: School, tmp_path: Path
) -> None:
    point = next(iter(school.course.syllabus.points))
    checked = banks.check_bank_file(db, school.admin, school.course, "q.gift", GIFT, point)
    assert len(checked.questions) == 2
    first = banks.save_bank_file(db, school.admin, tmp_path, "q.gift", checked, "导入的题")
    second = banks.save_bank_file(db, school.admin, tmp_path, "q.gift", checked, "导入的题")
    assert first != second and first.exists() and second.exists()
    bank = Bank.model_validate(yaml.safe_load(first.read_text(encoding="utf-8")))
    assert len(bank.questions) == 2


def test_nothing_to_save_is_refused(db: Database, school: School, tmp_path: Path) -> None:
    checked = banks.check_bank_file(db, school.admin, school.course, "empty.gift", b"// only a comment\n")
    with pytest.raises(Invalid):
        banks.save_bank_file(db, school.admin, tmp_path, "empty.gift", checked, "空")
    assert list(tmp_path.glob("*.yaml")) == []


def test_export_in_every_format_gives_bytes(db: Database, school: School) -> None:
    for fmt in ("gift", "moodle-xml", "xlsx", "qti"):
        data, notes = banks.export_bank(db, school.admin, school.course, fmt)
        assert data and isinstance(notes, list)
