"""Write the ONNX graph of the NER network's recurrence and output layer (``src/marsad/models/ner_lstm.onnx``).

Usage: ``python scripts/build_ner_onnx.py [OUT]`` (needs the ``onnx`` package, in the dev extra; the
product needs only onnxruntime to run the file).

The graph holds no weights: it is the LSTM step loop of :func:`marsad.extract.ner.neural.recurrence`
(an ONNX ``Scan``), fed at run time with the input projections of every distinct input row ``P``
((rows * K, 4H): row r's projection for layer k at r * K + k), the row that each of the K
recurrent layers reads at each step of each sentence ``rows`` ((T, K, B) int64, into ``P``) and the
recurrent weights ``w_hh`` ((K, H, 4H), gate columns ordered input, forget, output, cell), and each layer's
share of the output layer ``out_w`` ((K, H, tags): the rows of the linear layer that read that layer's states).
It returns each layer's tag scores ``scores`` (T, K, B, tags), the hidden states times ``out_w``, computed in
each step (the bias and the sum over layers are left to the caller, which puts the backward layers' steps back
in reading order first): the hidden states are never gathered into a (T, K, B, H) array, nor leave the graph.
The bytes depend on this script alone (no time stamp, fixed producer), so a rebuild is byte-identical.
"""

from __future__ import annotations

import sys
from pathlib import Path

import onnx
from onnx import TensorProto, helper

OUT = Path(__file__).resolve().parents[1] / "src" / "marsad" / "models" / "ner_lstm.onnx"
OPSET = 18  # Split with num_outputs


def _step() -> onnx.GraphProto:
    """One LSTM step over every layer and sentence: states (K, B, H), inputs gathered from the outer ``P``, and the
    new states' tag scores (K, B, tags) through the outer ``out_w``."""
    state = ["K", "B", "H"]
    nodes = [
        helper.make_node("Gather", ["P", "rows_t"], ["x"], axis=0),  # (K, B, 4H)
        helper.make_node("MatMul", ["h_in", "w_hh"], ["hw"]),
        helper.make_node("Add", ["hw", "x"], ["gates"]),
        helper.make_node("Split", ["gates", "gate_sizes"], ["ifo", "cell_in"], axis=2),
        helper.make_node("Sigmoid", ["ifo"], ["ifo_s"]),
        helper.make_node("Split", ["ifo_s"], ["i", "f", "o"], axis=2, num_outputs=3),
        helper.make_node("Tanh", ["cell_in"], ["g"]),
        helper.make_node("Mul", ["f", "c_in"], ["kept"]),
        helper.make_node("Mul", ["i", "g"], ["added"]),
        helper.make_node("Add", ["kept", "added"], ["c_out"]),
        helper.make_node("Tanh", ["c_out"], ["c_tanh"]),
        helper.make_node("Mul", ["o", "c_tanh"], ["h_out"]),
        # the step's states through each layer's share of the output layer: (K, B, H) @ (K, H, tags)
        helper.make_node("MatMul", ["h_out", "out_w"], ["scores_t"]),
    ]
    return helper.make_graph(
        nodes, "step",
        [helper.make_tensor_value_info("h_in", TensorProto.FLOAT, state),
         helper.make_tensor_value_info("c_in", TensorProto.FLOAT, state),
         helper.make_tensor_value_info("rows_t", TensorProto.INT64, ["K", "B"])],
        [helper.make_tensor_value_info("h_out", TensorProto.FLOAT, state),
         helper.make_tensor_value_info("c_out", TensorProto.FLOAT, state),
         helper.make_tensor_value_info("scores_t", TensorProto.FLOAT, ["K", "B", "L"])],
    )


def graph() -> onnx.ModelProto:
    """The recurrence as one model: zero initial states, the gate split sizes (3H, H) from ``w_hh``'s shape, a Scan
    whose steps also apply the output layer's weights."""
    int64 = TensorProto.INT64
    nodes = [
        helper.make_node("Shape", ["w_hh"], ["w_shape"]),
        helper.make_node("Shape", ["rows"], ["rows_shape"]),
        # (K, B, H): K and H from w_hh's shape, B from rows'
        helper.make_node("Gather", ["w_shape", "at0"], ["k"], axis=0),
        helper.make_node("Gather", ["rows_shape", "at2"], ["b"], axis=0),
        helper.make_node("Gather", ["w_shape", "at1"], ["h"], axis=0),
        helper.make_node("Concat", ["k", "b", "h"], ["state_shape"], axis=0),
        helper.make_node("ConstantOfShape", ["state_shape"], ["zeros"],
                         value=helper.make_tensor("zero", TensorProto.FLOAT, [1], [0.0])),
        helper.make_node("Mul", ["h", "three"], ["h3"]),
        helper.make_node("Concat", ["h3", "h"], ["gate_sizes"], axis=0),
        helper.make_node("Scan", ["zeros", "zeros", "rows"], ["h_last", "c_last", "scores"],
                         num_scan_inputs=1, body=_step()),
    ]
    constants = [
        helper.make_tensor("at0", int64, [1], [0]), helper.make_tensor("at1", int64, [1], [1]),
        helper.make_tensor("at2", int64, [1], [2]), helper.make_tensor("three", int64, [1], [3]),
    ]
    main = helper.make_graph(
        nodes, "ner_lstm",
        [helper.make_tensor_value_info("P", TensorProto.FLOAT, ["R", "G"]),
         helper.make_tensor_value_info("rows", int64, ["T", "K", "B"]),
         helper.make_tensor_value_info("w_hh", TensorProto.FLOAT, ["K", "H", "G"]),
         helper.make_tensor_value_info("out_w", TensorProto.FLOAT, ["K", "H", "L"])],
        [helper.make_tensor_value_info("scores", TensorProto.FLOAT, ["T", "K", "B", "L"])],
        initializer=constants,
    )
    model = helper.make_model(main, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="marsad")
    model.ir_version = 8  # readable by onnxruntime 1.14 on
    onnx.checker.check_model(model, full_check=True)
    return model


def main() -> None:
    """Write the graph to OUT (or the path given)."""
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    out.write_bytes(graph().SerializeToString(deterministic=True))


if __name__ == "__main__":
    main()
