from book.navigation import build_navigation, navigation_of, read_entry
from book.sources import read_page
from pages import page


def titles(navigation, nodes=None, depth=0):
    """The tree as indented titles, the way a reader sees the sidebar."""
    out = []
    for node in navigation.roots if nodes is None else nodes:
        out.append("  " * depth + node.entry.title)
        out.extend(titles(navigation, node.children, depth + 1))
    return out


def codes(navigation):
    return [(f.path, f.line, f.code) for f in navigation.findings]


def test_top_level_ordered_by_nav_order_then_title_case_insensitively():
    nav = navigation_of([
        page("c.md", title="gamma", nav_order=2),
        page("a.md", title="Beta", nav_order=2),
        page("b.md", title="alpha", nav_order=2),
        page("d.md", title="First", nav_order=1),
        page("e.md", title="Zeta"),  # no nav_order: after every ordered page
        page("f.md", title="Eta"),
    ])
    assert titles(nav) == ["First", "alpha", "Beta", "gamma", "Eta", "Zeta"]
    assert nav.findings == []


def test_children_follow_parent_title_and_nest_three_deep():
    nav = navigation_of([
        page("part2.md", title="Part 2", nav_order=3, has_children=True),
        page("27.md", title="27. 모델 허브와 인프라", nav_order=7, parent="Part 2"),
        page("21.md", title="21. 첫 장", nav_order=1, parent="Part 2", has_children=True),
        page("21-1.md", title="21-1. 자세히", nav_order=1, parent="21. 첫 장", grand_parent="Part 2"),
        page("home.md", title="홈", nav_order=0),
    ])
    assert titles(nav) == ["홈", "Part 2", "  21. 첫 장", "    21-1. 자세히", "  27. 모델 허브와 인프라"]
    assert [e.src_uri for e in nav.book_order()] == ["home.md", "part2.md", "21.md", "21-1.md", "27.md"]


def test_fractional_and_string_nav_orders_sort_as_numbers():
    nav = navigation_of([
        page("a.md", title="A", nav_order=10),
        page("b.md", title="B", nav_order="9"),
        page("c.md", title="C", nav_order=9.5),
    ])
    assert titles(nav) == ["B", "C", "A"]


def test_grand_parent_chooses_between_parents_with_the_same_title():
    nav = navigation_of([
        page("p1.md", title="Part 1", nav_order=1),
        page("p2.md", title="Part 2", nav_order=2),
        page("o1.md", title="개요", nav_order=1, parent="Part 1"),
        page("o2.md", title="개요", nav_order=1, parent="Part 2"),
        page("x.md", title="자세히", parent="개요", grand_parent="Part 2"),
    ])
    assert titles(nav) == ["Part 1", "  개요", "Part 2", "  개요", "    자세히"]
    assert nav.findings == []


def test_ambiguous_parent_without_grand_parent_is_a_finding_and_uses_the_first():
    nav = navigation_of([
        page("p1.md", title="Part 1", nav_order=1),
        page("p2.md", title="Part 2", nav_order=2),
        page("o1.md", title="개요", parent="Part 1"),
        page("o2.md", title="개요", parent="Part 2"),
        page("x.md", title="자세히", parent="개요"),
    ])
    assert codes(nav) == [("docs/x.md", 3, "nav-ambiguous-parent")]
    assert "grand_parent" in nav.findings[0].message
    assert titles(nav)[:3] == ["Part 1", "  개요", "    자세히"]


def test_grand_parent_that_matches_no_candidate_is_a_finding():
    nav = navigation_of([
        page("p1.md", title="Part 1", nav_order=1),
        page("o1.md", title="개요", parent="Part 1"),
        page("x.md", title="자세히", parent="개요", grand_parent="Part 9"),
    ])
    assert codes(nav) == [("docs/x.md", 3, "nav-grand-parent")]
    assert titles(nav) == ["Part 1", "  개요", "    자세히"]


def test_missing_parent_is_a_finding_at_its_line_and_the_page_stays_at_top_level():
    nav = navigation_of([
        page("part2.md", title="Part 2", nav_order=3),
        page("27.md", title="27. 장", nav_order=7, parent="Part Two"),
    ])
    assert codes(nav) == [("docs/27.md", 4, "nav-unknown-parent")]
    assert "'Part Two'" in nav.findings[0].message
    assert titles(nav) == ["Part 2", "27. 장"]


def test_parent_cycle_is_reported_on_each_page_and_broken():
    nav = navigation_of([
        page("a.md", title="A", nav_order=1, parent="B"),
        page("b.md", title="B", nav_order=2, parent="A"),
        page("c.md", title="C", nav_order=1, parent="A"),
        page("self.md", title="Self", nav_order=3, parent="Self"),
    ])
    cycle_findings = [f for f in nav.findings if f.code == "nav-parent-cycle"]
    assert sorted(f.path for f in cycle_findings) == ["docs/a.md", "docs/b.md"]
    assert "'A' -> 'B' -> 'A'" in cycle_findings[0].message or "'B' -> 'A' -> 'B'" in cycle_findings[0].message
    # a page can't be its own parent: it names no *other* page of that title
    assert ("docs/self.md", 4, "nav-unknown-parent") in codes(nav)
    assert titles(nav) == ["A", "  C", "B", "Self"]


def test_nav_exclude_hides_the_page_and_its_children():
    nav = navigation_of([
        page("a.md", title="A", nav_order=1),
        page("draft.md", title="Draft", nav_order=2, nav_exclude=True),
        page("child.md", title="Child", parent="Draft"),
    ])
    assert titles(nav) == ["A"]
    assert sorted(e.src_uri for e in nav.excluded) == ["child.md", "draft.md"]
    assert nav.findings == []


def test_missing_title_falls_back_to_file_name_with_a_finding():
    entry, findings = read_entry(page("02-literacy/27-hub.md", nav_order=1))
    assert entry.title == "27 hub"
    assert [(f.line, f.code) for f in findings] == [(1, "front-matter-title")]


def test_non_text_title_and_bad_nav_order_are_findings_at_their_lines():
    entry, findings = read_entry(read_page("x.md", b"---\ntitle: 2024\nnav_order: first\n---\n"))
    assert entry.title == "2024" and entry.nav_order is None
    assert [(f.line, f.code) for f in findings] == [(2, "front-matter-title"), (3, "front-matter-nav-order")]


def test_title_with_markup_stays_text():
    entry, _ = read_entry(page("x.md", title="<script>alert(1)</script> & 제목"))
    assert entry.title == "<script>alert(1)</script> & 제목"


def test_build_navigation_is_deterministic_whatever_the_input_order():
    pages = [page(f"{n}.md", title=f"T{n}", nav_order=n % 3, parent=None if n < 3 else "T1") for n in range(8)]
    entries = [read_entry(p)[0] for p in pages]
    assert titles(build_navigation(entries)) == titles(build_navigation(list(reversed(entries))))
