"""The network of cases_amp.py at module level (MindSpore's O1 rewrites a class from its source file), for the
framework named by MINISPORE_AMP_FRAMEWORK (gen_amp.py sets 'mindspore'; default 'minispore')."""
import importlib
import os

import numpy as np

ms = importlib.import_module(os.environ.get("MINISPORE_AMP_FRAMEWORK", "minispore"))
nn = ms.nn


class Net(nn.Cell):
    def __init__(self, bn=True):
        super().__init__()
        self.d1 = nn.Dense(4, 3)
        self.relu = nn.ReLU()
        self.bn = nn.BatchNorm1d(3) if bn else nn.Dense(3, 3)
        self.d2 = nn.Dense(3, 2)
        self.p = ms.Parameter(ms.Tensor(np.array([0.3, -0.2], np.float32)), name="p")

    def construct(self, x):
        y = self.bn(self.relu(self.d1(x)))
        return self.d2(y) * 2.0 + self.p
