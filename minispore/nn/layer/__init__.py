from .activation import (ELU, GELU, FastGelu, Hardtanh, HSigmoid, HSwish, LeakyReLU, LogSigmoid, LogSoftmax,
                         Mish, PReLU, ReLU, ReLU6, Sigmoid, SiLU, Softmax, Softplus, Softsign, Tanh, Tanhshrink,
                         get_activation)
from .basic import Dense, Dropout, Dropout1d, Dropout2d, Dropout3d, Flatten, Identity, Linear, Unflatten
from .container import CellDict, CellList, SequentialCell
from .embedding import Embedding, EmbeddingLookup
from .normalization import (BatchNorm1d, BatchNorm2d, BatchNorm3d, GroupNorm, InstanceNorm1d, InstanceNorm2d,
                            InstanceNorm3d, LayerNorm)
from .conv import *  # noqa: F401,F403
from .pooling import *  # noqa: F401,F403
from .image import *  # noqa: F401,F403
from .padding import *  # noqa: F401,F403
from .channel_shuffle import *  # noqa: F401,F403
from .transformer import *  # noqa: F401,F403
from .rnns import *  # noqa: F401,F403
from .rnn_cells import *  # noqa: F401,F403
from .more_activation import *  # noqa: F401,F403
from .more_layers import *  # noqa: F401,F403
from .pooling2 import *  # noqa: F401,F403
from .linalg_cells import *  # noqa: F401,F403
from .math import *  # noqa: F401,F403
