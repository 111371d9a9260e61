#!/usr/bin/python3
"""Builds the small ONNX test models in datasets/onnx/ (and, with --torchvision DIR, large torchvision models).

Run with Debian bookworm's python3 (python3-onnx 1.12.0, python3-torch 1.13.1, python3-torchvision 0.14.1):

    /usr/bin/python3 datasets/tools/export_onnx.py                      # the committed test models
    /usr/bin/python3 datasets/tools/export_onnx.py --torchvision /work/onnx-models   # resnet50, inception_v3, vit_b_16

Every model is exported with a fixed seed and random (tiny) weights, then run through onnx.shape_inference so that
graph.value_info holds the shape of every intermediate value (the C# reader sizes tensors from it). Nothing is
downloaded: torchvision models are built with weights=None.
"""
import argparse
import io
import os

import onnx
import torch
from onnx import TensorProto, helper, shape_inference
from torch import nn

OPSET = 13


def save(model: onnx.ModelProto, path: str, data_prop: bool = False) -> None:
    # data_prop evaluates small shape computations (Shape/Gather/Concat...) so that e.g. the Slice of a traced
    # nn.MultiheadAttention gets a rank; the committed tiny models do not need it.
    inferred = shape_inference.infer_shapes(model, check_type=True, strict_mode=True, data_prop=data_prop)
    onnx.checker.check_model(inferred)
    onnx.save(inferred, path)
    print(f"{path}: {len(inferred.graph.node)} nodes, {os.path.getsize(path)} bytes")


def export(module: nn.Module, args, path: str, dynamic_axes=None, input_names=None, output_names=None,
           grad: bool = False, data_prop: bool = False) -> None:
    # grad=True keeps autograd on while tracing: torch 1.13's nn.MultiheadAttention then skips its fused fast path
    # (aten::_native_multi_head_attention), which has no ONNX export. The exported graph is the same inference graph.
    module.eval()
    buffer = io.BytesIO()
    with torch.set_grad_enabled(grad):
        torch.onnx.export(module, args, buffer, opset_version=OPSET, do_constant_folding=True,
                          input_names=input_names, output_names=output_names, dynamic_axes=dynamic_axes)
    save(onnx.load_from_string(buffer.getvalue()), path, data_prop)


class Inception(nn.Module):
    """A tiny Inception-v1-style CNN: a stem, two 4-branch cells (1x1, 1x1-3x3, 1x1-5x5, pool-1x1), a head."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU())
        self.cells = nn.ModuleList([self._cell(8), self._cell(16)])
        self.head = nn.Linear(16, 10)

    @staticmethod
    def _cell(c):
        return nn.ModuleList([
            nn.Sequential(nn.Conv2d(c, 4, 1), nn.ReLU()),
            nn.Sequential(nn.Conv2d(c, 4, 1), nn.ReLU(), nn.Conv2d(4, 4, 3, padding=1), nn.ReLU()),
            nn.Sequential(nn.Conv2d(c, 2, 1), nn.ReLU(), nn.Conv2d(2, 4, 5, padding=2), nn.ReLU()),
            nn.Sequential(nn.MaxPool2d(3, 1, 1), nn.Conv2d(c, 4, 1), nn.ReLU()),
        ])

    def forward(self, x):
        x = self.stem(x)
        for cell in self.cells:
            x = torch.cat([branch(x) for branch in cell], dim=1)
        return self.head(x.mean(dim=(2, 3)))


class Encoder(nn.Module):
    """A tiny Transformer encoder (2 layers, d_model 32, 4 heads), written out so no fused fast path is traced."""

    def __init__(self, d=32, heads=4, layers=2):
        super().__init__()
        self.heads = heads
        self.layers = nn.ModuleList([nn.ModuleDict({
            "ln1": nn.LayerNorm(d), "qkv": nn.Linear(d, 3 * d), "proj": nn.Linear(d, d),
            "ln2": nn.LayerNorm(d), "fc1": nn.Linear(d, 4 * d), "fc2": nn.Linear(4 * d, d),
        }) for _ in range(layers)])

    def forward(self, x):  # x: [1, seq, d]
        b, s, d = x.shape
        h = self.heads
        for layer in self.layers:
            q, k, v = layer["qkv"](layer["ln1"](x)).split(d, dim=-1)
            q, k, v = (t.reshape(b, s, h, d // h).transpose(1, 2) for t in (q, k, v))
            att = torch.softmax(q @ k.transpose(-2, -1) / (d // h) ** 0.5, dim=-1)
            x = x + layer["proj"]((att @ v).transpose(1, 2).reshape(b, s, d))
            x = x + layer["fc2"](torch.relu(layer["fc1"](layer["ln2"](x))))
        return x


class SplitNet(nn.Module):
    """One Split node with three outputs of different widths, each consumed by its own branch."""

    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(12, 12)

    def forward(self, x):
        a, b, c = torch.split(self.fc(x), [2, 4, 6], dim=1)
        return torch.cat([torch.relu(a), torch.sigmoid(b), torch.tanh(c)], dim=1)


class BatchMlp(nn.Module):
    """An MLP whose batch dimension is symbolic ('batch') in the exported model."""

    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 8))

    def forward(self, x):
        return self.net(x)


def constant_model() -> onnx.ModelProto:
    """Hand-built: y = relu(x * c) + b, with c from a Constant node and b an initializer; two graph outputs."""
    c = helper.make_tensor("c_value", TensorProto.FLOAT, [2, 3], [0.5, 1, 1.5, 2, 2.5, 3])
    nodes = [
        helper.make_node("Constant", [], ["c"], name="const_c", value=c),
        helper.make_node("Mul", ["x", "c"], ["xc"], name="mul"),
        helper.make_node("Relu", ["xc"], ["r"], name="relu"),
        helper.make_node("Add", ["r", "b"], ["y"], name="add"),
        helper.make_node("Cast", ["xc"], ["xc_half"], name="cast", to=TensorProto.FLOAT16),
    ]
    graph = helper.make_graph(
        nodes, "constant_net",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 3])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [2, 3]),
         helper.make_tensor_value_info("xc_half", TensorProto.FLOAT16, [2, 3])],
        [helper.make_tensor("b", TensorProto.FLOAT, [3], [1, 2, 3])])
    model = helper.make_model(graph, producer_name="scheduler-export_onnx",
                              opset_imports=[helper.make_opsetid("", OPSET)])
    model.doc_string = "Constant node test model"
    helper.set_model_props(model, {"purpose": "test", "source": "datasets/tools/export_onnx.py"})
    return model


def if_model() -> onnx.ModelProto:
    """Hand-built: an If whose branches capture outer values (w, h) without listing them as node inputs."""
    then_graph = helper.make_graph(
        [helper.make_node("Add", ["h", "w"], ["t_out"], name="then_add")], "then_branch", [],
        [helper.make_tensor_value_info("t_out", TensorProto.FLOAT, [4])])
    else_graph = helper.make_graph(
        [helper.make_node("Mul", ["h", "h"], ["e_out"], name="else_mul")], "else_branch", [],
        [helper.make_tensor_value_info("e_out", TensorProto.FLOAT, [4])])
    nodes = [
        helper.make_node("Relu", ["x"], ["h"], name="relu"),
        helper.make_node("ReduceSum", ["x"], ["s"], name="sum", keepdims=0),
        helper.make_node("Greater", ["s", "zero"], ["cond"], name="gt"),
        helper.make_node("Neg", ["x"], ["w"], name="neg"),
        helper.make_node("If", ["cond"], ["y"], name="if", then_branch=then_graph, else_branch=else_graph),
    ]
    graph = helper.make_graph(
        nodes, "if_net", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [4])],
        [helper.make_tensor("zero", TensorProto.FLOAT, [], [0.0])])
    return helper.make_model(graph, producer_name="scheduler-export_onnx",
                             opset_imports=[helper.make_opsetid("", OPSET)])


def committed(out: str) -> None:
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(0)
    export(Inception(), torch.randn(1, 3, 16, 16), f"{out}/tiny_inception.onnx", input_names=["image"],
           output_names=["logits"])
    export(Encoder(), torch.randn(1, 8, 32), f"{out}/tiny_transformer.onnx", input_names=["tokens"],
           output_names=["hidden"])
    export(SplitNet(), torch.randn(1, 12), f"{out}/split.onnx", input_names=["x"], output_names=["y"])
    export(BatchMlp(), torch.randn(2, 16), f"{out}/batch_mlp.onnx", input_names=["x"], output_names=["y"],
           dynamic_axes={"x": {0: "batch"}, "y": {0: "batch"}})
    save(constant_model(), f"{out}/constant.onnx")
    save(if_model(), f"{out}/if_capture.onnx")


def _vit_forward(self, x):
    """torchvision 0.14's VisionTransformer.forward without the class-token expand at batch 1. The original
    class_token.expand(n, -1, -1) exports as a Shape/Where (or ConstantOfShape) chain feeding Expand that ONNX 1.12
    shape inference cannot evaluate, leaving the Expand and the following Concat without a shape. At batch 1 the
    expand is the identity, so both forwards compute the same thing."""
    x = self._process_input(x)
    n = int(x.shape[0])
    token = self.class_token if n == 1 else self.class_token.expand(n, -1, -1)
    x = torch.cat([token, x], dim=1)
    x = self.encoder(x)
    return self.heads(x[:, 0])


def _static_in_projection_packed(original):
    """torch 1.13's F._in_projection_packed with the self-attention chunk(3) done as split([E, E, E]) with a constant
    E. chunk exports as Slices whose ends come from a Shape/Gather/Div chain that ONNX 1.12 shape inference cannot
    evaluate (36 rankless values in vit_b_16); a constant split gives a Split with known output shapes. Same values."""
    def packed(q, k, v, w, b=None):
        if q is k and k is v:
            e = int(q.shape[-1])
            return list(torch.nn.functional.linear(q, w, b).split([e, e, e], dim=-1))
        return original(q, k, v, w, b)
    return packed


def torchvision_models(out: str) -> None:
    import torchvision
    os.makedirs(out, exist_ok=True)
    for name, size in (("resnet50", 224), ("inception_v3", 299), ("vit_b_16", 224)):
        torch.manual_seed(0)
        kwargs = {"init_weights": True, "aux_logits": False} if name == "inception_v3" else {}
        model = getattr(torchvision.models, name)(weights=None, **kwargs)
        if name.startswith("vit"):
            model.forward = _vit_forward.__get__(model)
            torch.nn.functional._in_projection_packed = _static_in_projection_packed(
                torch.nn.functional._in_projection_packed)
        export(model, torch.randn(1, 3, size, size), f"{out}/{name}.onnx", input_names=["image"],
               output_names=["logits"], grad=name.startswith("vit"), data_prop=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--out", default=os.path.join(here, "..", "onnx"))
    parser.add_argument("--torchvision", metavar="DIR", help="also export resnet50, inception_v3, vit_b_16 to DIR")
    args = parser.parse_args()
    committed(os.path.normpath(args.out))
    if args.torchvision:
        torchvision_models(args.torchvision)


if __name__ == "__main__":
    main()
