"""Plausible wrong answers to assignment a02 (matrices and tensors); each must lose points.

``WRONG_ANSWERS`` maps a label (what the student got wrong) to a dict from the
``grade_id`` of a solution cell in ``solutions/a02/a02_matrices_and_tensors.ipynb`` to
the full source a student might have typed into that cell.  ``tests/test_assignments.py``
hands in the release with every other solution cell answered correctly and these
cells replaced, autogrades it, and checks that the score is below full marks.
"""

# The constructor of task 1, correct, for wrong answers that only change one detail.
_INIT_HEAD = """\
class Matrix:
    def __repr__(self):
        return f"Matrix({self.rows!r})"

    def __init__(self, rows):
        if not isinstance(rows, list):
            raise TypeError("Matrix() expects a list of rows.")
        if not rows:
            raise ValueError("A matrix needs at least one row.")
"""

WRONG_ANSWERS = {
    # Takes the width from the first row and never compares the others: ragged rows pass.
    "ragged_rows_accepted": {
        "matrix_init": _INIT_HEAD
        + """\
        for row in rows:
            if not isinstance(row, list):
                raise TypeError("Each row must be a list of numbers.")
            for entry in row:
                if not isinstance(entry, (int, float)):
                    raise TypeError("Entries must be numbers.")
        if not rows[0]:
            raise ValueError("A matrix needs at least one column.")
        self.rows = [list(row) for row in rows]
        self.shape = (len(rows), len(rows[0]))
""",
    },
    # Keeps the caller's list itself: changing that list later changes the matrix.
    "rows_not_copied": {
        "matrix_init": """\
class Matrix:
    def __init__(self, rows):
        if not isinstance(rows, list):
            raise TypeError("Matrix() expects a list of rows.")
        if len(rows) == 0 or len(rows[0]) == 0:
            raise ValueError("A matrix needs at least one row and one column.")
        for row in rows:
            if not isinstance(row, list):
                raise TypeError("Each row must be a list of numbers.")
            if len(row) != len(rows[0]):
                raise ValueError("All rows must have the same length.")
            for entry in row:
                if not isinstance(entry, (int, float)):
                    raise TypeError("Entries must be numbers.")
        self.rows = rows
        self.shape = (len(rows), len(rows[0]))

    def __repr__(self):
        return f"Matrix({self.rows!r})"
""",
    },
    # Compares the entries read row by row and forgets the shape: [[1, 2]] == [[1], [2]].
    "eq_ignores_shape": {
        "eq_identity": """\
@add_to_class(Matrix)
def __eq__(self, other):
    if not isinstance(other, Matrix):
        return NotImplemented
    flat = [x for row in self.rows for x in row]
    other_flat = [x for row in other.rows for x in row]
    return flat == other_flat


@add_to_class(Matrix)
@classmethod
def identity(cls, n):
    if not isinstance(n, int) or n < 1:
        raise ValueError(f"n must be a positive whole number, got {n!r}.")
    return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])
""",
    },
    # No shape check: zip silently stops at the shorter row, so mismatches give a result.
    "add_without_shape_check": {
        "add_sub": """\
@add_to_class(Matrix)
def __add__(self, other):
    if not isinstance(other, Matrix):
        return NotImplemented
    return Matrix([[a + b for a, b in zip(r, s)] for r, s in zip(self.rows, other.rows)])


@add_to_class(Matrix)
def __sub__(self, other):
    if not isinstance(other, Matrix):
        return NotImplemented
    return Matrix([[a - b for a, b in zip(r, s)] for r, s in zip(self.rows, other.rows)])
""",
    },
    # Raises the right error, but its message names only one of the two shapes.
    "shape_error_names_one_shape": {
        "add_sub": """\
@add_to_class(Matrix)
def __add__(self, other):
    if not isinstance(other, Matrix):
        return NotImplemented
    if self.shape != other.shape:
        raise ValueError(f"The other matrix should have shape {self.shape}.")
    return Matrix([[a + b for a, b in zip(r, s)] for r, s in zip(self.rows, other.rows)])


@add_to_class(Matrix)
def __sub__(self, other):
    if not isinstance(other, Matrix):
        return NotImplemented
    if self.shape != other.shape:
        raise ValueError(f"The other matrix should have shape {self.shape}.")
    return Matrix([[a - b for a, b in zip(r, s)] for r, s in zip(self.rows, other.rows)])
""",
    },
    # Only __mul__: A * 2 works, 2 * A raises TypeError.
    "no_rmul": {
        "scalar_mul": """\
@add_to_class(Matrix)
def __mul__(self, number):
    if not isinstance(number, (int, float)):
        return NotImplemented
    return Matrix([[number * x for x in row] for row in self.rows])
""",
    },
    # Multiplies two matrices entry by entry, as NumPy's * does, instead of refusing.
    "mul_entrywise_for_matrices": {
        "scalar_mul": """\
@add_to_class(Matrix)
def __mul__(self, other):
    if isinstance(other, Matrix):
        return Matrix([[a * b for a, b in zip(r, s)] for r, s in zip(self.rows, other.rows)])
    if not isinstance(other, (int, float)):
        return NotImplemented
    return Matrix([[other * x for x in row] for row in self.rows])


@add_to_class(Matrix)
def __rmul__(self, number):
    return self.__mul__(number)
""",
    },
    # Loops over the number of rows for both indices: right for square matrices only.
    "transpose_square_only": {
        "transpose": """\
@add_to_class(Matrix)
def transpose(self):
    n = len(self.rows)
    return Matrix([[self.rows[i][j] for i in range(n)] for j in range(n)])
""",
    },
    # Pairs row i of A with ROW j of B (not column j): that computes A @ B.T.
    "matmul_rows_with_rows": {
        "matmul": """\
@add_to_class(Matrix)
def __matmul__(self, other):
    if not isinstance(other, Matrix):
        return NotImplemented
    if self.shape[1] != other.shape[0]:
        raise ValueError(f"Cannot multiply {self.shape} @ {other.shape}.")
    return Matrix(
        [[sum(a * b for a, b in zip(row, r)) for r in other.rows] for row in self.rows]
    )
""",
    },
    # Checks that the two matrices have the same shape instead of columns == rows.
    "matmul_checks_the_wrong_dimensions": {
        "matmul": """\
@add_to_class(Matrix)
def __matmul__(self, other):
    if not isinstance(other, Matrix):
        return NotImplemented
    if self.shape[0] != other.shape[0]:
        raise ValueError(f"Cannot multiply {self.shape} @ {other.shape}.")
    columns = list(zip(*other.rows))
    return Matrix([[sum(a * b for a, b in zip(row, col)) for col in columns] for row in self.rows])
""",
    },
}
