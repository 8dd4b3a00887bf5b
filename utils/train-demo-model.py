#!/usr/bin/python3
"""Trains the small CNN that `make demo` compiles and runs.

The data set is synthetic, drawn with numpy from a fixed seed: 3x32x32 RGB
images of ten kinds of shapes and patterns, each with a random position,
size, foreground and background color, and noise. A small CNN (three
conv-bn-relu blocks, global average pool, linear) is trained on the CPU until
its accuracy on a held-out synthetic set reaches the target, then exported in
eval mode (batch-norm folded) to ONNX. Inputs are normalized as
(pixel - 0.5) / 0.5, pixels in [0, 1].

Writes to --out (default examples/shapes-cnn):
  shapes-cnn.onnx        opset 13, input "image" [1,3,32,32], output "logits" [1,10]
  labels.txt             class names, one a line, in output order
  CLASS.npy              sample inputs (held out, classified correctly)
  CLASS.logits.npy       PyTorch's logits for each sample

  utils/train-demo-model.py [--out examples/shapes-cnn]
"""
import argparse
import os
import sys
import time

import numpy as np
import torch
from torch import nn

CLASSES = ["circle", "square", "triangle", "ring", "cross", "hstripes",
           "vstripes", "checkerboard", "diagonal", "dots"]
SAMPLES = ["circle", "triangle", "checkerboard"]
SIZE = 32
YY, XX = np.mgrid[0:SIZE, 0:SIZE].astype(np.float32) + 0.5


def shape_mask(kind, rng):
    """A boolean SIZE x SIZE mask of one randomly placed instance of `kind`."""
    r = rng.uniform(5, 11)                       # half-size of the shape
    if kind in ("hstripes", "vstripes", "checkerboard"):
        r = rng.uniform(8, 12)                   # big enough to show a texture
    cy, cx = rng.uniform(r + 1, SIZE - r - 1, size=2)
    dy, dx = YY - cy, XX - cx
    if kind == "circle":
        return dy**2 + dx**2 <= r**2
    if kind == "square":
        a = rng.uniform(0, np.pi / 2)            # rotated square
        u, v = np.cos(a) * dx + np.sin(a) * dy, -np.sin(a) * dx + np.cos(a) * dy
        s = r * 0.8
        return (abs(u) <= s) & (abs(v) <= s)
    if kind == "triangle":
        a = rng.uniform(0, 2 * np.pi)            # rotated equilateral triangle
        inside = np.ones_like(dx, dtype=bool)
        for k in range(3):                       # three half-planes
            t = a + k * 2 * np.pi / 3
            inside &= np.cos(t) * dx + np.sin(t) * dy <= r * 0.5
        return inside
    if kind == "ring":
        w = rng.uniform(1.5, 2.5)
        d = np.sqrt(dy**2 + dx**2)
        return (d <= r) & (d >= r - w)
    if kind == "cross":
        w = rng.uniform(1.2, 2.2)
        return ((abs(dx) <= w) & (abs(dy) <= r)) | ((abs(dy) <= w) & (abs(dx) <= r))
    if kind in ("hstripes", "vstripes", "checkerboard"):
        box = (abs(dx) <= r) & (abs(dy) <= r)
        p = rng.uniform(2, max(2, r / 2.5))      # stripe width: >= 5 per box
        by = np.floor((dy + r) / p).astype(int) % 2 == 0
        bx = np.floor((dx + r) / p).astype(int) % 2 == 0
        pattern = {"hstripes": by, "vstripes": bx, "checkerboard": by ^ bx}[kind]
        return box & pattern
    if kind == "diagonal":
        a = rng.uniform(np.pi / 8, 3 * np.pi / 8) + rng.integers(2) * np.pi / 2
        w = rng.uniform(1.0, 2.0)
        along = np.cos(a) * dx + np.sin(a) * dy
        across = -np.sin(a) * dx + np.cos(a) * dy
        return (abs(across) <= w) & (abs(along) <= r * 1.3)
    if kind == "dots":
        mask = np.zeros_like(dx, dtype=bool)
        for _ in range(rng.integers(5, 10)):
            y, x = rng.uniform(3, SIZE - 3, size=2)
            mask |= (YY - y)**2 + (XX - x)**2 <= rng.uniform(1.2, 2.0)**2
        return mask
    raise ValueError(kind)


def make_image(label, rng):
    while True:                                  # colors far enough apart
        bg, fg = rng.uniform(0, 1, size=(2, 3)).astype(np.float32)
        if np.linalg.norm(fg - bg) >= 0.5:
            break
    mask = shape_mask(CLASSES[label], rng)
    img = np.where(mask[None], fg[:, None, None], bg[:, None, None])
    img = img + rng.normal(0, rng.uniform(0.02, 0.08), img.shape)
    return ((np.clip(img, 0, 1) - 0.5) / 0.5).astype(np.float32)


def make_dataset(n, seed):
    rng = np.random.default_rng(seed)
    labels = np.arange(n) % len(CLASSES)
    rng.shuffle(labels)
    images = np.stack([make_image(l, rng) for l in labels])
    return torch.from_numpy(images), torch.from_numpy(labels.astype(np.int64))


class ShapesCNN(nn.Module):
    def __init__(self, classes=len(CLASSES)):
        super().__init__()

        def block(cin, cout, pool):
            return [nn.Conv2d(cin, cout, 3, padding=1, bias=False),
                    nn.BatchNorm2d(cout), nn.ReLU(), pool]

        # count_include_pad=False (there is no padding) keeps the export to a
        # single AveragePool; the default adds a zero Pad in front of it.
        self.features = nn.Sequential(*block(3, 32, nn.MaxPool2d(2)),
                                      *block(32, 64, nn.MaxPool2d(2)),
                                      *block(64, 128, nn.AvgPool2d(2, count_include_pad=False)),
                                      nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.classifier = nn.Linear(128, classes)

    def forward(self, x):
        return self.classifier(self.features(x))


def accuracy(model, x, y):
    model.eval()
    with torch.no_grad():
        pred = torch.cat([model(b).argmax(1) for b in x.split(500)])
    return (pred == y).float().mean().item(), pred


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="examples/shapes-cnn")
    parser.add_argument("--target", type=float, default=0.95)
    parser.add_argument("--max-epochs", type=int, default=20)
    args = parser.parse_args()

    torch.set_num_threads(1)
    torch.manual_seed(0)
    start = time.time()
    train_x, train_y = make_dataset(12000, seed=1)
    test_x, test_y = make_dataset(2000, seed=2)
    print(f"data: {len(train_y)} train, {len(test_y)} test images "
          f"({time.time() - start:.1f}s)")

    model = ShapesCNN()
    params = sum(p.numel() for p in model.parameters())
    print(f"model: {params} parameters")
    opt = torch.optim.Adam(model.parameters(), lr=3e-3)
    loss_fn = nn.CrossEntropyLoss()
    acc = 0.0
    for epoch in range(1, args.max_epochs + 1):
        model.train()
        perm = torch.randperm(len(train_y))
        for i in range(0, len(perm), 64):
            idx = perm[i:i + 64]
            opt.zero_grad()
            loss = loss_fn(model(train_x[idx]), train_y[idx])
            loss.backward()
            opt.step()
        acc, pred = accuracy(model, test_x, test_y)
        print(f"epoch {epoch}: loss {loss.item():.3f}, test accuracy "
              f"{acc * 100:.2f}% ({time.time() - start:.0f}s)", flush=True)
        if acc >= args.target:
            break
    if acc < args.target:
        sys.exit(f"test accuracy {acc * 100:.2f}% is below the target")

    model.eval()
    os.makedirs(args.out, exist_ok=True)
    path = os.path.join(args.out, "shapes-cnn.onnx")
    torch.onnx.export(model, torch.zeros(1, 3, SIZE, SIZE), path,
                      opset_version=13, input_names=["image"],
                      output_names=["logits"], do_constant_folding=True,
                      training=torch.onnx.TrainingMode.EVAL)
    with open(os.path.join(args.out, "labels.txt"), "w") as f:
        f.write("\n".join(CLASSES) + "\n")
    for name in SAMPLES:
        label = CLASSES.index(name)
        i = next(i for i in range(len(test_y))
                 if test_y[i] == label and pred[i] == label)
        x = test_x[i:i + 1]
        with torch.no_grad():
            logits = model(x)
        np.save(os.path.join(args.out, f"{name}.npy"), x.numpy())
        np.save(os.path.join(args.out, f"{name}.logits.npy"), logits.numpy())
    print(f"wrote {path} ({os.path.getsize(path)} bytes), labels.txt, samples "
          f"{', '.join(SAMPLES)}; test accuracy {acc * 100:.2f}%, "
          f"{params} parameters, {time.time() - start:.0f}s")


if __name__ == "__main__":
    main()
