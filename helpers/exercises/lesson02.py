"""Lesson 02 exercises: reference answers and the cases they are checked on."""


def nested_shape(value):
    """The shape of a number or a regular nested list, as a tuple.

    [[1, 2, 3], [4, 5, 6]] -> (2, 3)
    """
    shape = []
    while isinstance(value, list):
        shape.append(len(value))
        if len(value) == 0:
            break
        value = value[0]
    return tuple(shape)


def list_dot_product(u, v):
    """The dot product of two vectors given as lists of the same length."""
    return sum(a * b for a, b in zip(u, v, strict=True))


def list_matrix_vector(matrix, vector):
    """The product A x of a matrix (a list of rows) and a vector (a list), as a list."""
    return [list_dot_product(row, vector) for row in matrix]


EXERCISES = {
    "nested_shape": (
        [
            (7,),
            ([1, 2, 3],),
            ([[1, 2, 3], [4, 5, 6]],),
            ([[[0, 1], [2, 3], [4, 5]], [[6, 7], [8, 9], [10, 11]]],),
            ([[5]],),
            ([],),
            ([[[[1.5]]]],),
        ],
        nested_shape,
    ),
    "list_dot_product": (
        [
            ([1, 2, 3], [4, 5, 6]),
            ([1, 0], [0, 1]),
            ([2], [-3]),
            ([0.5, 0.25, 2.0], [4.0, 8.0, 0.5]),
            ([], []),
            ([1, -1, 1, -1], [3, 3, 3, 3]),
        ],
        list_dot_product,
    ),
    "list_matrix_vector": (
        [
            ([[1, 2], [3, 4]], [1, 1]),
            ([[1, 0, 0], [0, 1, 0], [0, 0, 1]], [7, 8, 9]),
            ([[2, -1, 0]], [1, 2, 3]),
            ([[1], [2], [3]], [5]),
            ([[0, -1], [1, 0]], [1, 0]),
            ([[1, 2, 3], [4, 5, 6]], [1, 0, -1]),
        ],
        list_matrix_vector,
    ),
}
