"""Wrong answers, shortcuts and honest variants for assignment a02 (matrices and tensors).

Shortcuts tried here: NumPy inside the plain-Python class, the course's helpers.
What each table holds and how the suite grades it: README.md beside this file.
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

# A Matrix class that hands every operation to NumPy and converts back with tolist():
# the same outputs, none of the plain-Python arithmetic the assignment is about.
_NUMPY_CLASS = {
    "matrix_init": """\
import numpy as np


class Matrix:
    def __init__(self, rows):
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise TypeError("Matrix() expects a list of rows, each a list of numbers.")
        if any(isinstance(entry, list) for row in rows for entry in row):
            raise TypeError("The entries of a matrix must be numbers, not lists.")
        array = np.array(rows)  # NumPy complains about rows of different lengths
        if array.ndim != 2 or array.size == 0:
            raise ValueError("A matrix needs at least one row and one column.")
        if array.dtype.kind not in "iuf":
            raise TypeError("The entries of a matrix must be numbers (int or float).")
        self.rows = array.tolist()
        self.shape = array.shape

    def __repr__(self):
        return f"Matrix({self.rows!r})"
""",
    "eq_identity": """\
@add_to_class(Matrix)
def __eq__(self, other):
    if not isinstance(other, Matrix):
        return NotImplemented
    return np.array_equal(self.rows, other.rows)


@add_to_class(Matrix)
@classmethod
def identity(cls, n):
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"identity(n) needs a whole number n of at least 1, got {n!r}.")
    return cls(np.eye(n, dtype=int).tolist())
""",
    "add_sub": """\
@add_to_class(Matrix)
def __add__(self, other):
    if not isinstance(other, Matrix):
        return NotImplemented
    a, b = np.array(self.rows), np.array(other.rows)
    if a.shape != b.shape:
        raise ValueError(f"Cannot add matrices of shapes {a.shape} and {b.shape}.")
    return Matrix((a + b).tolist())


@add_to_class(Matrix)
def __sub__(self, other):
    if not isinstance(other, Matrix):
        return NotImplemented
    a, b = np.array(self.rows), np.array(other.rows)
    if a.shape != b.shape:
        raise ValueError(f"Cannot subtract matrices of shapes {a.shape} and {b.shape}.")
    return Matrix((a - b).tolist())
""",
    "scalar_mul": """\
@add_to_class(Matrix)
def __mul__(self, number):
    if isinstance(number, Matrix):
        raise TypeError("A * B is not defined for two matrices: use A @ B.")
    if isinstance(number, bool) or not isinstance(number, (int, float)):
        return NotImplemented
    return Matrix((np.array(self.rows) * number).tolist())


@add_to_class(Matrix)
def __rmul__(self, number):
    return self.__mul__(number)
""",
    "transpose": """\
@add_to_class(Matrix)
def transpose(self):
    return Matrix(np.array(self.rows).T.tolist())
""",
    "matmul": """\
@add_to_class(Matrix)
def __matmul__(self, other):
    if not isinstance(other, Matrix):
        return NotImplemented
    a, b = np.array(self.rows), np.array(other.rows)
    if a.shape[1] != b.shape[0]:
        raise ValueError(f"Cannot multiply {a.shape} @ {b.shape}: the inner sizes differ.")
    return Matrix((a @ b).tolist())
""",
}

SHORTCUTS = {
    # NumPy inside the whole class (its cells replace every solution cell, so this
    # shortcut is handed in on its own).
    "numpy_inside_the_class": {
        "cells": dict(_NUMPY_CLASS),
        "loses": [
            "test_matrix_build",
            "test_matrix_errors",
            "test_eq_identity",
            "test_add_sub_values",
            "test_add_sub_errors",
            "test_scalar_mul",
            "test_transpose",
            "test_matmul_values",
            "test_matmul_errors",
        ],
    },
    # One method at a time with NumPy, in a class built by hand.
    "eq_identity_with_numpy": {
        "cells": {"eq_identity": _NUMPY_CLASS["eq_identity"]},
        "loses": ["test_eq_identity"],
    },
    "add_sub_with_numpy": {
        "cells": {"add_sub": _NUMPY_CLASS["add_sub"]},
        "loses": ["test_add_sub_values", "test_add_sub_errors"],
    },
    "scalar_mul_with_numpy": {
        "cells": {"scalar_mul": _NUMPY_CLASS["scalar_mul"]},
        "loses": ["test_scalar_mul"],
    },
    "transpose_with_numpy": {
        "cells": {"transpose": _NUMPY_CLASS["transpose"]},
        "loses": ["test_transpose"],
    },
    # The lecture's check-yourself answer (helpers.exercises) computes the dot products.
    "matmul_from_the_course_helpers": {
        "cells": {
            "matmul": """\
from helpers.exercises.lesson02 import list_dot_product


@add_to_class(Matrix)
def __matmul__(self, other):
    if not isinstance(other, Matrix):
        return NotImplemented
    if self.shape[1] != other.shape[0]:
        raise ValueError(f"Cannot multiply {self.shape} @ {other.shape}.")
    columns = [list(column) for column in zip(*other.rows)]
    return Matrix([[list_dot_product(row, column) for column in columns] for row in self.rows])
""",
        },
        "loses": ["test_matmul_values"],
    },
}

HONEST = {
    # copy.deepcopy for the copy, and a shape read from the rows.
    "init_with_deepcopy": {
        "matrix_init": """\
import copy


class Matrix:
    def __init__(self, rows):
        if not isinstance(rows, list):
            raise TypeError(f"Matrix() expects a list of rows, got {type(rows).__name__}.")
        if not rows:
            raise ValueError("A matrix needs at least one row, got an empty list.")
        if not all(isinstance(row, list) for row in rows):
            raise TypeError("Every row must be a list of numbers (write [[1, 2, 3]]).")
        if not rows[0]:
            raise ValueError("A matrix needs at least one column, but row 0 is empty.")
        if any(len(row) != len(rows[0]) for row in rows):
            raise ValueError("All rows of a matrix must have the same length.")
        if not all(isinstance(x, int | float) for row in rows for x in row):
            raise TypeError("Every entry of a matrix must be an int or a float.")
        self.rows = copy.deepcopy(rows)
        self.shape = (len(self.rows), len(self.rows[0]))

    def __repr__(self):
        return f"Matrix({self.rows!r})"
""",
    },
    # The transpose with zip(*rows).
    "transpose_with_zip": {
        "transpose": """\
@add_to_class(Matrix)
def transpose(self):
    return Matrix([list(column) for column in zip(*self.rows)])
""",
    },
    # Three nested loops, as in the lecture, with math.fsum for the sums.
    "matmul_with_three_loops": {
        "matmul": """\
import math


@add_to_class(Matrix)
def __matmul__(self, other):
    if not isinstance(other, Matrix):
        return NotImplemented
    (m, n), (n_other, p) = self.shape, other.shape
    if n != n_other:
        raise ValueError(f"Cannot multiply {self.shape} @ {other.shape}: {n} != {n_other}.")
    product = []
    for i in range(m):
        row = []
        for j in range(p):
            row.append(math.fsum(self.rows[i][k] * other.rows[k][j] for k in range(n)))
        product.append(row)
    return Matrix(product)
""",
    },
}


# --- recorded by tests/wrong_answers/record.py: do not edit by hand ---
WRONG_LOSES = {
    "add_without_shape_check": ["test_add_sub_errors"],
    "eq_ignores_shape": ["test_eq_identity"],
    "matmul_checks_the_wrong_dimensions": ["test_matmul_errors", "test_matmul_values"],
    "matmul_rows_with_rows": ["test_matmul_errors", "test_matmul_values"],
    "mul_entrywise_for_matrices": ["test_scalar_mul"],
    "no_rmul": ["test_scalar_mul"],
    "ragged_rows_accepted": ["test_matrix_errors"],
    "rows_not_copied": ["test_matrix_build"],
    "shape_error_names_one_shape": ["test_add_sub_errors"],
    "transpose_square_only": ["test_transpose"],
}
