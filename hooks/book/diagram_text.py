"""A diagram's text alternative, read from its Mermaid source: what a reader who cannot see
the drawing needs — its boxes, each arrow as "A → B (label)", and its groups.

Mermaid's own parsers run only in a browser (they are bundled into its diagram chunks), and
its accessibility options (``accTitle``/``accDescr``) only carry text an author writes by
hand; no Python library parses Mermaid. So this module reads the subset the book uses:
``flowchart``/``graph`` in full (subgraphs, Hangul ids, every edge form and node shape the
chapters have), and a summary of ``stateDiagram-v2``, ``sequenceDiagram`` and ``erDiagram``.
Other types get no description (their caption still names them). Pure: text in, structure out.
"""

from __future__ import annotations

import re
import functools
from dataclasses import dataclass, field
from collections.abc import Sequence

from . import strings

ARROW = "→"
BOTH_WAYS = "↔"
LINE = "—"


@dataclass(frozen=True)
class Edge:
    source: str  # node labels, as a reader sees them
    target: str
    label: str = ""
    mark: str = ARROW  # ARROW, BOTH_WAYS, or LINE for a connection without a head

    def __str__(self) -> str:
        text = f"{self.source} {self.mark} {self.target}"
        return f"{text} ({self.label})" if self.label else text


@dataclass
class Group:
    title: str
    members: list[str] = field(default_factory=list)  # labels


@dataclass
class DiagramText:
    kind: str  # the diagram's first word: flowchart, sequenceDiagram …
    nodes: list[str] = field(default_factory=list)  # labels, in order of first appearance
    edges: list[Edge] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)

    def sections(self) -> list[tuple[str, list[str]]]:
        """The description as titled lists: the nodes, each connection, then each group.
        Lists, not sentences: a label may hold commas of its own."""
        out = []
        if self.nodes:
            out.append((strings.DIAGRAM_NODES, list(self.nodes)))
        if self.edges:
            out.append((strings.DIAGRAM_EDGES, [str(edge) for edge in self.edges]))
        out += [(strings.DIAGRAM_GROUP.format(title=group.title), list(group.members)) for group in self.groups]
        return out

    def lines(self) -> list[str]:
        """The same as plain text, one item a line (for llms-full.txt)."""
        return [line for title, items in self.sections() for line in [f"{title}:", *(f"- {i}" for i in items)]]


@functools.lru_cache(maxsize=4096)
def describe(source: str) -> DiagramText | None:
    """The text alternative of one diagram's Mermaid source, or None for a type not read here.

    Kept per source for the process: every build reads each diagram's text twice (the page's
    figure, llms-full.txt), and ``make serve`` rebuilds with most diagrams unchanged. The
    result is shared, so it is read, never changed."""
    lines = _statements_of(source)
    if not lines:
        return None
    header, _, rest = lines[0].partition(";")  # "graph LR; A-->B" holds statements too
    kind = header.split()[0]
    reader = _READERS.get(kind)
    return reader(kind, ([rest] if rest.strip() else []) + lines[1:]) if reader else None


def _statements_of(source: str) -> list[str]:
    """Lines without front matter, comments and blanks; ``;`` also ends a flowchart statement."""
    raw = source.replace("\r\n", "\n").split("\n")
    if raw and raw[0].strip() == "---":
        end = next((i for i in range(1, len(raw)) if raw[i].strip() == "---"), None)
        raw = raw[end + 1:] if end is not None else raw
    return [line.strip() for line in raw if line.strip() and not line.strip().startswith("%%")]


def clean_label(text: str) -> str:
    """A label as a reader hears it: quotes gone, ``<br/>`` a space, tags and markup dropped."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1]
    if "<" in text:
        text = _TAG.sub("", _LINE_BREAK.sub(" ", text))
    if "#" in text:
        text = text.replace("#quot;", '"').replace("#amp;", "&").replace("#lt;", "<").replace("#gt;", ">")
    return " ".join(text.strip("`").replace("**", "").split())


_LINE_BREAK = re.compile(r"<br\s*/?>", re.I)
_TAG = re.compile(r"</?[A-Za-z][^>]*>")


# --- flowchart / graph ----------------------------------------------------------------------

_IGNORED_FLOWCHART = re.compile(r"^(?:style|classDef|class|linkStyle|click|direction|accTitle|accDescr)\b")
# A node id: anything up to a shape, an edge, a separator or a space (Hangul ids included).
_NODE_ID = re.compile(r"[^\s\[\](){}<>&|;:\"=\-.@]+(?:[.\-][^\s\[\](){}<>&|;:\"=\-.@]+)*")
# Shape openers, longest first, with their closers.
_SHAPES = [("(((", ")))"), ("([", "])"), ("[(", ")]"), ("[[", "]]"), ("((", "))"), ("{{", "}}"),
           ("[/", "/]"), ("[\\", "\\]"), ("[/", "\\]"), ("[\\", "/]"), ("[", "]"), ("(", ")"),
           ("{", "}"), (">", "]")]
# An edge without a label in the middle: -->, ---, -.->, ==>, <-->, --o, --x, and longer ones;
# then an optional |label|.
_EDGE = re.compile(
    r"\s*(?P<head><)?(?P<body>-{2,}|={2,}|-\.+-|~{3,})(?P<tail>>|o(?=\s)|x(?=\s))?"
    r"(?:\s*\|(?P<label>[^|]*)\|)?\s*"
)
# An edge with its label in the middle: -- label -->, == label ==>, -. label .->
_LABELLED_EDGE = re.compile(
    r"\s*(?P<head><)?(?P<open>--|==|-\.)\s+(?P<label>[^|]+?)\s+(?P<body>-{2,}|={2,}|\.+-)(?P<tail>>|o|x)?\s*"
)


class _Flowchart:
    def __init__(self, kind: str):
        self.text = DiagramText(kind)
        self.labels: dict[str, str] = {}  # id -> label
        self.order: list[str] = []  # ids in order of first appearance
        self.group_titles: dict[str, str] = {}  # subgraph id -> title
        self.groups: list[tuple[str, list[str]]] = []  # (subgraph id, member ids)
        self.open_groups: list[tuple[str, list[str]]] = []
        self.raw_edges: list[tuple[str, str, str, str]] = []

    def read(self, statements: Sequence[str]) -> DiagramText:
        for line in statements:
            for statement in line.split(";"):
                statement = statement.strip()
                if statement:
                    self.statement(statement)
        while self.open_groups:  # an unclosed subgraph still groups what it holds
            self.groups.append(self.open_groups.pop())
        def label(node: str) -> str:
            return self.group_titles.get(node) or self.labels.get(node) or node

        self.text.nodes = [label(node) for node in self.order if node not in self.group_titles]
        self.text.edges = [Edge(label(a), label(b), text, mark) for a, b, text, mark in self.raw_edges]
        self.text.groups = [Group(self.group_titles[g], [label(m) for m in members])
                            for g, members in self.groups if members]
        return self.text

    def statement(self, statement: str) -> None:
        if statement == "end":
            if self.open_groups:
                self.groups.append(self.open_groups.pop())
            return
        if statement.startswith("subgraph") and (len(statement) == 8 or statement[8].isspace()):
            self.subgraph(statement[8:].strip())
            return
        if _IGNORED_FLOWCHART.match(statement):
            return
        self.chain(statement)

    def subgraph(self, rest: str) -> None:
        match = re.match(r'^(?P<id>[^\s\[\]"]+)\s*(?:\[(?P<title>.*)\])?\s*$', rest)
        if rest.startswith('"') or not match:
            identifier = title = clean_label(rest)
        else:
            identifier = match["id"]
            title = clean_label(match["title"]) if match["title"] is not None else identifier
        self.group_titles[identifier] = title or identifier
        self.see(identifier)
        self.open_groups.append((identifier, []))

    def chain(self, statement: str) -> None:
        position, previous = 0, None
        while position < len(statement):
            nodes, position = self.node_group(statement, position)
            if not nodes:
                return  # not a statement this reader knows: leave the rest
            if previous is not None:
                for source in previous[0]:
                    for target in nodes:
                        self.raw_edges.append((source, target, previous[1], previous[2]))
            if position >= len(statement):
                return
            # "-- label -->" first: read as a plain edge, its "--" would end at the label.
            edge = _LABELLED_EDGE.match(statement, position) or _EDGE.match(statement, position)
            if not edge or not edge["body"]:
                return
            label = edge["label"] or ""
            mark = BOTH_WAYS if edge["head"] and edge["tail"] == ">" else ARROW if edge["tail"] else LINE
            previous = (nodes, clean_label(label), mark)
            position = edge.end()

    def node_group(self, statement: str, position: int) -> tuple[list[str], int]:
        """``A``, ``A[label]`` or ``A & B[label]`` at ``position``: their ids and where they end."""
        nodes: list[str] = []
        while True:
            while position < len(statement) and statement[position].isspace():
                position += 1
            match = _NODE_ID.match(statement, position)
            if not match:
                return nodes, position
            node, position = match.group(0), match.end()
            label, position = self.shape(statement, position)
            if statement.startswith(":::", position):
                class_name = re.match(r":::[\w-]+", statement[position:])
                position += class_name.end() if class_name else 3
            self.see(node, label)
            nodes.append(node)
            ampersand = re.match(r"\s*&\s*", statement[position:])
            if not ampersand:
                return nodes, position
            position += ampersand.end()

    @staticmethod
    def shape(statement: str, position: int) -> tuple[str | None, int]:
        for opener, closer in _SHAPES:
            if not statement.startswith(opener, position):
                continue
            start = position + len(opener)
            if statement.startswith('"', start):  # a quoted label may hold any closer
                quote_end = statement.find('"', start + 1)
                if quote_end != -1 and statement.startswith(closer, quote_end + 1):
                    return clean_label(statement[start:quote_end + 1]), quote_end + 1 + len(closer)
            end = statement.find(closer, start)
            if end != -1:
                return clean_label(statement[start:end]), end + len(closer)
        return None, position

    def see(self, node: str, label: str | None = None) -> None:
        if node not in self.labels and node not in self.group_titles:
            self.order.append(node)
            if self.open_groups and node not in self.group_titles:
                self.open_groups[-1][1].append(node)
        if label is not None or node not in self.labels:
            self.labels[node] = label if label is not None else self.labels.get(node, node)


def _flowchart(kind: str, statements: Sequence[str]) -> DiagramText:
    return _Flowchart(kind).read(statements)


# --- stateDiagram-v2 ------------------------------------------------------------------------

_STATE_TRANSITION = re.compile(r"^(?P<a>\S+)\s*-->\s*(?P<b>[^:]+?)\s*(?::\s*(?P<label>.*))?$")
_STATE_ALIAS = re.compile(r'^state\s+"(?P<label>[^"]*)"\s+as\s+(?P<id>\S+)')
_STATE_COMPOSITE = re.compile(r"^state\s+(?P<id>[^\s{]+)\s*\{$")


def _state_diagram(kind: str, statements: Sequence[str]) -> DiagramText:
    text = DiagramText(kind)
    labels: dict[str, str] = {}
    order: list[str] = []
    groups: list[tuple[str, list[str]]] = []
    open_groups: list[tuple[str, list[str]]] = []

    def see(state: str, end: bool) -> str:
        if state == "[*]":
            return strings.DIAGRAM_STATE_END if end else strings.DIAGRAM_STATE_START
        if state not in order:
            order.append(state)
            if open_groups:
                open_groups[-1][1].append(state)
        return state

    transitions = []
    for line in statements:
        if line == "}":
            if open_groups:
                groups.append(open_groups.pop())
            continue
        if alias := _STATE_ALIAS.match(line):
            labels[alias["id"]] = clean_label(alias["label"])
            see(alias["id"], False)
            continue
        if composite := _STATE_COMPOSITE.match(line):
            see(composite["id"], False)
            open_groups.append((composite["id"], []))
            continue
        if transition := _STATE_TRANSITION.match(line):
            a, b = see(transition["a"], False), see(transition["b"].strip(), True)
            transitions.append((a, b, clean_label(transition["label"] or "")))
            continue
        if ":" in line and not line.startswith(("note", "direction", "classDef", "class ", "state ")):
            state, description = line.split(":", 1)
            labels.setdefault(state.strip(), clean_label(description))
            see(state.strip(), False)
    def name(state: str) -> str:
        return labels.get(state, state)

    text.nodes = [name(state) for state in order]
    text.edges = [Edge(name(a), name(b), label) for a, b, label in transitions]
    text.groups = [Group(name(g), [name(m) for m in members]) for g, members in groups + open_groups if members]
    return text


# --- sequenceDiagram ------------------------------------------------------------------------

_PARTICIPANT = re.compile(r"^(?:create\s+)?(?:participant|actor)\s+(?P<id>.+?)(?:\s+as\s+(?P<label>.+))?$")
_MESSAGE = re.compile(r"^(?P<a>[^\s\-<>+]+(?:\s+[^\s\-<>+]+)*?)\s*(?P<arrow><<-->>|<<->>|-->>|->>|-->|->|--x|-x|--\)|-\))"
                      r"\s*[+-]?(?P<b>[^:]+?)\s*:\s*(?P<text>.*)$")
_NOTE = re.compile(r"^note\s+(?:over|left of|right of)\s+(?P<who>[^:]+?)\s*:\s*(?P<text>.*)$", re.I)


def _sequence_diagram(kind: str, statements: Sequence[str]) -> DiagramText:
    text = DiagramText(kind)
    labels: dict[str, str] = {}
    order: list[str] = []

    def see(who: str) -> str:
        who = who.strip()
        if who not in order:
            order.append(who)
        return who

    messages: list[tuple[str | None, str, str, bool]] = []
    for line in statements:
        if participant := _PARTICIPANT.match(line):
            who = see(participant["id"])
            if participant["label"]:
                labels[who] = clean_label(participant["label"])
        elif message := _MESSAGE.match(line):
            both = message["arrow"].startswith("<<")
            messages.append((see(message["a"]), see(message["b"]), clean_label(message["text"]), both))
        elif note := _NOTE.match(line):
            messages.append((None, note["who"].strip(), clean_label(note["text"]), False))
    def name(who: str) -> str:
        return labels.get(who, who)

    text.nodes = [name(who) for who in order]
    for a, b, message_text, both in messages:
        if a is None:
            text.edges.append(Edge(strings.DIAGRAM_NOTE, ", ".join(name(w.strip()) for w in b.split(",")),
                                   message_text, ":"))
        else:
            text.edges.append(Edge(name(a), name(b), message_text, BOTH_WAYS if both else ARROW))
    return text


# --- erDiagram ------------------------------------------------------------------------------

_RELATIONSHIP = re.compile(
    r"^(?P<a>[^\s{]+)\s+(?P<card>[|}o][|o]?(?:--|\.\.)[|o][|{o]?)\s+(?P<b>[^\s:]+)\s*:\s*(?P<label>.*)$"
)
_ENTITY = re.compile(r"^(?P<id>[^\s{]+)\s*\{$")


def _er_diagram(kind: str, statements: Sequence[str]) -> DiagramText:
    text = DiagramText(kind)
    in_entity = False
    for line in statements:
        if in_entity:
            in_entity = line != "}"
            continue
        if entity := _ENTITY.match(line):
            in_entity = True
            if entity["id"] not in text.nodes:
                text.nodes.append(entity["id"])
            continue
        if relationship := _RELATIONSHIP.match(line):
            for name in (relationship["a"], relationship["b"]):
                if name not in text.nodes:
                    text.nodes.append(name)
            text.edges.append(Edge(relationship["a"], relationship["b"], clean_label(relationship["label"]), LINE))
    return text


_READERS = {
    "flowchart": _flowchart,
    "flowchart-elk": _flowchart,
    "graph": _flowchart,
    "stateDiagram": _state_diagram,
    "stateDiagram-v2": _state_diagram,
    "sequenceDiagram": _sequence_diagram,
    "erDiagram": _er_diagram,
}
