"""Optimizers: ``Optimizer`` (the base class), ``SGD``, ``Momentum``, ``Adam``, ``AdamWeightDecay``, ``RMSProp``
and ``Adagrad``, with MindSpore 2.10's signatures, state names and update rules."""
from .optimizer import Optimizer
from .momentum import Momentum
from .adam import Adam, AdamWeightDecay
from .sgd import SGD
from .rmsprop import RMSProp
from .adagrad import Adagrad
from .ada_max import AdaMax
from .adadelta import Adadelta
from .proximal_ada_grad import ProximalAdagrad
from .ftrl import FTRL
from .lazyadam import LazyAdam, AdamOffload
from .asgd import ASGD
from .rprop import Rprop
from .parameter_update import ParameterUpdate
from .ada_factor import AdaFactor
from .lamb import Lamb
from .lars import LARS

__all__ = ['Optimizer', 'Momentum', 'Adam', 'AdamWeightDecay', 'SGD', 'RMSProp', 'Adagrad',
           'AdaMax', 'Adadelta', 'ProximalAdagrad', 'FTRL', 'LazyAdam', 'AdamOffload', 'ASGD', 'Rprop',
           'ParameterUpdate', 'AdaFactor', 'Lamb', 'LARS']
