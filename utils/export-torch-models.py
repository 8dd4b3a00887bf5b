#!/usr/bin/python3
"""Exports real model architectures to ONNX with PyTorch, for tests.

Weights are random with a fixed seed; batch-norm statistics and parameters
initialized to zero are randomized so that they matter. Next to each MODEL.onnx it writes
MODEL.input.npy and MODEL.output.npy (PyTorch's output for that input), for
end-to-end comparisons.

  utils/export-torch-models.py --out build/models [MODEL ...]
"""
import argparse
import os
import sys

import numpy as np
import torch
from torch import nn


class BertEncoder(nn.Module):
    """A BERT-style encoder: token + position embeddings, post-norm layers."""

    def __init__(self, vocab=1000, d_model=256, heads=4, layers=4, seq=128):
        super().__init__()
        self.tokens = nn.Embedding(vocab, d_model)
        self.positions = nn.Parameter(torch.randn(1, seq, d_model) * 0.02)
        layer = nn.TransformerEncoderLayer(d_model, heads, 4 * d_model,
                                           dropout=0.0, activation="gelu",
                                           batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, layers)
        self.norm = nn.LayerNorm(d_model)

    def forward(self, ids):
        return self.norm(self.encoder(self.tokens(ids) + self.positions))


class LSTMClassifier(nn.Module):
    def __init__(self, features=32, hidden=64, classes=10):
        super().__init__()
        self.lstm = nn.LSTM(features, hidden, num_layers=2, batch_first=True)
        self.head = nn.Linear(hidden, classes)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(out[:, -1])


def torchvision_model(name):
    import torchvision
    return lambda: getattr(torchvision.models, name)(weights=None)


def small_vit():
    """torchvision's ViT architecture at a test-friendly size (vit_b_16 is 330 MB)."""
    from torchvision.models.vision_transformer import VisionTransformer
    return VisionTransformer(image_size=224, patch_size=16, num_layers=4, num_heads=4,
                             hidden_dim=256, mlp_dim=512)


# name -> (constructor, example input)
MODELS = {
    "resnet50": (torchvision_model("resnet50"), lambda: torch.randn(1, 3, 224, 224)),
    "mobilenet_v2": (torchvision_model("mobilenet_v2"), lambda: torch.randn(1, 3, 224, 224)),
    "efficientnet_b0": (torchvision_model("efficientnet_b0"), lambda: torch.randn(1, 3, 224, 224)),
    "densenet121": (torchvision_model("densenet121"), lambda: torch.randn(1, 3, 224, 224)),
    "squeezenet1_0": (torchvision_model("squeezenet1_0"), lambda: torch.randn(1, 3, 224, 224)),
    "shufflenet_v2_x1_0": (torchvision_model("shufflenet_v2_x1_0"), lambda: torch.randn(1, 3, 224, 224)),
    "vit": (small_vit, lambda: torch.randn(1, 3, 224, 224)),
    "bert_encoder": (BertEncoder, lambda: torch.randint(0, 1000, (1, 128))),
    "lstm": (LSTMClassifier, lambda: torch.randn(1, 20, 32)),
}


def randomize_batch_norm(model):
    for module in model.modules():
        if isinstance(module, nn.modules.batchnorm._BatchNorm):
            module.running_mean.uniform_(-0.5, 0.5)
            module.running_var.uniform_(0.5, 2.0)
            module.weight.data.uniform_(0.5, 1.5)
            module.bias.data.uniform_(-0.2, 0.2)


def randomize_zero_parameters(model):
    """Zero-initialized parameters (ViT's classifier head) would make the
    output independent of everything before them."""
    for parameter in model.parameters():
        if torch.count_nonzero(parameter) == 0:
            parameter.data.normal_(0.0, 0.02)


def export(name, out_dir):
    torch.manual_seed(0)
    construct, make_input = MODELS[name]
    model = construct().eval()
    randomize_batch_norm(model)
    randomize_zero_parameters(model)
    example = make_input()
    path = os.path.join(out_dir, name + ".onnx")
    with torch.no_grad():
        expected = model(example)
    # Exported with gradients enabled: PyTorch's fused attention fast path
    # (used under no_grad) has no ONNX export.
    torch.onnx.export(model, (example,), path, opset_version=17,
                      input_names=["input"], output_names=["output"])
    np.save(os.path.join(out_dir, name + ".input.npy"), example.numpy())
    np.save(os.path.join(out_dir, name + ".output.npy"), expected.numpy())
    print(f"exported {path}")


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True)
    parser.add_argument("models", nargs="*", choices=[[]] + list(MODELS),
                        help="default: all")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    torch.set_num_threads(1)
    for name in args.models or MODELS:
        export(name, args.out)


if __name__ == "__main__":
    sys.exit(main())
