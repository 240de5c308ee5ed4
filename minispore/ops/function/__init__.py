"""``mindspore.ops.function``: the functional API, grouped as in MindSpore."""
from .math_func import *  # noqa: F401,F403
from .array_func import *  # noqa: F401,F403
from .nn_func import *  # noqa: F401,F403
from .random_func import *  # noqa: F401,F403
from .state_func import *  # noqa: F401,F403
from .conv_func import *  # noqa: F401,F403
from .image_func import *  # noqa: F401,F403
from .cnn_func import *  # noqa: F401,F403
from .more_func import *  # noqa: F401,F403
from .scatter_func import *  # noqa: F401,F403
from .sort_func import *  # noqa: F401,F403
from .comm_func import *  # noqa: F401,F403
from .nn_more_func import *  # noqa: F401,F403
from .complex_func import *  # noqa: F401,F403
from .fft_func import *  # noqa: F401,F403
from .linalg_func import *  # noqa: F401,F403
from .special_func import *  # noqa: F401,F403
