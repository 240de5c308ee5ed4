"""Direct cases for the collectives (collected by test_primitives_direct.py), on the process-local group of one
rank, where each collective is the identity (AllGather/ReduceScatter of one block). The multi-process values and
gradients, against NumPy on the gathered data, are in tests/communication/."""
import numpy as np

from minispore.communication._engine import SELF_GROUP

rng = np.random.default_rng(1414)
CASES = {
    "AllReduce": dict(args=[rng.uniform(0.5, 2.0, (2, 3))], params=dict(op="prod", group=SELF_GROUP),
                      ref=lambda x: x.copy()),
    "AllGather": dict(args=[rng.uniform(-1, 1, (2, 3))], params=dict(group=SELF_GROUP), ref=lambda x: x.copy()),
    "ReduceScatter": dict(args=[rng.uniform(-1, 1, (4, 3))], params=dict(op="sum", group=SELF_GROUP),
                          ref=lambda x: x.copy()),
    "Broadcast": dict(args=[rng.uniform(-1, 1, (3,))], params=dict(root=0, group=SELF_GROUP), ref=lambda x: x.copy()),
}
