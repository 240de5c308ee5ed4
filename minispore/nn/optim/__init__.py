"""Optimizers: ``Optimizer`` (the base class), ``SGD``, ``Momentum``, ``Adam``, ``AdamWeightDecay``, ``RMSProp``
and ``Adagrad``, with MindSpore 2.10's signatures, state names and update rules."""
from .optimizer import Optimizer
from .momentum import Momentum
from .adam import Adam, AdamWeightDecay
from .sgd import SGD
from .rmsprop import RMSProp
from .adagrad import Adagrad

__all__ = ['Optimizer', 'Momentum', 'Adam', 'AdamWeightDecay', 'SGD', 'RMSProp', 'Adagrad']
