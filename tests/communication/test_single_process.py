"""The communication API in one process, without a launcher: init() says how to launch; the collectives say
init() is missing; the parallel context's keys, defaults and errors are MindSpore's."""
import pytest

import minispore as ms
from minispore import ops, nn
from minispore.communication import GlobalComm, get_rank, init


def test_init_without_a_launcher_shows_the_launch_command():
    with pytest.raises(RuntimeError, match=r"python -m minispore msrun --worker_num=2 --local_worker_num=2"):
        init()
    assert GlobalComm.INITED is False


def test_collectives_and_queries_before_init_say_to_call_init():
    with pytest.raises(RuntimeError, match=r"For 'AllReduce', the communication service is not initialized"):
        ops.AllReduce()(ms.Tensor([1.0]))
    with pytest.raises(RuntimeError, match=r"For 'get_rank', the communication service is not initialized"):
        get_rank()
    with pytest.raises(RuntimeError, match="not initialized"):
        nn.DistributedGradReducer(nn.Dense(2, 2).trainable_params())


def test_auto_parallel_context():
    assert ms.get_auto_parallel_context("parallel_mode") == "stand_alone"
    assert ms.get_auto_parallel_context("gradients_mean") is False
    assert ms.get_auto_parallel_context("device_num") == 1
    ms.set_auto_parallel_context(parallel_mode=ms.ParallelMode.DATA_PARALLEL, gradients_mean=True, device_num=2,
                                 parameter_broadcast=True)
    try:
        assert ms.get_auto_parallel_context("parallel_mode") == "data_parallel"
        assert ms.get_auto_parallel_context("device_num") == 2
        # not initialized: training stays local
        step = nn.TrainOneStepCell(nn.WithLossCell(nn.Dense(2, 1), nn.MSELoss()),
                                   nn.SGD(nn.Dense(2, 1).trainable_params()))
        assert step.reducer_flag is False
    finally:
        ms.reset_auto_parallel_context()
    assert ms.get_auto_parallel_context("parallel_mode") == "stand_alone"
    assert ms.get_auto_parallel_context("gradients_mean") is False
    with pytest.raises(ValueError, match="Set context keyword foo is not recognized!"):
        ms.set_auto_parallel_context(foo=1)
    with pytest.raises(ValueError, match="only support 'stand_alone', 'data_parallel'"):
        ms.set_auto_parallel_context(parallel_mode="bad")
    with pytest.raises(TypeError, match="The parameter 'gradients_mean' must be <class 'bool'>"):
        ms.set_auto_parallel_context(gradients_mean=1)
    with pytest.raises(ValueError, match="'device_num' must be a positive integer"):
        ms.set_auto_parallel_context(device_num=0)
    with pytest.raises(ValueError, match="Get context keyword foo is not recognized!"):
        ms.get_auto_parallel_context("foo")
    assert ms.ParallelMode.MODE_LIST == ["stand_alone", "data_parallel", "hybrid_parallel", "semi_auto_parallel",
                                         "auto_parallel"]
