"""Direct case for the gradient-hook primitive of nn.Cell (collected by test_primitives_direct.py). With no hook
registered it is the identity, forward and backward (the hooks' effect on gradients is checked against MindSpore in
tests/test_golden_cell.py and tests/nn/test_cell_more.py)."""
import numpy as np

from minispore import nn
from minispore.nn._cell_hooks import HookState

_x = np.random.default_rng(1501).uniform(-1, 1, (2, 3))

CASES = {
    "CellBackwardHook": dict(args=[_x], params=dict(state=HookState(nn.ReLU(), True), role="out"),
                             ref=lambda x: x),
}
