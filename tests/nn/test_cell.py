"""``nn.Cell`` (minispore/nn/cell.py): forward hooks."""
import numpy as np

from minispore import Tensor, nn


def test_removing_a_hook_never_lets_a_new_one_overwrite_another():
    # review regression: hooks were keyed by len(hooks), so after a removal a new hook took the key of a live one
    # and replaced it
    cell = nn.ReLU()
    seen = []
    h0 = cell.register_forward_hook(lambda c, i, o: seen.append(0))
    cell.register_forward_hook(lambda c, i, o: seen.append(1))
    h0.remove()
    cell.register_forward_hook(lambda c, i, o: seen.append(2))
    cell(Tensor(np.ones(2, np.float32)))
    assert seen == [1, 2]
