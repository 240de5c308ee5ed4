from .loss import (BCELoss, BCEWithLogitsLoss, CrossEntropyLoss, HuberLoss, L1Loss, LossBase, MSELoss, NLLLoss,
                   SmoothL1Loss, SoftmaxCrossEntropyWithLogits)
from .more_loss import *  # noqa: F401,F403
from .losses2 import *  # noqa: F401,F403
