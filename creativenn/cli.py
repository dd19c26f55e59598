"""The ``creativenn`` command (also ``python -m creativenn``).

``creativenn demo`` trains a 2-4-1 network on XOR in the terminal, showing
its loss going down: the core at work, no window needed.
"""

from __future__ import annotations

import argparse
import sys

import numpy as np

from . import datasets
from .mlp import MLP
from .optimizers import SGD


def demo(epochs: int = 1000, every: int = 100) -> int:
    """Train XOR and print the loss as a bar that shrinks."""
    X, Y = datasets.xor()
    net = MLP([2, 4, 1], activation="tanh", output_activation="sigmoid", loss="bce", seed=0)
    optimizer = SGD(learning_rate=0.5)
    print(f"{net}\nlearning XOR with batch gradient descent, η = {optimizer.learning_rate}\n")
    first = None
    for epoch in range(epochs + 1):
        loss = net.step(X, Y, optimizer) if epoch < epochs else net.loss(X, Y)
        first = first or loss
        if epoch % every == 0:
            bar = "█" * max(1, round(40 * loss / first))
            print(f"step {epoch:5d}  loss {loss:.4f}  {bar}")
    print("\ninput   target  output")
    for x, y, a in zip(X, Y, net.forward(X), strict=True):
        print(f"{x.astype(int).tolist()}  {int(y[0])}       {a[0]:.3f}")
    correct = np.array_equal(net.predict(X), Y[:, 0].astype(int))
    print("\nXOR learned." if correct else "\nNot learned yet: try more steps.")
    return 0 if correct else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="creativenn", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("demo", help="train XOR in the terminal and watch the loss fall")
    args = parser.parse_args(argv)
    if args.command == "demo":
        return demo()
    return 2


if __name__ == "__main__":
    sys.exit(main())
