"""Training wrappers around a network, its loss and an optimizer."""
from .cell_wrapper import ForwardValueAndGrad, TrainOneStepCell, WithEvalCell, WithGradCell, WithLossCell
from .grad_reducer import DistributedGradReducer
from .loss_scale import DynamicLossScaleUpdateCell, FixedLossScaleUpdateCell, TrainOneStepWithLossScaleCell

__all__ = ['TrainOneStepCell', 'WithLossCell', 'WithGradCell', 'WithEvalCell', 'ForwardValueAndGrad',
           'TrainOneStepWithLossScaleCell', 'DynamicLossScaleUpdateCell', 'FixedLossScaleUpdateCell', 'DistributedGradReducer']
