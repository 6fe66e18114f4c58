"""A Keras model as a graph: its rows, a text table and a drawing (lesson 11)."""

from helpers.tables import text_table

# --- a model as a graph --------------------------------------------------------------


def _history_names(node):
    """The names of the layers whose outputs appear in a config's inbound node."""
    if isinstance(node, dict):
        history = node.get("config", {}).get("keras_history") if "class_name" in node else None
        if history is not None:
            return [history[0]]
        return [name for value in node.values() for name in _history_names(value)]
    if isinstance(node, list | tuple):
        return [name for value in node for name in _history_names(value)]
    return []


def layer_graph(model):
    """One dict a layer of a Keras model, inputs included, in the model's order.

    Each row has ``name``, ``kind`` (the layer class), ``inputs`` (the names of
    the layers that feed it), ``shape`` (its output shape, ``None`` for the
    batch) and ``parameters``.  Works for ``Sequential`` models (each layer is
    fed by the one before) and functional ones (read from the model's config).
    """
    if not hasattr(model, "get_config") or not hasattr(model, "layers"):
        raise TypeError(f"layer_graph() expects a Keras model, got {type(model).__name__}.")
    entries = model.get_config().get("layers")
    if not entries:
        raise ValueError("layer_graph() needs a model built on a keras.Input (it has no layers).")
    layers = {layer.name: layer for layer in model.layers}
    rows, previous = [], None
    for entry in entries:
        config = entry["config"]
        name, kind = config["name"], entry["class_name"]
        if kind == "InputLayer":
            shape, parameters = tuple(config["batch_shape"]), 0
        else:
            layer = layers[name]
            shape, parameters = tuple(layer.output.shape), int(layer.count_params())
        if "inbound_nodes" in entry:
            inputs = _history_names(entry["inbound_nodes"])
        else:
            inputs = [previous] if previous is not None else []
        rows.append(
            {"name": name, "kind": kind, "inputs": inputs, "shape": shape, "parameters": parameters}
        )
        previous = name
    return rows


def _rows(graph):
    rows = layer_graph(graph) if hasattr(graph, "get_config") else list(graph)
    needed = {"name", "kind", "inputs", "shape", "parameters"}
    if not rows or not all(isinstance(r, dict) and needed <= set(r) for r in rows):
        raise ValueError(
            "Expected a Keras model or the rows of layer_graph(model): dicts with "
            f"{', '.join(sorted(needed))}."
        )
    return rows


def _shape_text(shape):
    return "(" + ", ".join("None" if s is None else str(s) for s in shape) + ")"


def describe_graph(graph):
    """A text table of a model's layers (a model or :func:`layer_graph`'s rows).

    One line a layer: its name, kind, output shape, parameters and the layers it
    reads from; then the total.
    """
    rows = _rows(graph)
    columns = [("layer", "<10"), ("kind", "<12"), ("output shape", "<13")]
    columns += [("parameters", ">10,"), ("inputs", "")]
    cells = [
        (
            r["name"],
            r["kind"],
            _shape_text(r["shape"]),
            r["parameters"],
            ", ".join(r["inputs"]) or "-",
        )
        for r in rows
    ]
    return text_table(columns, cells, total=(3, sum(r["parameters"] for r in rows)))


def graph_depths(graph):
    """How far each layer is from the inputs: 0 for an input, else 1 + its deepest input."""
    rows = _rows(graph)
    depth = {}
    for row in rows:
        missing = [name for name in row["inputs"] if name not in depth]
        if missing:
            raise ValueError(f"Layer {row['name']!r} reads {missing[0]!r}, which comes later.")
        depth[row["name"]] = 1 + max((depth[n] for n in row["inputs"]), default=-1)
    return depth


def draw_graph(graph, title=None):
    """The model as boxes (layers) and arrows (tensors), inputs at the top.

    Each box shows the layer's name, kind, output shape and parameter count;
    ``keras.utils.plot_model`` draws the same but needs pydot and graphviz.
    """
    from matplotlib.figure import Figure

    rows = _rows(graph)
    depth = graph_depths(rows)
    levels = max(depth.values()) + 1
    by_level = [[r for r in rows if depth[r["name"]] == level] for level in range(levels)]
    width = max(len(level) for level in by_level)
    position = {}
    for level, members in enumerate(by_level):
        for i, row in enumerate(members):
            position[row["name"]] = ((i + 0.5) * width / len(members), -level)
    fig = Figure(figsize=(2.6 * width + 0.6, 1.05 * levels + 0.3))
    ax = fig.subplots()
    for row in rows:
        x, y = position[row["name"]]
        for name in row["inputs"]:
            x0, y0 = position[name]
            ax.annotate(
                "",
                xy=(x, y + 0.28),
                xytext=(x0, y0 - 0.28),
                arrowprops={"arrowstyle": "->", "color": "0.35"},
            )
        colour = "#dde8f5" if row["kind"] == "InputLayer" else "#f6f6f6"
        text = (
            f"{row['name']} · {row['kind']}\n"
            f"{_shape_text(row['shape'])} · {row['parameters']:,} params"
        )
        ax.text(
            x,
            y,
            text,
            ha="center",
            va="center",
            fontsize=8.5,
            bbox={"boxstyle": "round,pad=0.4", "facecolor": colour, "edgecolor": "0.4"},
        )
    ax.set(xlim=(0, width), ylim=(-levels + 0.5, 0.5))
    ax.axis("off")
    if title:
        ax.set_title(title)
    return fig
