from helpers import tables


def test_text_table_aligns_titles_rows_and_the_total():
    text = tables.text_table(
        [("name", "<6"), ("units", ">5"), ("parameters", ">10,"), ("inputs", "")],
        [("dense", 10, 1290, "x"), ("flat", None, 0, "-")],
        total=(2, 1290),
    )
    assert text.splitlines() == [
        "name   units parameters  inputs",
        "dense     10      1,290  x",
        "flat    None          0  -",
        "total             1,290",
    ]


def test_text_table_without_a_total():
    assert tables.text_table([("a", "<3")], [("x",)]) == "a  \nx  "
