"""The course notes, docs/maths.md: every tag cited anywhere is defined there, and nothing more.

A cite is a tag like ``F1``, ``B4`` or ``G1`` (a range such as ``C1–C4``
cites every tag in it) in any source, sketch, test, notebook or doc of the
repository. docs/maths.md defines a tag with a heading ``### (TAG) title``.
"""

import re
from pathlib import Path

import pytest

from creativenn import resources
from tests.conftest import creativenn

ROOT = Path(__file__).resolve().parent.parent
LETTERS = "FCBGRMP"  # forward, cost, backprop, gradient descent, regularisation, measures, perceptron
# a tag, or a range of them; not a number that starts like one (an SVG path's M5.00)
CITE = re.compile(rf"\b([{LETTERS}])([0-9]{{1,2}})(?:\s*[–-]\s*\1?([0-9]{{1,2}}))?\b(?!\.[0-9])")
SEARCHED = ("creativenn", "sketches", "tests", "bench", "docs", "notebooks", "assets")
ENDINGS = {".py", ".md", ".ipynb", ".txt"}


def cited_tags(text: str) -> set[str]:
    """The tags ``text`` cites, ranges expanded: 'C1–C4' → C1, C2, C3, C4."""
    tags = set()
    for letter, first, last in CITE.findall(text):
        tags.update(f"{letter}{n}" for n in range(int(first), int(last or first) + 1))
    return tags


def repository_files():
    notes = ROOT / "docs" / "maths.md"
    yield ROOT / "README.md"
    yield ROOT / "Makefile"
    for folder in SEARCHED:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in ENDINGS and path.is_file() and path != notes and "gallery" not in path.parts:
                yield path


def citations() -> dict[str, list[str]]:
    """Each tag cited outside the notes, with the files that cite it."""
    where: dict[str, list[str]] = {}
    for path in repository_files():
        for tag in cited_tags(path.read_text(encoding="utf-8", errors="replace")):
            where.setdefault(tag, []).append(str(path.relative_to(ROOT)))
    return where


def test_cite_pattern_reads_tags_and_ranges_but_not_other_codes():
    assert cited_tags("(B4, G1) and C1–C4; noqa: F401; RK4 steps; MP4; an SVG's M5.00,5.00; (G2, G3)") == {
        "B4", "G1", "C1", "C2", "C3", "C4", "G2", "G3"}


def test_every_cited_tag_is_defined_in_the_notes():
    defined = set(resources.course_notes())
    missing = {tag: files for tag, files in citations().items() if tag not in defined}
    assert not missing, f"cited but not defined in docs/maths.md: {missing}"


def test_every_tag_the_notes_define_is_cited_somewhere():
    cited = set(citations())
    unused = [tag for tag in resources.course_notes() if tag not in cited]
    assert not unused, f"docs/maths.md defines tags nothing cites: {unused}"


def test_every_entry_gives_its_equation_the_function_and_where_to_see_it():
    for tag, text in resources.course_notes().items():
        assert "`" in text.split("\n- ")[0], f"({tag}) has no equation"
        assert "- Computed by:" in text or "- Checked by:" in text, f"({tag}) names no function"
        assert "- Shown in:" in text, f"({tag}) names no sketch"


def test_names_the_notes_give_exist():
    """Every sketch named under 'Shown in' is a bundled sketch."""
    sketches = set(resources.sketches())
    for tag, text in resources.course_notes().items():
        shown = re.sub(r"\([^)]*\)", "", text.split("- Shown in:")[1])  # not the keys in brackets
        for name in re.findall(r"`([a-z_]+)`", shown):
            assert name in sketches, f"({tag}) shows {name!r}, which is not a bundled sketch"


@pytest.mark.parametrize("folder", ["creativenn", "sketches"])
def test_a_module_that_cites_tags_points_to_the_notes(folder):
    for path in sorted((ROOT / folder).rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if cited_tags(text):
            docstring = text.split('"""')[1] if text.lstrip().startswith('"""') else ""
            assert "maths.md" in docstring, f"{path.relative_to(ROOT)}: cites tags, says not where"


def test_the_command_prints_the_list_and_one_entry(tmp_path):
    listing = creativenn("maths", cwd=tmp_path)
    assert listing.returncode == 0, listing.stderr
    assert "B4   The chain rule" in listing.stdout
    one = creativenn("maths", "(b4)", cwd=tmp_path)
    assert one.returncode == 0 and "δ_{l-1} = (W_lᵀ δ_l) ⊙ σ'(z_{l-1})" in one.stdout
    unknown = creativenn("maths", "Z9", cwd=tmp_path)
    assert unknown.returncode == 2 and "no equation 'Z9'" in unknown.stderr and "G1" in unknown.stderr
