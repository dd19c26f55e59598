"""The maths of the course: activations, costs, the MLP's forward and backward pass, optimizers.

numpy only; imports nothing from the rest of creativenn but ``creativenn.files``
(saving a model whole). See docs/architecture.md.
"""
