"""The worlds built on the maths: data sets, cost surfaces and balls on them, line fitting,
the perceptron, basins, loss landscapes, CPPN images, the playground.

numpy only; may import ``creativenn.maths`` and ``creativenn.picture``. See
docs/architecture.md.
"""
