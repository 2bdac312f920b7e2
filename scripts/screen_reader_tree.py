"""The grid of Bulksheet's window as AT-SPI gives it to a screen reader (run by
scripts/screen-reader-tree.sh, inside the window's accessibility bus).

    screen_reader_tree.py            the first rows' first cells: role | name | description | states
    screen_reader_tree.py --wait     waits until the window's grid is there
    screen_reader_tree.py --focused  the name of the cell that has the focus (--long: its line)
    screen_reader_tree.py --said     what the window's live regions say
"""

import sys
import time

import pyatspi

GRID_NAMES = ("Sheet", "シート")
ROWS = 5
CELLS = 4


def window():
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.name.lower().startswith("bulksheet"):
            for w in app:
                return w
    return None


def walk(node, depth=0, limit=40):
    """Every node under `node`, parents first (rows of the grid included)."""
    yield node
    if depth >= limit:
        return
    for child in node:
        if child is not None:
            yield from walk(child, depth + 1, limit)


def grid():
    w = window()
    if w is None:
        return None
    for node in walk(w):
        if node.getRoleName() == "table" and node.name in GRID_NAMES:
            return node
    return None


def states(node):
    return ",".join(sorted(s.value_nick for s in node.getState().getStates()))


def line(node):
    return f"{node.getRoleName()} | {node.name} | {node.description} | {states(node)}"


def focused(table):
    for row in table:
        for cell in row:
            if cell.getState().contains(pyatspi.STATE_FOCUSED):
                return cell
    return None


def main(args):
    if "--wait" in args:
        for _ in range(120):
            if grid() is not None:
                return 0
            time.sleep(0.25)
        print("no grid on the accessibility bus", file=sys.stderr)
        return 1
    if "--said" in args:
        time.sleep(0.5)
        for node in window():
            if node is not None and node.getRoleName() == "status bar":
                print(f"said: {node.name}")
        return 0
    table = grid()
    if table is None:
        print("no grid on the accessibility bus", file=sys.stderr)
        return 1
    if "--focused" in args:
        cell = focused(table)
        if cell is not None:
            print(line(cell) if "--long" in args else cell.name)
        return 0
    print(line(table))
    for row in list(table)[:ROWS]:
        print(f"  {row.getRoleName()} | {states(row)}")
        for cell in list(row)[:CELLS]:
            print(f"    {line(cell)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
