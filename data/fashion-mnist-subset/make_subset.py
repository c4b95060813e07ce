#!/usr/bin/python3
"""Make the bundled class-balanced Fashion-MNIST subset.

Takes, from each of the training and test files, the first N images of every class (in file
order) and writes them, still in file order, as gzip-compressed IDX files. Deterministic:
gzip headers carry no timestamp, so a rerun reproduces the files byte for byte.

Usage: /usr/bin/python3 make_subset.py [SOURCE_DIR [OUT_DIR]]
  SOURCE_DIR defaults to /usr/share/datasets/fashion-mnist (Debian package
  dataset-fashion-mnist), OUT_DIR to the directory of this script.
"""
import gzip
import os
import struct
import sys

import numpy as np

TRAIN_PER_CLASS = 200
TEST_PER_CLASS = 100
CLASSES = 10


def read_idx(path, magic):
    with gzip.open(path, "rb") as f:
        data = f.read()
    found, = struct.unpack(">I", data[:4])
    if found != magic:
        sys.exit(f"{path}: magic number 0x{found:08X}, expected 0x{magic:08X}")
    ndim = magic & 0xFF
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    body = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim)
    if body.size != int(np.prod(dims)):
        sys.exit(f"{path}: {body.size} data bytes, header says {dims}")
    return body.reshape(dims)


def write_idx(path, array, magic):
    header = struct.pack(">I", magic) + struct.pack(">" + "I" * array.ndim, *array.shape)
    with open(path, "wb") as raw:
        name = os.path.basename(path)[:-len(".gz")]
        with gzip.GzipFile(filename=name, mode="wb", fileobj=raw, compresslevel=9, mtime=0) as f:
            f.write(header + array.astype(np.uint8).tobytes())


def first_per_class(labels, per_class):
    """Indices (ascending) of the first per_class examples of each class."""
    chosen = [np.flatnonzero(labels == c)[:per_class] for c in range(CLASSES)]
    for c, idx in enumerate(chosen):
        if idx.size < per_class:
            sys.exit(f"class {c} has only {idx.size} examples, need {per_class}")
    return np.sort(np.concatenate(chosen))


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.abspath(__file__))
    for split, per_class in (("train", TRAIN_PER_CLASS), ("t10k", TEST_PER_CLASS)):
        images = read_idx(os.path.join(source, f"{split}-images-idx3-ubyte.gz"), 0x803)
        labels = read_idx(os.path.join(source, f"{split}-labels-idx1-ubyte.gz"), 0x801)
        idx = first_per_class(labels, per_class)
        write_idx(os.path.join(out, f"{split}-images-idx3-ubyte.gz"), images[idx], 0x803)
        write_idx(os.path.join(out, f"{split}-labels-idx1-ubyte.gz"), labels[idx], 0x801)
        print(split, "images", images[idx].shape, "class counts", np.bincount(labels[idx]),
              "last source index used", idx[-1])


if __name__ == "__main__":
    main()
