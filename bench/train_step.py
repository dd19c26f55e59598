"""One training step of creativenn's MLP against a plain numpy loop doing the same maths.

The tags (F1), (B4), (G1) … name equations of the course notes, docs/maths.md;
``creativenn maths B4`` prints one.

Both sides do the same work per step: the forward pass (F1), the loss,
backpropagation (B4) and a plain SGD update (G1), on the same data and the
same starting weights, timed side by side in this one run (21 interleaved
rounds, the best of each: on a shared machine the best of many rounds is
what each can do). Prints microseconds per step and the ratio creativenn /
loop; the goal is at most 1.3× for the smallest network (where
a step's fixed cost shows most) and 1.1× for the others. If PyTorch is
installed, its column is added (it is not a dependency), with how many
times slower than creativenn it is: the goal there is at least 3×.

Run: ``make bench`` or ``python bench/train_step.py``.
"""

from __future__ import annotations

import sys
import time

import numpy as np

import creativenn as cnn

CASES = [  # (sizes, batch, hidden activation, output activation, loss)
    ([2, 4, 1], 4, "tanh", "sigmoid", "bce"),
    ([2, 8, 8, 1], 256, "tanh", "sigmoid", "bce"),
    ([64, 16, 16, 10], 64, "sigmoid", "softmax", "cross_entropy"),
    ([784, 16, 16, 10], 64, "sigmoid", "softmax", "cross_entropy"),
]
GOALS = (1.3, 1.1, 1.1, 1.1)  # creativenn / loop, at most: per case, smallest first
TORCH_GOAL = 3.0  # torch / creativenn, at least
LEARNING_RATE = 0.1


def plain_loop(weights, biases, hidden, X, Y):
    """The same step written as a numpy loop would be in a tutorial."""
    act = {"tanh": np.tanh, "sigmoid": lambda z: 1 / (1 + np.exp(-z))}[hidden]
    slope = {"tanh": lambda a: 1 - a * a, "sigmoid": lambda a: a * (1 - a)}[hidden]
    softmax = weights[-1].shape[0] > 1

    def step():
        acts = [X]
        for W, b in zip(weights[:-1], biases[:-1], strict=True):
            acts.append(act(acts[-1] @ W.T + b))
        z = acts[-1] @ weights[-1].T + biases[-1]
        if softmax:
            e = np.exp(z - z.max(axis=1, keepdims=True))
            a = e / e.sum(axis=1, keepdims=True)
            loss = -np.mean(np.sum(Y * np.log(a), axis=1))
        else:
            a = 1 / (1 + np.exp(-z))
            loss = np.mean(np.maximum(z, 0) - Y * z + np.log1p(np.exp(-np.abs(z))))
        delta = (a - Y) / (len(X) * (1 if softmax else Y.shape[1]))
        for l in range(len(weights) - 1, -1, -1):
            gW, gb = delta.T @ acts[l], delta.sum(axis=0)
            if l:
                delta = (delta @ weights[l]) * slope(acts[l])
            weights[l] -= LEARNING_RATE * gW
            biases[l] -= LEARNING_RATE * gb
        return loss

    return step


def torch_step(net, X, Y):
    import torch

    layers = []
    for i, (W, b) in enumerate(zip(net.weights, net.biases, strict=True)):
        linear = torch.nn.Linear(W.shape[1], W.shape[0]).double()
        with torch.no_grad():
            linear.weight.copy_(torch.from_numpy(W))
            linear.bias.copy_(torch.from_numpy(b))
        layers.append(linear)
        if i < len(net.weights) - 1:
            layers.append(torch.nn.Tanh() if net.activation == "tanh" else torch.nn.Sigmoid())
    model = torch.nn.Sequential(*layers)
    opt = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)
    Xt = torch.from_numpy(X)
    if net.output_activation == "softmax":
        lossf, Yt = torch.nn.CrossEntropyLoss(), torch.from_numpy(Y.argmax(axis=1))
    else:
        lossf, Yt = torch.nn.BCEWithLogitsLoss(), torch.from_numpy(Y)

    def step():
        opt.zero_grad()
        loss = lossf(model(Xt), Yt)
        loss.backward()
        opt.step()
        return loss.item()

    return step


def best_time(step, n: int) -> float:
    start = time.perf_counter()
    for _ in range(n):
        step()
    return (time.perf_counter() - start) / n


def measure(case, rounds: int = 21):
    sizes, batch, hidden, output, loss = case
    rng = np.random.default_rng(0)
    X = rng.normal(size=(batch, sizes[0]))
    labels = rng.integers(0, sizes[-1] if sizes[-1] > 1 else 2, batch)
    Y = np.eye(sizes[-1])[labels] if sizes[-1] > 1 else labels[:, None].astype(float)
    net = cnn.MLP(sizes, activation=hidden, output_activation=output, loss=loss, seed=0)
    loop = plain_loop([w.copy() for w in net.weights], [b.copy() for b in net.biases], hidden, X, Y)
    optimizer = cnn.SGD(LEARNING_RATE)
    ours = lambda: net.step(X, Y, optimizer)  # noqa: E731
    steps = {"creativenn": ours, "numpy loop": loop}
    try:
        steps["torch"] = torch_step(net, X, Y)
    except ImportError:
        pass
    n = max(20, int(0.02 / max(best_time(loop, 20), 1e-7)))  # about 20 ms per round
    times = {name: float("inf") for name in steps}
    for _ in range(rounds):  # interleaved, so both see the same machine
        for name, step in steps.items():
            times[name] = min(times[name], best_time(step, n))
    return times


def main() -> int:
    print("train step: creativenn MLP.step vs a plain numpy loop (same maths, SGD), best of 21 rounds")
    header = f"{'network':<18}{'batch':>6}{'creativenn µs':>15}{'loop µs':>10}{'ratio':>8}{'goal':>7}"
    print(header + ("  torch µs (ratio)" if _has_torch() else ""))
    if not _has_torch():
        print("(PyTorch is not installed: its column and its goal are left out; make bench installs it)")
    failed = False
    for case, goal in zip(CASES, GOALS, strict=True):
        t = measure(case)
        ratio = t["creativenn"] / t["numpy loop"]
        missed = ratio > goal
        line = (
            f"{'-'.join(map(str, case[0])):<18}{case[1]:>6}{t['creativenn'] * 1e6:>15.1f}"
            f"{t['numpy loop'] * 1e6:>10.1f}{ratio:>7.2f}×{'≤' + str(goal) + '×':>7}"
        )
        if "torch" in t:
            slower = t["torch"] / t["creativenn"]
            missed |= slower < TORCH_GOAL
            line += f"  {t['torch'] * 1e6:.1f} ({slower:.1f}× creativenn's, goal ≥{TORCH_GOAL:g}×)"
        failed |= missed
        print(line + ("  MISSED" if missed else ""))
    return 1 if failed else 0


def _has_torch() -> bool:
    try:
        import torch  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())
