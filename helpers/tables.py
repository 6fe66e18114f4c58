"""Text tables: fixed-width columns a notebook prints, one home for their layout.

Contract: ``columns`` is a list of ``(title, spec)`` pairs, ``spec`` a format spec
such as ``"<10"`` (left, 10 wide) or ``">11,"`` (right, 11 wide, thousands
grouped).  Columns are separated by one space; a column whose spec is ``""`` takes
the rest of the line after two spaces.  Titles are aligned like their column (the
``,`` applies to numbers only); ``None`` prints as ``None``.
"""


def _cell(value, spec):
    if isinstance(value, bool) or not isinstance(value, int | float):
        value, spec = str(value), spec.replace(",", "")
    return format(value, spec)


def _line(columns, cells):
    parts = []
    for k, ((_, spec), cell) in enumerate(zip(columns, cells, strict=True)):
        separator = "" if k == 0 else "  " if spec == "" else " "
        parts.append(separator + _cell(cell, spec))
    return "".join(parts)


def text_table(columns, rows, total=None):
    """The table as one string: a header line, one line per row, then the total.

    ``total`` is ``(column, value)``: the word "total" fills the columns before
    ``column`` and ``value`` is printed in it, aligned with the numbers above.

    >>> print(text_table([("layer", "<6"), ("parameters", ">10,")], [("dense", 1290)], (1, 1290)))
    layer  parameters
    dense       1,290
    total       1,290
    """
    lines = [_line(columns, [title for title, _ in columns])]
    lines += [_line(columns, row) for row in rows]
    if total is not None:
        column, value = total
        width = sum(int(spec.strip("<>^,")) + 1 for _, spec in columns[:column]) - 1
        lines.append(f"{'total':<{width}} " + _cell(value, columns[column][1]))
    return "\n".join(lines)
